/**
 * le-systems: importing this module registers every element.
 * Import one element alone with `le-systems/<name>.js`, e.g. `le-systems/consistent-hash-ring.js`.
 */
export * from './core/index.js';
export { LsRaftTimeline } from './components/raft-timeline/raft-timeline.js';
export type { RaftActionDetail } from './components/raft-timeline/raft-timeline.js';
export { LsBloomFilter } from './components/bloom-filter/bloom-filter.js';
export type { BloomActionDetail } from './components/bloom-filter/bloom-filter.js';
export { LsCircuitBreaker } from './components/circuit-breaker/circuit-breaker.js';
export type { BreakerChangeDetail } from './components/circuit-breaker/circuit-breaker.js';
export { LsRateLimiter } from './components/rate-limiter/rate-limiter.js';
export type { RateRequestDetail } from './components/rate-limiter/rate-limiter.js';
export { LsSnowflakeId } from './components/snowflake-id/snowflake-id.js';
export type { SnowflakeDecodeDetail, SnowflakeLayoutDetail } from './components/snowflake-id/snowflake-id.js';
export { LsLoadBalancer } from './components/load-balancer/load-balancer.js';
export type { BalancerActionDetail } from './components/load-balancer/load-balancer.js';
export { LsCacheSimulator } from './components/cache-simulator/cache-simulator.js';
export type { CacheActionDetail } from './components/cache-simulator/cache-simulator.js';
export { LsQuorumReplication } from './components/quorum-replication/quorum-replication.js';
export type { QuorumActionDetail } from './components/quorum-replication/quorum-replication.js';
export { LsDecisionTree } from './components/decision-tree/decision-tree.js';
export type { DecisionChoiceDetail } from './components/decision-tree/decision-tree.js';
export { LsTradeoffExplorer } from './components/tradeoff-explorer/tradeoff-explorer.js';
export type { TradeoffActionDetail } from './components/tradeoff-explorer/tradeoff-explorer.js';
export { LsConsistentHashRing } from './components/consistent-hash-ring/consistent-hash-ring.js';
export type { RingChangeDetail } from './components/consistent-hash-ring/consistent-hash-ring.js';
export { LsQuiz } from './components/quiz/quiz.js';
export type { Quiz, Question, QuizAnsweredDetail, QuizCompletedDetail, QuizStorage } from './components/quiz/quiz.js';
export { LsDailyChallenge } from './components/daily-challenge/daily-challenge.js';
export type { DailyAnsweredDetail } from './components/daily-challenge/daily-challenge.js';
export { LsTopic } from './components/topic/topic.js';
export { LsTopicCatalog } from './components/topic-catalog/topic-catalog.js';
export { LsSubscribe } from './components/subscribe/subscribe.js';
export type { SubscribeConfig, SubscribeDetail } from './components/subscribe/subscribe.js';
export type { Topic, Catalog } from './content/topic-schema.js';
