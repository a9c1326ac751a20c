import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.js';

const q = (id: string, prompt = `Prompt ${id}?`) => ({ id, type: 'true-false', prompt, explanation: 'Because.', answer: true });
const topic = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  title: id,
  category: 'foundations',
  status: 'available',
  summary: 'S',
  sections: ['a', 'b', 'c', 'd'].map((s) => ({ id: s, title: s, body: 'Text.' })),
  terms: ['t1', 't2', 't3', 't4', 't5'].map((t) => ({ term: t, definition: 'D' })),
  quiz: { id, title: id, questions: Array.from({ length: 12 }, (_, i) => q(`${id}.q${i}`)) },
  references: ['a', 'b', 'c'].map((r) => ({ title: r, url: `https://example.org/${r}` })),
  ...over,
});
const catalog = (topics: { id: string; status: string }[]) => ({
  path: 'content/catalog.json',
  json: {
    title: 'T',
    tagline: 'T',
    categories: [{ id: 'foundations', title: 'F', description: 'D', topics: topics.map((t) => ({ ...t, title: t.id, description: 'D' })) }],
    dailyChallenge: { title: 'D', description: 'D' },
    stayUpdated: { title: 'S', description: 'S' },
  },
});
const file = (t: ReturnType<typeof topic>) => ({ path: `content/topics/${t.id}.json`, json: t });

describe('content check', () => {
  it('accepts a consistent catalog and topics', () => {
    const r = checkContent(catalog([{ id: 'a', status: 'available' }, { id: 'b', status: 'coming-soon' }]), [file(topic('a', { prerequisites: ['b'] }))]);
    expect(r.problems).toEqual([]);
    expect(r.questionCount).toBe(12);
  });

  it('finds problems across files', () => {
    const a = topic('a', {
      prerequisites: ['nope'],
      visualizations: [
        { element: 'ls-unknown', config: {}, caption: 'c' },
        { element: 'ls-consistent-hash-ring', config: { vnodes: 0 }, caption: 'c' },
      ],
    });
    const b = topic('b', { sections: [{ id: 's', title: 's', body: 'x' }], quiz: { id: 'b', title: 'b', questions: [q('a.q0'), q('b.q1', 'prompt A.Q1?')] } });
    const r = checkContent(catalog([{ id: 'a', status: 'coming-soon' }, { id: 'b', status: 'available' }, { id: 'c', status: 'available' }]), [file(a), file(b), { path: 'content/topics/bad.json', error: 'is not JSON: Unexpected token' }]);
    const text = r.problems.join('\n');
    expect(text).toContain('content/topics/a.json: prerequisites[0]: no topic "nope"');
    expect(text).toContain('content/topics/a.json: visualizations[0].element: "ls-unknown" is not a registered element');
    expect(text).toContain('content/topics/a.json: visualizations[1].config.vnodes: expected an integer from 1 to 1000, got 0');
    expect(text).toContain('content/topics/b.json: quiz.questions[0].id: question id "a.q0" is also used at content/topics/a.json: quiz.questions[0]');
    expect(text).toContain('content/topics/b.json: quiz.questions[1].prompt: the same question is asked at content/topics/a.json: quiz.questions[1]');
    expect(text).toContain('content/topics/b.json: sections: an available topic needs at least 4, has 1');
    expect(text).toContain('content/topics/b.json: quiz.questions: an available topic needs at least 12, has 2');
    expect(text).toContain('content/catalog.json: topic "a" is "coming-soon" in the catalog but "available" in its file');
    expect(text).toContain('content/catalog.json: topic "c" is "available" but content/topics/c.json does not exist');
    expect(text).toContain('content/topics/bad.json: is not JSON');
  });

  it('checks the file name against the id', () => {
    const r = checkContent(catalog([{ id: 'a', status: 'available' }]), [{ path: 'content/topics/x.json', json: topic('a') }]);
    expect(r.problems).toEqual(['content/topics/x.json: id: "a" must match the file name (a.json)']);
  });

  it('a visualization can extend an earlier one: fields merge, and the merged config is what gets checked', () => {
    const merged = checkContent(catalog([{ id: 'a', status: 'available' }]), [
      file(topic('a', { visualizations: [{ element: 'ls-consistent-hash-ring', config: { nodes: ['A', 'B'] }, caption: 'c' }, { element: 'ls-consistent-hash-ring', extends: 0, config: { keyCount: -1 }, caption: 'd' }] })),
    ]);
    expect(merged.problems.join('\n')).toMatch(/visualizations\[1\]\.config\.keyCount/);
    const ring = { nodes: ['A', 'B', 'C'], keyCount: 20 };
    const ok = checkContent(catalog([{ id: 'a', status: 'available' }]), [
      file(topic('a', { visualizations: [{ element: 'ls-consistent-hash-ring', config: ring, caption: 'c' }, { element: 'ls-consistent-hash-ring', extends: 0, config: { keyCount: 40 }, caption: 'd' }] })),
    ]);
    expect(ok.problems).toEqual([]);
    expect(ok.topics[0].visualizations[1].config).toEqual({ nodes: ['A', 'B', 'C'], keyCount: 40 });
    const bad = checkContent(catalog([{ id: 'a', status: 'available' }]), [
      file(
        topic('a', {
          visualizations: [
            { element: 'ls-consistent-hash-ring', config: ring, caption: 'c' },
            { element: 'ls-bloom-filter', extends: 0, config: {}, caption: 'd' },
            { element: 'ls-consistent-hash-ring', extends: 2, config: {}, caption: 'e' },
          ],
        }),
      ),
    ]);
    expect(bad.problems.join('\n')).toMatch(/visualizations\[1\]\.extends: visualization 0 is ls-consistent-hash-ring, not ls-bloom-filter/);
    expect(bad.problems.join('\n')).toMatch(/visualizations\[2\]\.extends: must name an earlier visualization \(0 to 1\), got 2/);
  });
});
