import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { votesEarnReputation, type AccountStanding } from '@crossroads/shared-domain';
import { UsersService } from '@crossroads/api-accounts';
import {
  BadInputError,
  EventBus,
  ForbiddenError,
  NotFoundError,
  type LoaderRegistry,
  type Principal,
  inTransaction,
} from '@crossroads/api-platform';
import * as votes from './votes.repository.js';
import type { QaPostType } from '../common/post-type.js';
import { ReputationService } from '../reputation/reputation.service.js';
import type { ReputationKind } from '../reputation/reputation-event.entity.js';
import type { VoteInput } from './dto/vote.input.js';
import { QA_EVENTS, type PostVotedPayload } from '../events/qa-events.js';

@Injectable()
export class VotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reputation: ReputationService,
    private readonly events: EventBus,
    private readonly users: UsersService,
  ) {}

  /**
   * Sets the viewer's vote (+1, −1, or 0 to withdraw) and returns the post's new score. The vote row
   * is unique per (user, post); the score moves by the difference with one atomic UPDATE, so any
   * number of concurrent voters leaves score = sum of vote rows.
   */
  async vote(viewer: Principal, input: VoteInput): Promise<number> {
    if (input.targetType === 'COMMENT')
      throw new BadInputError('targetType', 'Only questions and answers can be voted on.');
    const type: QaPostType = input.targetType;
    return inTransaction(this.dataSource, async (m) => {
      const post = await votes.votable(m, type, input.targetId);
      if (!post) throw new NotFoundError(type === 'QUESTION' ? 'Question' : 'Answer', 'targetId');
      if (post.authorId === viewer.id) throw new ForbiddenError('You cannot vote on your own post.');

      const previous = await this.swapVote(m, viewer.id, input.targetId, type, input.value);
      const delta = input.value - previous;
      if (delta === 0) return votes.score(m, type, input.targetId);
      const score = await votes.addToScore(m, type, input.targetId, delta);

      const upKind: ReputationKind = type === 'QUESTION' ? 'QUESTION_UPVOTED' : 'ANSWER_UPVOTED';
      if (previous === 1) await this.reputation.revoke(m, upKind, input.targetId, viewer.id);
      if (previous === -1) await this.reputation.revoke(m, 'POST_DOWNVOTED', input.targetId, viewer.id);
      // A brand-new voter's vote moves the score but not the author's reputation (vote rings gain nothing).
      if (input.value !== 0 && votesEarnReputation(await this.standing(m, viewer.id))) {
        const kind: ReputationKind = input.value === 1 ? upKind : 'POST_DOWNVOTED';
        await this.reputation.award(m, { userId: post.authorId, kind, postId: input.targetId, actorId: viewer.id });
      }
      await this.events.emit(m, {
        type: QA_EVENTS.postVoted,
        actorId: viewer.id,
        payload: {
          postType: type,
          postId: input.targetId,
          questionId: post.questionId,
          authorId: post.authorId,
          value: input.value,
          score,
        } satisfies PostVotedPayload,
      });
      return score;
    });
  }

  private async standing(m: EntityManager, userId: string): Promise<AccountStanding> {
    return this.users.standing(m, userId);
  }

  /** Writes the vote and returns the previous value (0 when none). Safe against the same user voting twice at once. */
  private async swapVote(
    m: EntityManager,
    userId: string,
    postId: string,
    postType: QaPostType,
    value: number,
  ): Promise<number> {
    if (value === 0) return votes.deleteVote(m, userId, postId);
    for (;;) {
      const existing = await votes.lockVote(m, userId, postId);
      if (existing !== undefined) {
        if (existing !== value) await votes.setVote(m, userId, postId, value);
        return existing;
      }
      // A concurrent insert by the same user makes this one wait, then do nothing: read it again.
      if (await votes.insertVote(m, userId, postId, postType, value)) return 0;
    }
  }

  /** The viewer's vote per post (0 when none). Pages prime it from their own query. */
  viewerVoteLoader(loaders: LoaderRegistry, viewerId: string) {
    return loaders.get<string, number>(`qa.votes.viewer:${viewerId}`, async (postIds) => {
      const byPost = await votes.votesOf(this.dataSource.manager, viewerId, postIds);
      return postIds.map((id) => byPost.get(id) ?? 0);
    });
  }
}
