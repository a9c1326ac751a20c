// The JSON Schemas in content/schema/ are generated from the same validators the elements use, so an
// editor's autocompletion and the element's own checks can never disagree. Regenerate with
// `UPDATE_SCHEMAS=1 npx vitest run test/unit/schemas.test.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ringConfigSchema } from '../../src/components/consistent-hash-ring/model.js';
import { quizSchema } from '../../src/components/quiz/schema.js';
import { dailyConfigSchema } from '../../src/components/daily-challenge/model.js';
import { catalogSchema, topicSchema } from '../../src/content/topic-schema.js';
import { raftScenarioSchema } from '../../src/components/raft-timeline/model.js';
import { bloomConfigSchema } from '../../src/components/bloom-filter/model.js';
import { tradeoffConfigSchema } from '../../src/components/tradeoff-explorer/model.js';
import { decisionTreeSchema } from '../../src/components/decision-tree/model.js';
import { quorumConfigSchema } from '../../src/components/quorum-replication/model.js';
import { cacheConfigSchema } from '../../src/components/cache-simulator/model.js';
import { balancerConfigSchema } from '../../src/components/load-balancer/model.js';
import { snowflakeConfigSchema } from '../../src/components/snowflake-id/model.js';
import { rateConfigSchema } from '../../src/components/rate-limiter/model.js';
import { breakerConfigSchema } from '../../src/components/circuit-breaker/model.js';
import type { Schema } from '../../src/core/validate.js';
import { toJSONSchema } from '../../src/core/json-schema.js';

const BASE = 'https://le-systems.dev/schema/';
const schemas: { file: string; title: string; schema: Schema<unknown> }[] = [
  { file: 'consistent-hash-ring.schema.json', title: '<ls-consistent-hash-ring> configuration', schema: ringConfigSchema as Schema<unknown> },
  { file: 'quiz.schema.json', title: 'Le Systems quiz', schema: quizSchema as Schema<unknown> },
  { file: 'raft-timeline.schema.json', title: '<ls-raft-timeline> scenario', schema: raftScenarioSchema as Schema<unknown> },
  { file: 'bloom-filter.schema.json', title: '<ls-bloom-filter> configuration', schema: bloomConfigSchema as Schema<unknown> },
  { file: 'circuit-breaker.schema.json', title: '<ls-circuit-breaker> configuration', schema: breakerConfigSchema as Schema<unknown> },
  { file: 'rate-limiter.schema.json', title: '<ls-rate-limiter> configuration', schema: rateConfigSchema as Schema<unknown> },
  { file: 'snowflake-id.schema.json', title: '<ls-snowflake-id> configuration', schema: snowflakeConfigSchema as Schema<unknown> },
  { file: 'load-balancer.schema.json', title: '<ls-load-balancer> configuration', schema: balancerConfigSchema as Schema<unknown> },
  { file: 'cache-simulator.schema.json', title: '<ls-cache-simulator> configuration', schema: cacheConfigSchema as Schema<unknown> },
  { file: 'quorum-replication.schema.json', title: '<ls-quorum-replication> configuration', schema: quorumConfigSchema as Schema<unknown> },
  { file: 'decision-tree.schema.json', title: '<ls-decision-tree> configuration', schema: decisionTreeSchema as Schema<unknown> },
  { file: 'tradeoff-explorer.schema.json', title: '<ls-tradeoff-explorer> configuration', schema: tradeoffConfigSchema as Schema<unknown> },
  { file: 'topic.schema.json', title: 'Le Systems topic (lesson)', schema: topicSchema as Schema<unknown> },
  { file: 'catalog.schema.json', title: 'Le Systems topic catalog', schema: catalogSchema as Schema<unknown> },
  { file: 'daily-challenge.schema.json', title: '<ls-daily-challenge> question bank (object form)', schema: dailyConfigSchema as Schema<unknown> },
];

describe('published JSON Schemas', () => {
  for (const { file, title, schema } of schemas) {
    it(`content/schema/${file} matches the element's validator`, () => {
      const generated = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: BASE + file, title, ...toJSONSchema(schema) }, null, 2) + '\n';
      const path = `content/schema/${file}`;
      if (process.env.UPDATE_SCHEMAS) writeFileSync(path, generated);
      expect(readFileSync(path, 'utf8')).toBe(generated);
    });
  }
});

describe('example configs in the repo are valid', () => {
  const cases: [string, Schema<unknown>][] = [
    ['examples/ring.json', ringConfigSchema as Schema<unknown>],
    ['stories/data/ring-failure.json', ringConfigSchema as Schema<unknown>],
    ['stories/data/quiz-replication.json', quizSchema as Schema<unknown>],
  ];
  for (const [path, schema] of cases) {
    it(path, async () => {
      const { parse, formatIssue } = await import('../../src/core/validate.js');
      const r = parse(schema, JSON.parse(readFileSync(path, 'utf8')));
      expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([]);
    });
  }
});
