import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '@crossroads/api-accounts';
import type { ReputationKind } from './reputation-event.entity.js';
import { deleteEvents, insertEvent } from './reputation.repository.js';

/** Points per event (product.md "Reputation"). */
export const REPUTATION_POINTS: Record<ReputationKind, number> = {
  QUESTION_UPVOTED: 5,
  ANSWER_UPVOTED: 10,
  POST_DOWNVOTED: -2,
  ANSWER_ACCEPTED: 15,
  ACCEPTED_AN_ANSWER: 2,
};

/**
 * Writes and cancels ledger events. Always called inside the mutation's transaction; each event
 * moves users.reputation (through the accounts context) by the same points, so the cached value
 * equals the ledger sum. The unique (kind, post, actor) key makes a repeated award a no-op.
 */
@Injectable()
export class ReputationService {
  constructor(private readonly users: UsersService) {}

  async award(
    manager: EntityManager,
    event: { userId: string; kind: ReputationKind; postId: string; actorId: string },
  ): Promise<void> {
    const points = REPUTATION_POINTS[event.kind];
    if (await insertEvent(manager, { ...event, points }))
      await this.users.adjustReputation(manager, event.userId, points);
  }

  /** Cancels the event of this kind for this post caused by this actor, if there is one. */
  async revoke(manager: EntityManager, kind: ReputationKind, postId: string, actorId: string): Promise<void> {
    for (const row of await deleteEvents(manager, kind, postId, actorId))
      await this.users.adjustReputation(manager, row.userId, -row.points);
  }
}
