/**
 * A tree of architectural decisions, as a pure and deterministic model (no DOM, no clock, no
 * randomness).
 *
 * **The tree.** A config lists `decisions`; each asks a `question` (with optional `context`) and
 * offers `options`. An option names when to choose it, its pros and cons, the tools it implies,
 * real-world examples, and `next`: the follow-up decision(s) it leads to.
 *
 * **The walk.** The learner starts at `start` (default: the first decision). Choosing an option
 * marks that decision answered and adds its `next` decisions to the set of decisions *waiting*.
 * The next question is always the waiting decision that comes **first in the `decisions` list**;
 * a decision is asked at most once; the walk is complete when nothing is waiting. So `next` says
 * *which* decisions a choice brings into play, and the list order says *when* they are asked —
 * a follow-up listed earlier than the current decision (say "event-driven" → "delivery
 * semantics") is asked straight away. A tree whose options each have one `next` is walked as a
 * plain root-to-leaf path.
 *
 * **The state** after any history is a function of the tree and the chosen option ids alone
 * (`replay`), so Back, jumping to a breadcrumb and Restart just shorten that list, and the list
 * (`path` in the config) restores a walk exactly.
 *
 * **Validation** beyond the shape: an unknown `next` target or `start` (with a suggestion),
 * duplicate ids, cycles, decisions no walk (from `start` or the first decision) can reach, more than one default option, and a `path`
 * that does not fit the tree — each reported at its exact location.
 */
import * as v from '../../core/validate.js';

const ID = v.string({ pattern: /^[A-Za-z0-9][\w.-]{0,63}$/, describe: 'an id of letters, digits, ".", "-" or "_" (at most 64 characters)' });
const text = (max: number) => v.string({ minLength: 1, maxLength: max });
const list = (max: number, what: string) => v.optional(v.describe(v.array(text(max), { maxItems: 12 }), what), [] as string[]);

export const MAX_DECISIONS = 200;

const optionSchema = v.object({
  id: v.describe(ID, 'Unique within its decision; the `path` names options by this id.'),
  label: v.describe(text(120), 'The option, e.g. "Relational (PostgreSQL, MySQL)".'),
  when: v.optional(v.describe(text(400), 'When to choose it.')),
  pros: list(300, 'What it gives you.'),
  cons: list(300, 'What it costs.'),
  tools: list(80, 'Typical tools it implies (collected in the summary).'),
  examples: list(600, 'Real systems that made this choice.'),
  next: v.optional(v.describe(v.union(ID, v.array(ID, { maxItems: 12 })), 'The follow-up decision id(s) this option brings into play.')),
  default: v.optional(v.describe(v.boolean(), 'The sensible default: marked, and selected first.')),
});

const decisionSchema = v.object({
  id: v.describe(ID, 'Unique decision id; `next` and `start` refer to it.'),
  number: v.optional(v.describe(v.number({ integer: true, min: 0, max: 999 }), 'A number shown before the title (e.g. 5 for "#5").')),
  title: v.optional(v.describe(text(120), 'A short name for breadcrumbs and the summary (default: the question).')),
  group: v.optional(v.describe(text(80), 'A group name (e.g. "Data storage"); each group gets a colour.')),
  question: v.describe(text(300), 'The question the learner answers.'),
  context: v.optional(v.describe(text(1200), 'Why the decision matters.')),
  options: v.array(optionSchema, { minItems: 2, maxItems: 12, uniqueBy: v.idKey, uniqueName: 'option id' }),
});

const rawSchema = v.object({
  title: v.optional(v.describe(text(200), 'Visible title.')),
  start: v.optional(v.describe(ID, 'The first decision (default: the first in `decisions`).')),
  decisions: v.describe(v.array(decisionSchema, { minItems: 1, maxItems: MAX_DECISIONS, uniqueBy: v.idKey, uniqueName: 'decision id' }), 'The decisions; their order is the order in which waiting decisions are asked.'),
  path: v.optional(v.describe(v.array(ID, { maxItems: MAX_DECISIONS }), 'The option ids chosen so far, in order: restores a walk.'), [] as string[]),
});

export type DecisionTreeConfig = v.Infer<typeof rawSchema>;
export type Decision = DecisionTreeConfig['decisions'][number];
export type DecisionOption = Decision['options'][number];

/** One answered decision. */
export interface Step {
  decision: string;
  option: string;
}

export interface Tree {
  config: DecisionTreeConfig;
  start: string;
  byId: Map<string, Decision>;
  /** Position in `decisions` (the asking order). */
  index: Map<string, number>;
}

export interface WalkState {
  steps: Step[];
  /** The decision being asked, or undefined when the walk is complete. */
  current?: Decision;
  /** Waiting decisions (current first), in asking order. */
  waiting: string[];
  complete: boolean;
}

export const nextOf = (o: DecisionOption): string[] => (o.next === undefined ? [] : typeof o.next === 'string' ? [o.next] : o.next);

/** "#5 Partitioning scheme", or the question when there is no title. */
export const decisionName = (d: Decision): string => `${d.number !== undefined ? `#${d.number} ` : ''}${d.title ?? d.question}`;

export function buildTree(config: DecisionTreeConfig): Tree {
  const byId = new Map<string, Decision>();
  const index = new Map<string, number>();
  config.decisions.forEach((d, i) => {
    if (byId.has(d.id)) return;
    byId.set(d.id, d);
    index.set(d.id, i);
  });
  return { config, start: config.start ?? config.decisions[0].id, byId, index };
}

/** Replays chosen option ids from the start; stops at the first that does not fit, saying why. */
export function replay(tree: Tree, optionIds: readonly string[]): { steps: Step[]; error?: { index: number; message: string } } {
  const steps: Step[] = [];
  const answered = new Set<string>();
  const waiting = new Set<string>(tree.byId.has(tree.start) ? [tree.start] : []);
  for (let i = 0; i < optionIds.length; i++) {
    const cur = first(tree, waiting);
    const id = optionIds[i];
    if (!cur) return { steps, error: { index: i, message: `the walk is already complete after ${i} choice${i === 1 ? '' : 's'}; nothing is left to answer with ${JSON.stringify(id)}` } };
    const opt = cur.options.find((o) => o.id === id);
    if (!opt) {
      const ids = cur.options.map((o) => o.id);
      const near = v.closest(id, ids);
      return { steps, error: { index: i, message: `${JSON.stringify(id)} is not an option of decision ${JSON.stringify(cur.id)}${near ? ` (did you mean "${near}"?)` : ''}; options: ${ids.join(', ')}` } };
    }
    steps.push({ decision: cur.id, option: opt.id });
    advance(tree, answered, waiting, cur, opt);
  }
  return { steps };
}

function advance(tree: Tree, answered: Set<string>, waiting: Set<string>, d: Decision, o: DecisionOption): void {
  waiting.delete(d.id);
  answered.add(d.id);
  for (const n of nextOf(o)) if (tree.byId.has(n) && !answered.has(n)) waiting.add(n);
}

function first(tree: Tree, waiting: Set<string>): Decision | undefined {
  let best: string | undefined;
  for (const id of waiting) if (best === undefined || tree.index.get(id)! < tree.index.get(best)!) best = id;
  return best === undefined ? undefined : tree.byId.get(best);
}

/** The walk after `steps` (steps that do not fit are dropped from the first misfit on). */
export function walk(tree: Tree, steps: readonly Step[]): WalkState {
  const answered = new Set<string>();
  const waiting = new Set<string>(tree.byId.has(tree.start) ? [tree.start] : []);
  const ok: Step[] = [];
  for (const s of steps) {
    const cur = first(tree, waiting);
    const opt = cur?.id === s.decision ? cur.options.find((o) => o.id === s.option) : undefined;
    if (!cur || !opt) break;
    ok.push({ decision: cur.id, option: opt.id });
    advance(tree, answered, waiting, cur, opt);
  }
  const current = first(tree, waiting);
  const order = [...waiting].sort((a, b) => tree.index.get(a)! - tree.index.get(b)!);
  return { steps: ok, current, waiting: order, complete: !current };
}

/** The steps after choosing `optionId` at the current decision (unchanged if it is not one of its options). */
export function choose(tree: Tree, steps: readonly Step[], optionId: string): Step[] {
  const w = walk(tree, steps);
  if (!w.current || !w.current.options.some((o) => o.id === optionId)) return w.steps;
  return [...w.steps, { decision: w.current.id, option: optionId }];
}

/** Undo the last choice. */
export const back = (steps: readonly Step[]): Step[] => steps.slice(0, Math.max(0, steps.length - 1));

/** Return to breadcrumb `i`: decision `steps[i]` is asked again and later choices are dropped. */
export const jump = (steps: readonly Step[], i: number): Step[] => steps.slice(0, Math.max(0, Math.min(steps.length, Math.floor(i))));

export function optionOf(tree: Tree, s: Step): { decision: Decision; option: DecisionOption } {
  const decision = tree.byId.get(s.decision)!;
  return { decision, option: decision.options.find((o) => o.id === s.option)! };
}

export interface Summary {
  items: { decision: Decision; option: DecisionOption }[];
  /** Tools of the chosen options, first mention first, without repeats. */
  tools: string[];
}

export function summarize(tree: Tree, steps: readonly Step[]): Summary {
  const items = walk(tree, steps).steps.map((s) => optionOf(tree, s));
  const tools: string[] = [];
  for (const it of items) for (const t of it.option.tools) if (!tools.includes(t)) tools.push(t);
  return { items, tools };
}

export interface MarkdownLabels {
  heading: string;
  pros: string;
  cons: string;
  tools: string;
  toolsImplied: string;
  empty: string;
}

export const markdownLabels: MarkdownLabels = { heading: 'Design summary', pros: 'Pros', cons: 'Cons', tools: 'Tools', toolsImplied: 'Tools implied', empty: 'No decisions taken yet.' };

/** The summary as Markdown: one numbered item per choice with its trade-offs, then the tools. */
export function summaryMarkdown(tree: Tree, steps: readonly Step[], title?: string, l: MarkdownLabels = markdownLabels): string {
  const s = summarize(tree, steps);
  const out = [`## ${title ?? tree.config.title ?? l.heading}`, ''];
  if (!s.items.length) out.push(l.empty);
  s.items.forEach(({ decision, option }, i) => {
    out.push(`${i + 1}. **${decisionName(decision)}**: ${option.label}`);
    if (option.pros.length) out.push(`   - ${l.pros}: ${option.pros.join('; ')}`);
    if (option.cons.length) out.push(`   - ${l.cons}: ${option.cons.join('; ')}`);
    if (option.tools.length) out.push(`   - ${l.tools}: ${option.tools.join(', ')}`);
  });
  if (s.tools.length) out.push('', `**${l.toolsImplied}:** ${s.tools.join(', ')}`);
  return out.join('\n') + '\n';
}

/** The config that restores this walk (the tree and the chosen option ids). */
export function toConfig(config: DecisionTreeConfig, steps: readonly Step[]): DecisionTreeConfig {
  const { path: _path, ...rest } = config;
  return { ...rest, path: steps.map((s) => s.option) };
}

// ───────────── validation beyond the shape ─────────────

interface Edge {
  from: number;
  to: number;
  path: string;
}

function edges(config: DecisionTreeConfig, index: Map<string, number>, issues: v.ConfigIssue[], base: string): Edge[] {
  const ids = config.decisions.map((d) => d.id);
  const out: Edge[] = [];
  config.decisions.forEach((d, i) =>
    d.options.forEach((o, j) => {
      const p = `${base}decisions[${i}].options[${j}].next`;
      const targets = nextOf(o);
      targets.forEach((t, k) => {
        const at = typeof o.next === 'string' ? p : `${p}[${k}]`;
        const to = index.get(t);
        if (to === undefined) issues.push({ path: at, message: unknownDecision(t, ids) });
        else out.push({ from: i, to, path: at });
      });
    }),
  );
  return out;
}

function unknownDecision(id: string, ids: string[]): string {
  const near = v.closest(id, ids);
  const shown = ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, … (${ids.length})` : ids.join(', ');
  return `no decision ${JSON.stringify(id)}${near ? ` (did you mean "${near}"?)` : ''}; decisions: ${shown}`;
}

/** Back edges found by depth-first search: removing them leaves the graph acyclic. */
function cycles(n: number, es: Edge[], ids: string[], issues: v.ConfigIssue[]): void {
  const out: Edge[][] = Array.from({ length: n }, () => []);
  for (const e of es) out[e.from].push(e);
  const color = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const stack: number[] = [];
  const visit = (u: number): void => {
    color[u] = 1;
    stack.push(u);
    for (const e of out[u]) {
      if (color[e.to] === 1) {
        const loop = [...stack.slice(stack.indexOf(e.to)), e.to].map((i) => ids[i]);
        issues.push({ path: e.path, message: `${JSON.stringify(ids[e.to])} leads back to itself, a cycle: ${loop.join(' → ')}` });
      } else if (color[e.to] === 0) visit(e.to);
    }
    stack.pop();
    color[u] = 2;
  };
  for (let i = 0; i < n; i++) if (color[i] === 0) visit(i);
}

/** The semantic checks; `base` prefixes paths ("" at the root). */
export function checkTree(config: DecisionTreeConfig, base: string, issues: v.ConfigIssue[]): void {
  const ids = config.decisions.map((d) => d.id);
  const { index } = buildTree(config);
  const before = issues.length;
  if (config.start !== undefined && !index.has(config.start)) issues.push({ path: `${base}start`, message: unknownDecision(config.start, ids) });
  config.decisions.forEach((d, i) => {
    const defaults = d.options.map((o, j) => (o.default ? j : -1)).filter((j) => j >= 0);
    for (const j of defaults.slice(1))
      issues.push({ path: `${base}decisions[${i}].options[${j}].default`, message: `only one option can be the default (also decisions[${i}].options[${defaults[0]}])` });
  });
  const es = edges(config, index, issues, base);
  cycles(ids.length, es, ids, issues);
  const start = index.get(config.start ?? ids[0]);
  if (start !== undefined) {
    // Reached from the start, or from the first decision (so a `start` inside a shared tree is fine).
    const roots = [...new Set([start, 0])];
    const seen = new Set(roots);
    const todo = [...roots];
    while (todo.length) {
      const u = todo.pop()!;
      for (const e of es) {
        if (e.from !== u || seen.has(e.to)) continue;
        seen.add(e.to);
        todo.push(e.to);
      }
    }
    const from = roots.map((r) => JSON.stringify(ids[r])).join(' or ');
    ids.forEach((id, i) => {
      if (!seen.has(i)) issues.push({ path: `${base}decisions[${i}]`, message: `decision ${JSON.stringify(id)} is never reached: no option on a walk from ${from} leads to it` });
    });
  }
  if (issues.length > before) return;
  const r = replay(buildTree(config), config.path);
  if (r.error) issues.push({ path: `${base}path[${r.error.index}]`, message: r.error.message });
}

/** The config schema: the shape, then `checkTree`. */
export const decisionTreeSchema = v.refine(rawSchema, (value, path, issues) => checkTree(value, path ? `${path}.` : '', issues));
