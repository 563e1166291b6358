/**
 * Something that happened in one context that others may act on. Written in the same transaction as
 * the change (transactional outbox), so an event exists exactly when its change committed.
 */
export interface DomainEvent<P extends object = Record<string, unknown>> {
  /** `<context>.<thing>.<happened>`, e.g. `qa.answer.posted`. */
  type: string;
  /** The member who caused it, when a person did. */
  actorId?: string | null;
  /** Ids and small facts only: handlers read what they show through the owners' read models. */
  payload: P;
}

/** An event as a handler receives it: recorded, with its id and time. */
export interface RecordedEvent<P extends object = Record<string, unknown>> extends DomainEvent<P> {
  /** Increasing with commit order within one database; handlers use it as an idempotency key. */
  id: string;
  occurredAt: string;
}

export type EventHandler<P extends object = Record<string, unknown>> = (event: RecordedEvent<P>) => Promise<void>;

/** A worker's batch of events at once (EventBus.onBatch). */
export type BatchEventHandler<P extends object = Record<string, unknown>> = (
  events: RecordedEvent<P>[],
) => Promise<void>;

export interface EventHandlerOptions {
  /** Jobs fetched at once; a failed batch is retried whole, so handlers must be idempotent. */
  batchSize?: number;
  /**
   * Workers on this queue in each instance, each fetching its own batches: a busy queue (one
   * notification fan-out per answer) keeps up with many writers instead of taking jobs one by one.
   */
  concurrency?: number;
  /** Attempts after the first, with exponential backoff from `retryDelaySeconds`. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /**
   * How long a fetched job may stay active before the queue takes it back and retries it (a worker
   * killed mid-job). Counted from the fetch, for the whole batch.
   */
  expireInSeconds?: number;
}
