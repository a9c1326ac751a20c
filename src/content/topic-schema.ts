/**
 * Topic (lesson) data: the validator behind `content/schema/topic.schema.json` and
 * `npm run content:check`. A topic is a lesson page: objectives, sections of Markdown, a glossary,
 * visualizations placed in the text, a quiz at the end and references.
 */
import * as v from '../core/validate.js';
import { quizSchema } from '../components/quiz/schema.js';
import type { Quiz } from '../components/quiz/types.js';

export const CATEGORIES = [
  'core-topics',
  'foundations',
  'storage-databases',
  'messaging-streaming',
  'infrastructure',
  'real-time-communication',
  'ml-data-systems',
  'product-systems',
] as const;
export type CategoryId = (typeof CATEGORIES)[number];

export interface TopicSection {
  id: string;
  title: string;
  /** Markdown subset; a line `{{viz:N}}` places visualization N (0-based) here. */
  body: string;
}

export interface TopicVisualization {
  /** A registered element, e.g. `ls-consistent-hash-ring`. */
  element: string;
  /** The element's configuration, validated by the element's own schema. */
  config: unknown;
  /** Index of an earlier visualization of the same element whose config this one starts from. */
  extends?: number;
  /** What the reader should notice. */
  caption: string;
  /** Section id to show it in (default: the first section that references it, else after the first section). */
  section?: string;
}

export interface Topic {
  id: string;
  title: string;
  category: CategoryId;
  status: 'available' | 'coming-soon';
  summary: string;
  level?: 'beginner' | 'intermediate' | 'advanced';
  prerequisites: string[];
  objectives: string[];
  sections: TopicSection[];
  terms: { term: string; definition: string }[];
  visualizations: TopicVisualization[];
  quiz?: Quiz;
  references: { title: string; url: string }[];
}

const slug = v.string({ minLength: 1, maxLength: 80, pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, describe: 'a lowercase slug like "consistent-hashing"' });
const text = (max: number) => v.string({ minLength: 1, maxLength: max });
const url = v.string({ minLength: 1, maxLength: 500, pattern: /^https:\/\/[^\s]+$/, describe: 'an https:// URL' });

/** Any JSON value: a visualization's config is checked by that element's own schema (content-check). */
const anyJson: v.Schema<unknown> = {
  expected: 'the element’s configuration',
  spec: { type: 'any' },
  check: (input, path, issues) => {
    if (input === undefined) issues.push({ path: path || 'config', message: 'is required' });
    return input;
  },
};

const rawTopic = v.object({
  $schema: v.optional(v.string()),
  id: v.describe(slug, 'The topic id: also its file name and URL slug.'),
  title: text(120),
  category: v.oneOf(CATEGORIES),
  status: v.oneOf(['available', 'coming-soon'] as const),
  summary: v.describe(text(600), 'One or two sentences: the promise of the lesson.'),
  level: v.optional(v.oneOf(['beginner', 'intermediate', 'advanced'] as const)),
  prerequisites: v.optional(v.array(slug, { uniqueBy: v.idKey, uniqueName: 'prerequisite' }), []),
  objectives: v.optional(v.array(text(300), { maxItems: 20 }), []),
  sections: v.optional(
    v.array(v.object({ id: slug, title: text(120), body: v.describe(text(20000), 'Markdown subset. A line {{viz:N}} places visualization N here.') }), {
      uniqueBy: v.idKey,
      uniqueName: 'section id',
    }),
    [],
  ),
  terms: v.optional(v.array(v.object({ term: text(80), definition: text(600) }), { uniqueBy: (t) => (t as { term?: string })?.term?.toLowerCase(), uniqueName: 'term' }), []),
  visualizations: v.optional(
    v.array(
      v.object({
        element: v.string({ pattern: /^ls-[a-z-]+$/, describe: 'an ls-* element name' }),
        config: v.optional(anyJson, {}),
        extends: v.optional(v.describe(v.number({ integer: true, min: 0 }), 'Start from visualization N’s config (same element, earlier in the list); this config’s fields replace its fields.')),
        caption: text(600),
        section: v.optional(slug),
      }),
    ),
    [],
  ),
  quiz: v.optional(quizSchema),
  references: v.optional(v.array(v.object({ title: text(300), url }), { uniqueBy: (r) => (r as { url?: string })?.url, uniqueName: 'reference url' }), []),
});

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Structure plus the checks within one topic (viz placeholders, section refs). Cross-topic checks live in content-check. */
export const topicSchema: v.Schema<Topic> = {
  expected: rawTopic.expected,
  kind: 'object',
  spec: rawTopic.spec,
  check(input, path, issues) {
    const raw = rawTopic.check(input, path, issues);
    if (!raw) return undefined;
    const before = issues.length;
    const at = (...keys: (string | number)[]) => keys.reduce<string>((p, k) => v.joinPath(p, k), path);
    const sectionIds = new Set(raw.sections.map((s) => s.id));
    raw.sections.forEach((s, i) => {
      for (const m of s.body.matchAll(/\{\{viz:(\d+)\}\}/g)) {
        if (+m[1] >= raw.visualizations.length) issues.push({ path: at('sections', i, 'body'), message: `{{viz:${m[1]}}} refers to a visualization that does not exist (there are ${raw.visualizations.length})` });
      }
    });
    raw.visualizations.forEach((viz, i) => {
      if (viz.section && !sectionIds.has(viz.section)) issues.push({ path: at('visualizations', i, 'section'), message: `no section with id ${JSON.stringify(viz.section)}` });
      if (viz.extends === undefined) return;
      // `extends: N` — a big config (a 30-decision tree) written once and reused with a few fields changed.
      const base = raw.visualizations[viz.extends];
      const where = at('visualizations', i, 'extends');
      if (viz.extends >= i) issues.push({ path: where, message: `must name an earlier visualization (0 to ${i - 1}), got ${viz.extends}` });
      else if (base.element !== viz.element) issues.push({ path: where, message: `visualization ${viz.extends} is ${base.element}, not ${viz.element}` });
      else if (!isRecord(base.config) || !isRecord(viz.config)) issues.push({ path: where, message: 'both configs must be objects' });
      else viz.config = { ...base.config, ...viz.config };
    });
    if (raw.prerequisites.includes(raw.id)) issues.push({ path: at('prerequisites'), message: 'a topic cannot be its own prerequisite' });
    return issues.length > before ? undefined : (raw as unknown as Topic);
  },
};

export interface Catalog {
  title: string;
  tagline: string;
  categories: { id: CategoryId; title: string; description: string; topics: { id: string; title: string; description: string; status: 'available' | 'coming-soon' }[] }[];
  dailyChallenge: { title: string; description: string; example?: string };
  stayUpdated: { title: string; description: string };
}

const catalogTopic = v.object({ id: slug, title: text(120), description: text(600), status: v.oneOf(['available', 'coming-soon'] as const) });
const rawCatalog = v.object({
  $schema: v.optional(v.string()),
  title: text(120),
  tagline: text(300),
  categories: v.array(v.object({ id: v.oneOf(CATEGORIES), title: text(120), description: text(300), topics: v.array(catalogTopic, { minItems: 1 }) }), { minItems: 1, uniqueBy: v.idKey, uniqueName: 'category id' }),
  dailyChallenge: v.object({ title: text(120), description: text(300), example: v.optional(text(300)) }),
  stayUpdated: v.object({ title: text(120), description: text(300) }),
});

export const catalogSchema: v.Schema<Catalog> = {
  expected: rawCatalog.expected,
  kind: 'object',
  spec: rawCatalog.spec,
  check(input, path, issues) {
    const raw = rawCatalog.check(input, path, issues);
    if (!raw) return undefined;
    const before = issues.length;
    const seen = new Map<string, string>();
    raw.categories.forEach((c, i) =>
      c.topics.forEach((t, j) => {
        const p = v.joinPath(v.joinPath(v.joinPath(v.joinPath(path, 'categories'), i), 'topics'), j);
        if (seen.has(t.id)) issues.push({ path: p, message: `topic id ${JSON.stringify(t.id)} is also at ${seen.get(t.id)}` });
        seen.set(t.id, p);
      }),
    );
    return issues.length > before ? undefined : (raw as unknown as Catalog);
  },
};
