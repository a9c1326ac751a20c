import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/decision-tree/decision-tree.js';
import type { DecisionChoiceDetail, DecisionCompleteDetail, LsDecisionTree } from '../../src/components/decision-tree/decision-tree.js';
import { buildTree, replay, summarize, walk, type DecisionTreeConfig } from '../../src/components/decision-tree/model.js';
import { $, $$, configure, copyByKeyboard, expectAlert, expectAxeClean, expectFits, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, openTableView, record, settle, shadow, text, until } from './helpers.js';

const checked = (el: Element) => $<HTMLInputElement>(el, 'input[name="opt"]:checked');
const activeInside = (el: Element) => shadow(el).activeElement as HTMLElement | null;

const db = {
  title: 'Which database?',
  decisions: [
    {
      id: 'db',
      number: 1,
      title: 'Storage',
      group: 'Data',
      question: 'Which database?',
      context: 'Decides which queries are cheap.',
      options: [
        { id: 'sql', label: 'SQL', when: 'Joins and transactions.', pros: ['Ad-hoc queries'], cons: ['One primary'], tools: ['PostgreSQL', 'MySQL'], examples: ['Stack Overflow'], next: ['replicas', 'shard'], default: true },
        { id: 'kv', label: 'Key-value', when: 'Known keys at scale.', tools: ['DynamoDB'], next: 'events' },
      ],
    },
    { id: 'replicas', number: 2, title: 'Read scaling', group: 'Data', question: 'How do you scale reads?', options: [{ id: 'replicas', label: 'Read replicas', tools: ['PostgreSQL'] }, { id: 'cache', label: 'Cache', tools: ['Redis'], default: true }] },
    { id: 'shard', number: 3, title: 'Sharding', group: 'Data', question: 'Shard by?', options: [{ id: 'none', label: 'Not yet', default: true }, { id: 'user', label: 'User id', tools: ['Vitess'] }] },
    { id: 'delivery', number: 4, title: 'Delivery', group: 'Messaging', question: 'Delivery semantics?', options: [{ id: 'alo', label: 'At-least-once', default: true }, { id: 'amo', label: 'At-most-once' }] },
    { id: 'events', number: 5, title: 'Events', group: 'Messaging', question: 'Event-driven?', options: [{ id: 'yes', label: 'Yes', tools: ['Kafka'], next: 'delivery' }, { id: 'no', label: 'No' }] },
  ],
};

describe('<ls-decision-tree>', () => {
  guardEachTest();

  it('renders from the config property: question, context, options, the default selected with its trade-offs', async () => {
    const el = await fixture<LsDecisionTree>(html`<ls-decision-tree .config=${db}></ls-decision-tree>`);
    expect(text($(el, '[part="title"]'))).to.equal('Which database?');
    expect(text($(el, '.question'))).to.equal('Which database?');
    expect(text($(el, '.context'))).to.equal('Decides which queries are cheap.');
    expect(text($(el, '.kicker'))).to.equal('Decision 1 · Data');
    expect($$(el, 'input[name="opt"]')).to.have.length(2);
    expect(checked(el)!.value).to.equal('sql');
    const more = text($(el, '.opt.sel .more'));
    expect(more).to.contain('Ad-hoc queries').and.contain('One primary').and.contain('PostgreSQL').and.contain('Stack Overflow').and.contain('#2 Read scaling, #3 Sharding');
    expect(text($(el, '[part="summary"]'))).to.contain('Nothing chosen yet');
    expect(text($(el, 'nav[part="breadcrumbs"]'))).to.equal('#1 Storage');
  });

  it('takes inline JSON and the `path` and `start` attributes (which win over the JSON)', async () => {
    const el = await fixture<LsDecisionTree>(html`<ls-decision-tree path="sql, cache"><script type="application/json">${JSON.stringify(db)}</script></ls-decision-tree>`);
    expect(el.state!.steps.map((s) => s.option)).to.deep.equal(['sql', 'cache']);
    expect(el.state!.current!.id).to.equal('shard');
    expect($$(el, 'nav .crumb')).to.have.length(3);
    el.setAttribute('start', 'events');
    el.setAttribute('path', 'yes');
    await settle(el);
    expect(el.state!.current!.id).to.equal('delivery');
  });

  it('takes `src`', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify({ ...db, path: ['kv'] })], { type: 'application/json' }));
    const el = await fixture<LsDecisionTree>(html`<ls-decision-tree src=${url}></ls-decision-tree>`);
    await until(() => el.state?.current?.id === 'events', 'src loaded');
    expect(text($(el, '.question'))).to.equal('Event-driven?');
  });

  it('is operated by keyboard: arrows select, Enter chooses, focus follows; events and announcements', async () => {
    const el = await fixture<LsDecisionTree>(html`<ls-decision-tree .config=${db}></ls-decision-tree>`);
    const chosen = record<DecisionChoiceDetail>(el, 'ls-decision-choose');
    const done = record<DecisionCompleteDetail>(el, 'ls-decision-complete');
    checked(el)!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(checked(el)!.value).to.equal('kv');
    expect(text($(el, '.opt.sel .more'))).to.contain('DynamoDB');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(chosen).to.have.length(1);
    expect(chosen[0].detail).to.deep.equal({ decision: 'db', option: 'kv', path: [{ decision: 'db', option: 'kv' }] });
    expect(liveText(el)).to.contain('Chose Key-value for #1 Storage. Next: #5 Events — Event-driven?');
    expect(activeInside(el)).to.equal(checked(el));
    // event-driven brings in delivery semantics, listed earlier: it is asked next
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.state!.current!.id).to.equal('delivery');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.state!.complete).to.equal(true);
    expect(done).to.have.length(1);
    expect(done[0].detail.tools).to.deep.equal(['DynamoDB', 'Kafka']);
    expect(liveText(el)).to.contain('Design complete: 3 decisions.');
    expect(activeInside(el)?.id).to.equal('sum-h');
    expect(text($(el, 'nav'))).to.contain('Summary');
    await expectAxeClean(el);
  });

  it('Back, breadcrumbs and Restart move through the walk by keyboard and say so', async () => {
    const el = await fixture<LsDecisionTree>(html`<ls-decision-tree .config=${{ ...db, path: ['sql', 'replicas', 'user'] }}></ls-decision-tree>`);
    const chosen = record(el, 'ls-decision-choose');
    expect(el.state!.complete).to.equal(true);
    const backBtn = $$<HTMLButtonElement>(el, '.bar button')[0];
    backBtn.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.state!.current!.id).to.equal('shard');
    expect(checked(el)!.value, 'the undone choice is selected again').to.equal('user');
    expect(liveText(el)).to.contain('Undid User id; back at #3 Sharding.');
    const crumb = $$<HTMLButtonElement>(el, 'nav button.crumb')[0];
    expect(crumb.getAttribute('aria-label')).to.equal('#1 SQL: return to #1 Storage');
    crumb.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.state!.steps).to.deep.equal([]);
    expect(checked(el)!.value).to.equal('sql');
    expect(liveText(el)).to.contain('Back at #1 Storage; 2 later choice(s) undone.');
    expect(chosen, 'going back fires no choose event').to.have.length(0);
    el.choose('kv');
    await settle(el);
    $$<HTMLButtonElement>(el, '.bar button')[1].click();
    await settle(el);
    expect(el.state!.steps).to.deep.equal([]);
    expect(liveText(el)).to.contain('Restarted at #1 Storage.');
  });

  it('the summary and the table view show the same facts as the model', async () => {
    const cfg = { ...db, path: ['sql', 'replicas', 'user'] };
    const el = await fixture<LsDecisionTree>(html`<ls-decision-tree .config=${cfg}></ls-decision-tree>`);
    const t = buildTree(cfg as unknown as DecisionTreeConfig);
    const s = summarize(t, replay(t, cfg.path).steps);
    const items = $$(el, '.choices > li');
    expect(items.map((li) => text(li.querySelector('strong')))).to.deep.equal(s.items.map((i) => i.option.label));
    expect($$(el, '.summary .chips li').map((li) => text(li))).to.deep.equal(s.tools);
    await openTableView(el);
    const tables = $$(el, 'details table');
    expect(tables).to.have.length(2);
    const rows = Array.from(tables[0].querySelectorAll('tbody tr')).map((r) => Array.from(r.children).map((c) => text(c)));
    expect(rows).to.deep.equal([
      ['1', '#1 Storage', 'SQL', 'PostgreSQL, MySQL'],
      ['2', '#2 Read scaling', 'Read replicas', 'PostgreSQL'],
      ['3', '#3 Sharding', 'User id', 'Vitess'],
    ]);
    expect(tables[1].querySelectorAll('tbody tr').length).to.equal(db.decisions.reduce((n, d) => n + d.options.length, 0));
    expect(Array.from(tables[1].querySelector('tbody tr')!.children).map((c) => text(c))).to.deep.equal(['#1 Storage', 'SQL', '#2 Read scaling, #3 Sharding']);
    expect(el.summaryMarkdown()).to.contain('1. **#1 Storage**: SQL\n   - Pros: Ad-hoc queries\n   - Cons: One primary\n   - Tools: PostgreSQL, MySQL');
    await expectAxeClean(el);
  });

  it('exportScenario, set back as config, restores the walk; Copy summary and Copy scenario report', async () => {
    const el = await fixture<LsDecisionTree>(html`<ls-decision-tree .config=${db}></ls-decision-tree>`);
    el.choose('sql');
    el.choose('replicas');
    await settle(el);
    const json = el.exportScenario();
    expect(json.path).to.deep.equal(['sql', 'replicas']);
    const copy = await fixture<LsDecisionTree>(html`<ls-decision-tree .config=${json}></ls-decision-tree>`);
    expect(copy.state).to.deep.equal(el.state);
    const [copySummary, copyScenario] = $$<HTMLButtonElement>(el, '.summary .footer button');
    await copyByKeyboard(el, copySummary, /Summary copied|Could not copy/, 'summary copy result');
    if (/Could not copy/.test(liveText(el))) {
      await settle(el);
      expect($<HTMLTextAreaElement>(el, 'textarea.md')!.value).to.equal(el.summaryMarkdown());
    }
    await copyByKeyboard(el, copyScenario, /Scenario copied|the scenario JSON/, 'scenario copy result');
  });

  it('is axe clean in the dark theme and fits 400 px', async () => {
    const el = await fixture<LsDecisionTree>(html`<ls-decision-tree theme="dark" .config=${{ ...db, path: ['sql'] }}></ls-decision-tree>`);
    await expectFits(el, 400);
    expect(shadow(el).querySelector('.frame')!.scrollWidth).to.be.at.most(400);
    await expectAxeClean(el);
  });

  it('shows located errors for a bad tree, and recovers', async () => {
    const bad = {
      decisions: [
        { id: 'db', question: 'Which?', options: [{ id: 'sql', label: 'SQL', next: 'replica' }, { id: 'kv', label: 'KV', next: 'shardng' }] },
        { id: 'replica', question: 'Replicas?', options: [{ id: 'yes', label: 'Yes', next: 'db' }, { id: 'no', label: 'No' }] },
        { id: 'sharding', question: 'Shard?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
      ],
    };
    const { el } = await expectLocatedError<LsDecisionTree>(
      html`<ls-decision-tree .config=${bad}></ls-decision-tree>`,
      'decisions[0].options[1].next: no decision "shardng" (did you mean "sharding"?)',
      'decisions[1].options[0].next: "db" leads back to itself, a cycle: db → replica → db',
      'decisions[2]: decision "sharding" is never reached',
    );
    await configure(el, { ...db, path: ['sql', 'nope'] });
    expectAlert(el, 'path[1]: "nope" is not an option of decision "replicas"');
    await configure(el, db);
    expectNoAlert(el);
    expect(walk(buildTree(db as unknown as DecisionTreeConfig), []).current!.id).to.equal(el.state!.current!.id);
    const attr = await fixture<LsDecisionTree>(html`<ls-decision-tree start="nowhere" .config=${db}></ls-decision-tree>`);
    expectAlert(attr, 'start: no decision "nowhere"');
  });
});
