/**
 * The content check behind `npm run content:check`: every topic file and the catalog are valid; ids
 * are unique across the whole bank (topics, and questions across every quiz); every visualization
 * names a registered element whose own validator accepts its config; prerequisites exist; the
 * catalog and the topic files agree; and every available topic meets the lesson minimums.
 */
import { formatIssue, parse, type ConfigIssue, type Schema } from '../core/validate.js';
import { ringConfigSchema } from '../components/consistent-hash-ring/model.js';
import { quizSchema } from '../components/quiz/schema.js';
import { dailyConfigSchema } from '../components/daily-challenge/model.js';
import { raftScenarioSchema } from '../components/raft-timeline/model.js';
import { bloomConfigSchema } from '../components/bloom-filter/model.js';
import { tradeoffConfigSchema } from '../components/tradeoff-explorer/model.js';
import { decisionTreeSchema } from '../components/decision-tree/model.js';
import { quorumConfigSchema } from '../components/quorum-replication/model.js';
import { cacheConfigSchema } from '../components/cache-simulator/model.js';
import { balancerConfigSchema } from '../components/load-balancer/model.js';
import { snowflakeConfigSchema } from '../components/snowflake-id/model.js';
import { rateConfigSchema } from '../components/rate-limiter/model.js';
import { breakerConfigSchema } from '../components/circuit-breaker/model.js';
import { catalogSchema, topicSchema, type Catalog, type Topic } from './topic-schema.js';

/** Elements a lesson may place, with the validator each applies to its config. */
export const ELEMENT_SCHEMAS: Record<string, Schema<unknown>> = {
  'ls-consistent-hash-ring': ringConfigSchema as Schema<unknown>,
  'ls-raft-timeline': raftScenarioSchema as Schema<unknown>,
  'ls-bloom-filter': bloomConfigSchema as Schema<unknown>,
  'ls-tradeoff-explorer': tradeoffConfigSchema as Schema<unknown>,
  'ls-decision-tree': decisionTreeSchema as Schema<unknown>,
  'ls-quorum-replication': quorumConfigSchema as Schema<unknown>,
  'ls-cache-simulator': cacheConfigSchema as Schema<unknown>,
  'ls-load-balancer': balancerConfigSchema as Schema<unknown>,
  'ls-snowflake-id': snowflakeConfigSchema as Schema<unknown>,
  'ls-rate-limiter': rateConfigSchema as Schema<unknown>,
  'ls-circuit-breaker': breakerConfigSchema as Schema<unknown>,
  'ls-quiz': quizSchema as Schema<unknown>,
  'ls-daily-challenge': dailyConfigSchema as Schema<unknown>,
};

/** Minimums for an available lesson (issue: ≥ 4 sections, ≥ 5 terms, ≥ 12 questions, ≥ 3 references). */
export const MINIMUMS = { sections: 4, terms: 5, questions: 12, references: 3 };

export interface ContentFile {
  path: string;
  json?: unknown;
  /** Set when the file is not JSON. */
  error?: string;
}

export interface ContentReport {
  problems: string[];
  topics: Topic[];
  catalog?: Catalog;
  questionCount: number;
}

export function checkContent(catalogFile: ContentFile, topicFiles: ContentFile[], elementSchemas: Record<string, Schema<unknown>> = ELEMENT_SCHEMAS): ContentReport {
  const problems: string[] = [];
  const report = (file: string, issues: ConfigIssue[]) => issues.forEach((i) => problems.push(`${file}: ${formatIssue(i)}`));

  let catalog: Catalog | undefined;
  if (catalogFile.error) problems.push(`${catalogFile.path}: ${catalogFile.error}`);
  else {
    const r = parse(catalogSchema, catalogFile.json);
    if (r.ok) catalog = r.value;
    else report(catalogFile.path, r.issues);
  }

  const topics: Topic[] = [];
  const topicPath = new Map<string, string>();
  const questionAt = new Map<string, string>();
  /** The same question asked twice (prompts equal once case, punctuation and spacing are ignored). */
  const promptAt = new Map<string, string>();
  const promptKey = (p: string) => p.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  for (const f of topicFiles) {
    if (f.error) {
      problems.push(`${f.path}: ${f.error}`);
      continue;
    }
    const r = parse(topicSchema, f.json);
    if (!r.ok) {
      report(f.path, r.issues);
      continue;
    }
    const t = r.value;
    const expectedName = `${t.id}.json`;
    if (!f.path.endsWith(`/${expectedName}`) && f.path !== expectedName) problems.push(`${f.path}: id: ${JSON.stringify(t.id)} must match the file name (${expectedName})`);
    if (topicPath.has(t.id)) problems.push(`${f.path}: id: ${JSON.stringify(t.id)} is also used by ${topicPath.get(t.id)}`);
    topicPath.set(t.id, f.path);
    topics.push(t);
    t.quiz?.questions.forEach((q, i) => {
      const where = `${f.path}: quiz.questions[${i}]`;
      if (questionAt.has(q.id)) problems.push(`${where}.id: question id ${JSON.stringify(q.id)} is also used at ${questionAt.get(q.id)}`);
      questionAt.set(q.id, where);
      const key = promptKey(q.prompt);
      if (promptAt.has(key)) problems.push(`${where}.prompt: the same question is asked at ${promptAt.get(key)}`);
      promptAt.set(key, where);
    });
    t.visualizations.forEach((viz, i) => {
      const schema = elementSchemas[viz.element];
      if (!schema) {
        problems.push(`${f.path}: visualizations[${i}].element: ${JSON.stringify(viz.element)} is not a registered element (${Object.keys(elementSchemas).join(', ')})`);
        return;
      }
      const c = parse(schema, viz.config);
      if (!c.ok) for (const issue of c.issues) problems.push(`${f.path}: visualizations[${i}].config.${formatIssue(issue)}`);
    });
    if (t.status === 'available') {
      const counts = { sections: t.sections.length, terms: t.terms.length, questions: t.quiz?.questions.length ?? 0, references: t.references.length };
      for (const [k, min] of Object.entries(MINIMUMS)) {
        const n = counts[k as keyof typeof counts];
        if (n < min) problems.push(`${f.path}: ${k === 'questions' ? 'quiz.questions' : k}: an available topic needs at least ${min}, has ${n}`);
      }
    }
  }

  for (const t of topics) {
    t.prerequisites.forEach((p, i) => {
      if (!topicPath.has(p) && !catalog?.categories.some((c) => c.topics.some((x) => x.id === p)))
        problems.push(`${topicPath.get(t.id)}: prerequisites[${i}]: no topic ${JSON.stringify(p)}`);
    });
  }

  if (catalog) {
    const inCatalog = new Map(catalog.categories.flatMap((c) => c.topics.map((t) => [t.id, { ...t, category: c.id }] as const)));
    for (const t of topics) {
      const entry = inCatalog.get(t.id);
      if (!entry) problems.push(`${topicPath.get(t.id)}: id: ${JSON.stringify(t.id)} is not in the catalog`);
      else {
        if (entry.category !== t.category) problems.push(`${topicPath.get(t.id)}: category: ${JSON.stringify(t.category)} but the catalog lists it under ${JSON.stringify(entry.category)}`);
        if (entry.status !== t.status) problems.push(`${catalogFile.path}: topic ${JSON.stringify(t.id)} is "${entry.status}" in the catalog but "${t.status}" in its file`);
      }
    }
    for (const [id, entry] of inCatalog) {
      if (entry.status === 'available' && !topicPath.has(id)) problems.push(`${catalogFile.path}: topic ${JSON.stringify(id)} is "available" but content/topics/${id}.json does not exist`);
    }
  }

  return { problems, topics, catalog, questionCount: questionAt.size };
}
