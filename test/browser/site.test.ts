import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/topic/topic.js';
import '../../src/components/topic-catalog/topic-catalog.js';
import '../../src/components/subscribe/subscribe.js';
import type { LsTopic } from '../../src/components/topic/topic.js';
import type { LsTopicCatalog } from '../../src/components/topic-catalog/topic-catalog.js';
import type { LsSubscribe, SubscribeDetail } from '../../src/components/subscribe/subscribe.js';
import { expectAxeClean, fixture, guardEachTest, record, settle, shadow, until } from './helpers.js';

const topic = {
  id: 'consistent-hashing',
  title: 'Consistent Hashing',
  category: 'foundations',
  status: 'available',
  summary: 'Keys move little when nodes change.',
  level: 'intermediate',
  prerequisites: ['non-functional-requirements'],
  objectives: ['Explain why `hash mod N` moves most keys'],
  sections: [
    { id: 'problem', title: 'The problem', body: 'A **virtual node** is one of many positions. <script>window.__x=1</script>\n\n{{viz:0}}\n\nAfter the ring.' },
    { id: 'table', title: 'Numbers', body: '| Nodes | Moved |\n|---|---|\n| 10 | 10% |' },
    { id: 'more', title: 'More', body: 'The virtual node again (no second link).' },
  ],
  terms: [
    { term: 'Virtual node', definition: 'One of many ring positions owned by one physical node.' },
    { term: 'Ring', definition: 'The 2^32 positions.' },
  ],
  visualizations: [{ element: 'ls-consistent-hash-ring', config: { nodes: ['A', 'B', 'C'], vnodes: 4, keyCount: 20 }, caption: 'Add a node.' }],
  quiz: { id: 'consistent-hashing-test', title: 'Check', questions: [{ id: 'ch.t1', type: 'true-false', prompt: 'True?', explanation: 'Yes.', answer: true }] },
  references: [{ title: 'Karger 1997', url: 'https://example.org/karger' }],
};

const catalog = {
  title: 'Le Systems',
  tagline: 'Learn.',
  categories: [
    { id: 'foundations', title: 'Foundations', description: 'Blocks.', topics: [{ id: 'consistent-hashing', title: 'Consistent Hashing', description: 'Rings and virtual nodes.', status: 'available' }, { id: 'rate-limiter', title: 'Design a Rate Limiter', description: 'Token buckets.', status: 'coming-soon' }] },
    { id: 'storage-databases', title: 'Storage & Databases', description: 'Data.', topics: [{ id: 'distributed-cache', title: 'Design a Distributed Cache', description: 'Eviction and cache stampedes.', status: 'coming-soon' }] },
  ],
  dailyChallenge: { title: 'Daily Challenge', description: 'A question a day.' },
  stayUpdated: { title: 'Stay Updated', description: 'News.' },
};

describe('<ls-topic>', () => {
  guardEachTest();

  it('renders the lesson: header, TOC, sections with the placed visualization, glossary, quiz, references', async () => {
    const el = await fixture<LsTopic>(html`<ls-topic .topic=${topic}></ls-topic>`);
    const root = shadow(el);
    expect(root.querySelector('h1')!.textContent).to.equal('Consistent Hashing');
    expect(Array.from(root.querySelectorAll('nav li')).map((l) => l.textContent!.trim())).to.deep.equal(['The problem', 'Numbers', 'More', 'Glossary', 'Check yourself']);
    expect(root.querySelector('section p')!.textContent).to.contain('<script>window.__x=1</script>');
    expect((window as unknown as { __x?: number }).__x).to.equal(undefined);
    expect(root.querySelector('table th')!.textContent).to.equal('Nodes');
    await until(() => !!root.querySelector('figure ls-consistent-hash-ring'), 'the ring to be loaded and placed');
    expect(root.querySelector('figure figcaption')!.textContent).to.contain('Add a node.');
    const placedAfter = root.querySelector('figure')!.nextElementSibling!.textContent;
    expect(placedAfter, 'placed where {{viz:0}} is').to.contain('After the ring.');
    root.querySelector('section[part=quiz]')!.scrollIntoView();
    await until(() => !!root.querySelector('section[part=quiz] ls-quiz'), 'the quiz, loaded when it scrolls near');
    expect(root.querySelector('a[href="https://example.org/karger"]')).to.not.equal(null);
    const prereq = root.querySelector<HTMLAnchorElement>('header a')!;
    expect(prereq.getAttribute('href')).to.equal('./?path=/story/learn-non-functional-requirements--lesson');
    expect(prereq.target).to.equal('_top');
    await expectAxeClean(el);
  });

  it('links the first mention of a glossary term per section, with its definition on focus', async () => {
    const el = await fixture<LsTopic>(html`<ls-topic .topic=${topic}></ls-topic>`);
    const terms = Array.from(shadow(el).querySelectorAll<HTMLAnchorElement>('a.term'));
    expect(terms.map((t) => t.textContent)).to.deep.equal(['virtual node', 'ring', 'virtual node']);
    terms[0].focus();
    const tip = shadow(el).querySelector<HTMLElement>('[role=tooltip]')!;
    await until(() => !tip.hidden && !tip.classList.contains('unplaced'), 'the definition');
    expect(tip.textContent).to.equal('One of many ring positions owned by one physical node.');
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement?.id === 'term-virtual-node', 'focus on the glossary entry');
  });

  it('the table of contents moves focus to the section', async () => {
    const el = await fixture<LsTopic>(html`<ls-topic .topic=${topic}></ls-topic>`);
    const link = Array.from(shadow(el).querySelectorAll<HTMLAnchorElement>('nav a')).find((a) => a.textContent === 'Numbers')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect(shadow(el).activeElement?.id).to.equal('h-table');
  });

  it('reports a broken topic where it is', async () => {
    const el = await fixture<LsTopic>(html`<ls-topic .topic=${{ ...topic, sections: [{ id: 'x', title: 'X', body: '{{viz:3}}' }], category: 'misc' }}></ls-topic>`);
    const alert = shadow(el).querySelector('[role=alert]')!.textContent!;
    expect(alert).to.contain('category: expected one of');
    await expectAxeClean(el);
  });
});

describe('<ls-topic-catalog>', () => {
  guardEachTest();

  it('lists categories and cards, filters by text and category, and announces the count', async () => {
    const el = await fixture<LsTopicCatalog>(html`<ls-topic-catalog .catalog=${catalog}></ls-topic-catalog>`);
    const cards = () => Array.from(shadow(el).querySelectorAll('a.card strong')).map((s) => s.textContent);
    expect(cards()).to.deep.equal(['Consistent Hashing', 'Design a Rate Limiter', 'Design a Distributed Cache']);
    expect(shadow(el).querySelectorAll('.badge').length).to.equal(2);
    const search = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
    search.focus();
    await sendKeys({ type: 'cache' });
    await settle(el);
    expect(cards()).to.deep.equal(['Design a Distributed Cache']);
    expect(shadow(el).querySelector('[aria-live]')!.textContent).to.contain('1 topics match');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await settle(el);
    const select = shadow(el).querySelector('select')!;
    select.value = 'foundations';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(cards()).to.deep.equal(['Consistent Hashing', 'Design a Rate Limiter']);
    await expectAxeClean(el);
  });

  it('shows the learner’s saved quiz result on the card', async () => {
    localStorage.setItem('ls-quiz:consistent-hashing@1', JSON.stringify({ v: 1, attempt: 1, index: 0, responses: { a: 1 }, checked: [], finished: true, startedAt: 0, result: { scaled: 0.8, success: true } }));
    const el = await fixture<LsTopicCatalog>(html`<ls-topic-catalog .catalog=${catalog}></ls-topic-catalog>`);
    expect(shadow(el).querySelector('a.card')!.textContent).to.contain('Quiz passed · 80%');
  });

  it('links cards through topic-url', async () => {
    const el = await fixture<LsTopicCatalog>(html`<ls-topic-catalog topic-url="/lessons/{id}/" .catalog=${catalog}></ls-topic-catalog>`);
    expect(shadow(el).querySelector('a.card')!.getAttribute('href')).to.equal('/lessons/consistent-hashing/');
  });
});

describe('<ls-subscribe>', () => {
  guardEachTest();
  const realFetch = window.fetch;
  afterEach(() => (window.fetch = realFetch));

  async function typeAndSubmit(el: LsSubscribe, text: string): Promise<void> {
    const input = shadow(el).querySelector('input')!;
    input.focus();
    await sendKeys({ type: text });
    await sendKeys({ press: 'Enter' });
    await settle(el);
  }

  it('validates the address before sending anything', async () => {
    let calls = 0;
    window.fetch = async () => ((calls++, new Response('{}', { status: 200 })));
    const el = await fixture<LsSubscribe>(html`<ls-subscribe action="https://example.org/s"></ls-subscribe>`);
    await typeAndSubmit(el, 'not-an-email');
    expect(calls).to.equal(0);
    expect(shadow(el).querySelector('#msg')!.textContent).to.contain('Enter an email address');
    expect(shadow(el).querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    await expectAxeClean(el);
  });

  it('posts to the configured action and reports success', async () => {
    const sent: { url: string; body: string }[] = [];
    window.fetch = async (url, init) => (sent.push({ url: String(url), body: String(init?.body) }), new Response('{}', { status: 200 }));
    const el = await fixture<LsSubscribe>(html`<ls-subscribe action="https://example.org/s" field="EMAIL" .config=${{ action: 'https://example.org/s', extra: { list: 'news' } }}></ls-subscribe>`);
    const events = record<SubscribeDetail>(el, 'ls-subscribe');
    await typeAndSubmit(el, 'ada@example.com');
    await until(() => events.length === 1, 'ls-subscribe');
    expect(sent[0].url).to.equal('https://example.org/s');
    expect(sent[0].body).to.equal('list=news&EMAIL=ada%40example.com');
    expect(events[0].detail).to.deep.equal({ ok: true, status: 200 });
    expect(shadow(el).querySelector('#msg')!.textContent).to.contain('Thanks!');
  });

  it('keeps what was typed and explains when sending fails', async () => {
    window.fetch = async () => new Response('nope', { status: 503 });
    const el = await fixture<LsSubscribe>(html`<ls-subscribe action="https://example.org/s"></ls-subscribe>`);
    const events = record<SubscribeDetail>(el, 'ls-subscribe');
    await typeAndSubmit(el, 'ada@example.com');
    await until(() => events.length === 1, 'ls-subscribe');
    expect(events[0].detail).to.deep.equal({ ok: false, status: 503 });
    expect(shadow(el).querySelector('#msg')!.textContent).to.contain('HTTP 503');
    expect(shadow(el).querySelector('input')!.value).to.equal('ada@example.com');
    window.fetch = async () => Promise.reject(new TypeError('Failed to fetch'));
    await sendKeys({ press: 'Enter' });
    await until(() => events.length === 2, 'the second attempt');
    expect(shadow(el).querySelector('#msg')!.textContent).to.contain('Failed to fetch');
    expect(shadow(el).querySelector('input')!.value).to.equal('ada@example.com');
  });

  it('without an action, says so where the form would be', async () => {
    const el = await fixture<LsSubscribe>(html`<ls-subscribe></ls-subscribe>`);
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('action: is required');
  });
});
