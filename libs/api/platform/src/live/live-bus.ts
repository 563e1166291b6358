import { Injectable } from '@nestjs/common';
import { EventEmitter, on } from 'node:events';

/** Topics of live messages; the payload is small (ids), subscribers load what they show. */
export const LIVE_TOPICS = {
  /** A new in-app notification for one member: `{ notificationId }`. */
  notifications: (userId: string) => `user:${userId}:notifications`,
  /** Activity on one question: `{ kind, questionId, answerId?, commentId? }`. */
  question: (questionId: string) => `question:${questionId}`,
  /** The held-comment queue changed: `{ waiting }`. */
  moderationQueue: 'moderation:queue',
} as const;

/**
 * Live messages to open subscriptions. In-process by default; the live transport may replace the
 * delivery (e.g. Redis pub/sub across instances) without changing publishers or subscribers.
 */
@Injectable()
export class LiveBus {
  protected readonly local = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, payload: object): Promise<void> {
    this.local.emit(topic, payload);
  }

  /** Messages on `topic` until `signal` aborts. */
  async *subscribe<T extends object>(topic: string, signal: AbortSignal): AsyncGenerator<T> {
    try {
      for await (const [payload] of on(this.local, topic, { signal })) yield payload as T;
    } catch (e) {
      if ((e as { name?: string }).name !== 'AbortError') throw e;
    }
  }
}
