import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRng } from '../../src/core/prng.js';
import { parse } from '../../src/core/validate.js';
import { topicSchema } from '../../src/content/topic-schema.js';
import {
  back,
  buildTree,
  choose,
  decisionTreeSchema,
  jump,
  nextOf,
  replay,
  summarize,
  summaryMarkdown,
  toConfig,
  walk,
  type DecisionTreeConfig,
  type Step,
  type Tree,
} from '../../src/components/decision-tree/model.js';

interface RawOption {
  id: string;
  label: string;
  tools: string[];
  next: string[];
  default?: boolean;
}
interface RawDecision {
  id: string;
  question: string;
  options: RawOption[];
}
interface RawTree {
  decisions: RawDecision[];
  path?: string[];
  start?: string;
}

/** A random valid tree: edges only go forward in the list (so no cycle) and every decision has a parent. */
function randomTree(seed: number, n: number): RawTree {
  const rng = createRng(seed);
  const decisions: RawDecision[] = Array.from({ length: n }, (_, i) => ({
    id: `d${i}`,
    question: `Question ${i}?`,
    options: Array.from({ length: 2 + rng.int(3) }, (_, j) => ({ id: `o${j}`, label: `Option ${i}.${j}`, tools: rng.chance(0.6) ? [`tool${rng.int(8)}`] : [], next: [] as string[] })),
  }));
  const link = (from: number, to: number) => {
    const o = rng.pick(decisions[from].options);
    if (!o.next.includes(`d${to}`)) o.next.push(`d${to}`);
  };
  for (let k = 1; k < n; k++) link(rng.int(k), k);
  for (let e = rng.int(n + 1); e > 0; e--) {
    const a = rng.int(n);
    const b = rng.int(n);
    if (a < b) link(a, b);
  }
  return { decisions };
}

const treeArb = fc.tuple(fc.nat({ max: 2 ** 31 }), fc.integer({ min: 1, max: 12 })).map(([seed, n]) => randomTree(seed, n));

function tree(raw: unknown): Tree {
  const r = parse(decisionTreeSchema, raw);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return buildTree(r.value);
}

const idx = (id: string) => Number(id.slice(1));

/** Edges as [from, to] from the raw tree, with the path of each `next` entry. */
function edgesOf(raw: RawTree): { from: number; to: number; path: string }[] {
  return raw.decisions.flatMap((d, i) => d.options.flatMap((o, j) => o.next.map((t, k) => ({ from: i, to: idx(t), path: `decisions[${i}].options[${j}].next[${k}]` }))));
}

/** Kahn's algorithm: true when the edges leave no cycle. */
function acyclic(n: number, es: { from: number; to: number }[]): boolean {
  const indeg = new Array(n).fill(0);
  for (const e of es) indeg[e.to]++;
  const todo = indeg.map((d, i) => (d === 0 ? i : -1)).filter((i) => i >= 0);
  let seen = 0;
  while (todo.length) {
    const u = todo.pop()!;
    seen++;
    for (const e of es) if (e.from === u && --indeg[e.to] === 0) todo.push(e.to);
  }
  return seen === n;
}

function reachable(n: number, es: { from: number; to: number }[], from: number): Set<number> {
  const seen = new Set([from]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of es) if (seen.has(e.from) && !seen.has(e.to)) (seen.add(e.to), (grew = true));
  }
  return n ? seen : new Set();
}

type Action = { kind: 'choose'; pick: number } | { kind: 'back' } | { kind: 'jump'; to: number } | { kind: 'restart' };
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('choose' as const), pick: fc.nat(5) }),
  fc.record({ kind: fc.constant('choose' as const), pick: fc.nat(5) }),
  fc.constant({ kind: 'back' as const }),
  fc.record({ kind: fc.constant('jump' as const), to: fc.nat(12) }),
  fc.constant({ kind: 'restart' as const }),
);

function apply(t: Tree, steps: Step[], a: Action): Step[] {
  if (a.kind === 'back') return back(steps);
  if (a.kind === 'restart') return [];
  if (a.kind === 'jump') return jump(steps, a.to);
  const cur = walk(t, steps).current;
  return cur ? choose(t, steps, cur.options[a.pick % cur.options.length].id) : steps;
}

/** A reference for "what is asked next", written independently of the model: the earliest reached, unanswered decision. */
function referenceNext(t: Tree, steps: Step[]): string | undefined {
  const reached = new Set([t.start]);
  for (const s of steps) for (const n of nextOf(t.byId.get(s.decision)!.options.find((o) => o.id === s.option)!)) reached.add(n);
  const answered = new Set(steps.map((s) => s.decision));
  return t.config.decisions.find((d) => reached.has(d.id) && !answered.has(d.id))?.id;
}

describe('decision tree model: walking', () => {
  it('any sequence of choose/back/jump/restart keeps the path a valid walk from the start', () => {
    fc.assert(
      fc.property(treeArb, fc.array(actionArb, { maxLength: 40 }), (raw, actions) => {
        const t = tree(raw);
        let steps: Step[] = [];
        for (const a of actions) {
          steps = apply(t, steps, a);
          // replaying the chosen option ids gives the same steps, with no misfit
          const r = replay(t, steps.map((s) => s.option));
          expect(r.error).toBeUndefined();
          expect(r.steps).toEqual(steps);
          // each step answers the decision that was being asked, which the reference agrees on
          steps.forEach((s, i) => {
            expect(walk(t, steps.slice(0, i)).current?.id).toBe(s.decision);
            expect(referenceNext(t, steps.slice(0, i))).toBe(s.decision);
          });
          // the first step is the start; every later decision was brought into play by an earlier choice
          if (steps.length) expect(steps[0].decision).toBe(t.start);
          steps.slice(1).forEach((s, i) =>
            expect(steps.slice(0, i + 1).some((p) => nextOf(t.byId.get(p.decision)!.options.find((o) => o.id === p.option)!).includes(s.decision))).toBe(true),
          );
          expect(new Set(steps.map((s) => s.decision)).size).toBe(steps.length);
          expect(walk(t, steps).current?.id).toBe(referenceNext(t, steps));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('back after choose is the identity', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.nat(5), { maxLength: 12 }), fc.nat(5), (raw, picks, last) => {
        const t = tree(raw);
        let steps: Step[] = [];
        for (const p of picks) steps = apply(t, steps, { kind: 'choose', pick: p });
        const w = walk(t, steps);
        if (!w.current) return;
        const after = choose(t, steps, w.current.options[last % w.current.options.length].id);
        expect(after).toHaveLength(steps.length + 1);
        expect(back(after)).toEqual(steps);
        expect(walk(t, back(after))).toEqual(w);
      }),
    );
  });

  it('a walk always ends: each decision at most once, and complete means nothing waits', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.nat(5), { minLength: 12, maxLength: 12 }), (raw, picks) => {
        const t = tree(raw);
        let steps: Step[] = [];
        for (const p of picks) steps = apply(t, steps, { kind: 'choose', pick: p });
        const w = walk(t, steps);
        expect(w.complete).toBe(true);
        expect(w.waiting).toEqual([]);
        expect(steps.length).toBeLessThanOrEqual(raw.decisions.length);
        // choosing when complete changes nothing
        expect(choose(t, steps, 'o0')).toEqual(steps);
      }),
    );
  });

  it('the summary lists exactly the path’s choices, and the tools of those choices once each', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.nat(5), { maxLength: 12 }), (raw, picks) => {
        const t = tree(raw);
        let steps: Step[] = [];
        for (const p of picks) steps = apply(t, steps, { kind: 'choose', pick: p });
        const s = summarize(t, steps);
        expect(s.items.map((i) => ({ decision: i.decision.id, option: i.option.id }))).toEqual(steps);
        const all = s.items.flatMap((i) => i.option.tools);
        expect(new Set(s.tools)).toEqual(new Set(all));
        expect(s.tools).toHaveLength(new Set(all).size);
        const md = summaryMarkdown(t, steps, 'T');
        for (const i of s.items) expect(md).toContain(`**${i.decision.question}**: ${i.option.label}`);
        expect(md.match(/^\d+\. /gm)?.length ?? 0).toBe(steps.length);
      }),
    );
  });

  it('the exported config restores the walk', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.nat(5), { maxLength: 12 }), (raw, picks) => {
        const t = tree(raw);
        let steps: Step[] = [];
        for (const p of picks) steps = apply(t, steps, { kind: 'choose', pick: p });
        const json = JSON.parse(JSON.stringify(toConfig(t.config, steps)));
        const r = parse(decisionTreeSchema, json);
        expect(r.ok).toBe(true);
        expect(replay(buildTree(r.value as DecisionTreeConfig), json.path).steps).toEqual(steps);
      }),
    );
  });

  it('asks a follow-up listed earlier than the current decision straight away, and never twice', () => {
    const t = tree({
      decisions: [
        { id: 'a', question: 'A?', options: [{ id: 'x', label: 'X', next: ['c'] }, { id: 'y', label: 'Y', next: 'c' }] },
        { id: 'b', question: 'B?', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] },
        { id: 'c', question: 'C?', options: [{ id: 'x', label: 'X', next: ['b', 'd'] }, { id: 'y', label: 'Y', next: 'd' }] },
        { id: 'd', question: 'D?', options: [{ id: 'x', label: 'X', next: 'b' }, { id: 'y', label: 'Y' }] },
      ],
    });
    const ids = (path: string[]) => replay(t, path).steps.map((s) => s.decision);
    expect(ids(['x', 'x', 'x', 'x'])).toEqual(['a', 'c', 'b', 'd']);
    expect(ids(['y', 'y', 'y'])).toEqual(['a', 'c', 'd']);
    expect(walk(t, replay(t, ['y', 'y', 'y']).steps).complete).toBe(true);
    expect(ids(['y', 'y', 'x', 'x'])).toEqual(['a', 'c', 'd', 'b']);
    expect(jump(replay(t, ['x', 'x', 'x']).steps, 1)).toEqual([{ decision: 'a', option: 'x' }]);
  });
});

describe('decision tree model: validation', () => {
  it('accepts every generated tree', () => {
    fc.assert(
      fc.property(treeArb, (raw) => {
        expect(parse(decisionTreeSchema, raw).issues).toEqual([]);
      }),
    );
  });

  it('finds every planted cycle: removing the reported edges leaves no cycle', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (raw, plants) => {
        for (const [a, b, c] of plants) {
          // plant an edge from decision j back to one of its ancestors (or itself)
          const es = edgesOf(raw);
          const j = a % raw.decisions.length;
          const ancestors = raw.decisions.map((_, i) => i).filter((i) => reachable(raw.decisions.length, es, i).has(j));
          const i = ancestors[b % ancestors.length];
          const o = raw.decisions[j].options[c % raw.decisions[j].options.length];
          if (!o.next.includes(`d${i}`)) o.next.push(`d${i}`);
        }
        const es = edgesOf(raw);
        expect(acyclic(raw.decisions.length, es)).toBe(false);
        const issues = parse(decisionTreeSchema, raw).issues;
        const cyc = issues.filter((x) => x.message.includes('a cycle'));
        expect(cyc.length).toBeGreaterThan(0);
        const cut = new Set(cyc.map((x) => x.path));
        expect(acyclic(raw.decisions.length, es.filter((e) => !cut.has(e.path)))).toBe(true);
        // each message spells a real cycle: consecutive ids are edges, ending where it began
        for (const x of cyc) {
          const loop = x.message.split(': ').pop()!.split(' → ').map(idx);
          expect(loop[0]).toBe(loop[loop.length - 1]);
          loop.slice(1).forEach((to, k) => expect(es.some((e) => e.from === loop[k] && e.to === to)).toBe(true));
        }
      }),
    );
  });

  it('finds every planted unknown reference, at its exact path', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }), (raw, plants) => {
        const planted = new Set<string>();
        plants.forEach(([a, b], k) => {
          const i = a % raw.decisions.length;
          const j = b % raw.decisions[i].options.length;
          const o = raw.decisions[i].options[j];
          o.next.push(`zz${k}`);
          planted.add(`decisions[${i}].options[${j}].next[${o.next.length - 1}]`);
        });
        const issues = parse(decisionTreeSchema, raw).issues.filter((x) => x.message.startsWith('no decision'));
        expect(new Set(issues.map((x) => x.path))).toEqual(planted);
      }),
    );
  });

  it('reports exactly the decisions no walk can reach', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), (raw, a) => {
        fc.pre(raw.decisions.length > 1);
        const k = 1 + (a % (raw.decisions.length - 1));
        for (const d of raw.decisions) for (const o of d.options) o.next = o.next.filter((t) => t !== `d${k}`);
        const seen = reachable(raw.decisions.length, edgesOf(raw), 0);
        const expected = raw.decisions.map((_, i) => i).filter((i) => !seen.has(i)).map((i) => `decisions[${i}]`);
        const issues = parse(decisionTreeSchema, raw).issues;
        expect(issues.map((x) => x.path)).toEqual(expected);
        expect(expected).toContain(`decisions[${k}]`);
      }),
    );
  });

  const two = (next?: unknown) => [
    { id: 'db', question: 'Which database?', options: [{ id: 'sql', label: 'SQL', next: next ?? 'scale' }, { id: 'nosql', label: 'NoSQL' }] },
    { id: 'scale', question: 'Scale reads?', options: [{ id: 'replicas', label: 'Replicas' }, { id: 'cache', label: 'Cache' }] },
  ];

  it('names the location of each problem, with suggestions', () => {
    expect(parse(decisionTreeSchema, { decisions: two('scal') }).issues).toEqual([
      { path: 'decisions[0].options[0].next', message: 'no decision "scal" (did you mean "scale"?); decisions: db, scale' },
      { path: 'decisions[1]', message: 'decision "scale" is never reached: no option on a walk from "db" leads to it' },
    ]);
    const sub = parse(decisionTreeSchema, { start: 'scale', decisions: two(), path: ['cache'] });
    expect(sub.issues, 'a start inside the tree leaves nothing unreachable').toEqual([]);
    expect(walk(buildTree(sub.value!), []).current?.id).toBe('scale');
    expect(parse(decisionTreeSchema, { start: 'bd', decisions: two() }).issues).toEqual([{ path: 'start', message: 'no decision "bd" (did you mean "db"?); decisions: db, scale' }]);
    expect(parse(decisionTreeSchema, { decisions: [...two(), { ...two()[1], question: 'Again?' }] }).issues).toEqual([
      { path: 'decisions[2]', message: 'duplicate decision id "scale" (also at decisions[1])' },
    ]);
    expect(parse(decisionTreeSchema, { decisions: two(['scale', 'db']) }).issues).toEqual([
      { path: 'decisions[0].options[0].next[1]', message: '"db" leads back to itself, a cycle: db → db' },
    ]);
    expect(parse(decisionTreeSchema, { decisions: two(), path: ['sql', 'replica'] }).issues).toEqual([
      { path: 'path[1]', message: '"replica" is not an option of decision "scale" (did you mean "replicas"?); options: replicas, cache' },
    ]);
    expect(parse(decisionTreeSchema, { decisions: two(), path: ['nosql', 'cache'] }).issues).toEqual([
      { path: 'path[1]', message: 'the walk is already complete after 1 choice; nothing is left to answer with "cache"' },
    ]);
    const d = two();
    d[1].options = d[1].options.map((o) => ({ ...o, default: true }));
    expect(parse(decisionTreeSchema, { decisions: d }).issues).toEqual([
      { path: 'decisions[1].options[1].default', message: 'only one option can be the default (also decisions[1].options[0])' },
    ]);
  });

  it('reports shape problems at their paths, all at once', () => {
    const issues = parse(decisionTreeSchema, {
      decisons: [],
      decisions: [{ id: 'a b', question: '', options: [{ id: 'x', label: 'X', pros: 'fast', nxt: 'b' }, { id: 'x', label: 'Y' }] }],
    }).issues;
    expect(issues).toEqual([
      { path: 'decisions[0].id', message: 'expected an id of letters, digits, ".", "-" or "_" (at most 64 characters), got "a b"' },
      { path: 'decisions[0].question', message: 'expected a non-empty string of at most 300 characters, got ""' },
      { path: 'decisions[0].options[0].pros', message: 'expected an array of a non-empty string of at most 300 characters, got "fast"' },
      { path: 'decisions[0].options[0].nxt', message: 'unknown field (did you mean "next"?); known fields: id, label, when, pros, cons, tools, examples, next, default' },
      { path: 'decisions[0].options[1]', message: 'duplicate option id "x" (also at decisions[0].options[0])' },
      { path: 'decisons', message: 'unknown field (did you mean "decisions"?); known fields: title, start, decisions, path' },
    ]);
    expect(parse(decisionTreeSchema, { decisions: [{ id: 'a', question: 'Q?', options: [{ id: 'x', label: 'X' }] }] }).issues).toEqual([
      { path: 'decisions[0].options', message: 'expected at least 2 items, got 1' },
    ]);
  });
});

describe('the Decision Framework lesson', () => {
  // Parsed as <ls-topic> does, so an entry's `extends` is resolved into its full config.
  const parsed = parse(topicSchema, JSON.parse(readFileSync('content/topics/decision-framework.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const topic = parsed.value as unknown as { visualizations: { element: string; config: RawTree }[]; sections: { id: string; body: string }[] };
  const placed = topic.visualizations.filter((v: { element: string }) => v.element === 'ls-decision-tree');
  const map = [...topic.sections.find((s: { id: string }) => s.id === 'how-to-use')!.body.matchAll(/^\| (\d+) \| ([^|]+?) \|/gm)].map((m) => [Number(m[1]), m[2]]);

  it('places a valid full tree whose 30 decisions carry the lesson’s numbers and names', () => {
    expect(map).toHaveLength(30);
    const full = placed.filter((v: { config: RawTree }) => v.config.decisions.length === 30);
    expect(full.length).toBeGreaterThanOrEqual(2);
    for (const v of placed) expect(parse(decisionTreeSchema, v.config).issues).toEqual([]);
    const t = tree(full[0].config);
    expect(t.config.decisions.map((d) => [d.number, d.title])).toEqual(map);
    for (const d of t.config.decisions) {
      expect(d.options.filter((o) => o.default).length, d.id).toBe(1);
      for (const o of d.options) expect(o.when, `${d.id}.${o.id}`).toBeTruthy();
    }
  });

  it('its preset walk (the URL shortener) is complete and skips only #8 and #10', () => {
    const preset = placed.find((v: { config: RawTree }) => v.config.path?.length);
    expect(preset).toBeDefined();
    const t = tree(preset!.config);
    const w = walk(t, replay(t, preset!.config.path!).steps);
    expect(w.complete).toBe(true);
    const asked = new Set(w.steps.map((s) => t.byId.get(s.decision)!.number));
    expect(asked.size).toBe(28);
    expect(t.config.decisions.filter((d) => !asked.has(d.number)).map((d) => d.number)).toEqual([8, 10]);
  });
});
