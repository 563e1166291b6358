import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, NotFoundError, type Principal, inTransaction } from '@crossroads/api-platform';
import { PostsService, type PostType, type PostVisibilityRow } from '@crossroads/api-qa';
import * as flags from '../flags/flags.repository.js';
import { ModerationLogService } from '../log/moderation-log.service.js';
import type { DeletePostInput, HidePostInput, RestorePostInput } from './dto/post-visibility.inputs.js';

const NAME: Record<PostType, string> = { QUESTION: 'Question', ANSWER: 'Answer', COMMENT: 'Comment' };

/** The reason the weighted-flag rule records on the post it hides. */
export const FLAG_HIDE_REASON =
  'Hidden automatically: flagged by trusted members or a moderator, waiting for a moderator.';

export interface PostVisibility {
  postId: string;
  postType: PostType;
  hiddenAt: Date | null;
  reason: string | null;
}

/**
 * Soft delete and restore: authors delete their own posts, moderators hide and restore any post.
 * Nothing is erased: qa records who hid it and why (PostsService). Moderator actions are logged.
 */
@Injectable()
export class PostVisibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ModerationLogService,
    private readonly posts: PostsService,
  ) {}

  async deleteOwn(viewer: Principal, input: DeletePostInput): Promise<PostVisibility> {
    return inTransaction(this.dataSource, async (m) => {
      const post = await this.lock(m, input.targetType, input.targetId);
      if (post.deletedAt) throw new NotFoundError(NAME[input.targetType], 'targetId');
      if (post.authorId !== viewer.id)
        throw new ForbiddenError('Only its author can delete a post (moderators hide posts with hidePost).');
      return this.hide(m, input.targetType, input.targetId, viewer.id, input.reason ?? 'Deleted by its author.');
    });
  }

  async hideAny(actor: Principal, input: HidePostInput): Promise<PostVisibility> {
    return inTransaction(this.dataSource, async (m) => {
      const post = await this.lock(m, input.targetType, input.targetId);
      if (post.deletedAt)
        throw new ConflictError(`This ${input.targetType.toLowerCase()} is already hidden.`, 'targetId');
      const hidden = await this.hide(m, input.targetType, input.targetId, actor.id, input.reason);
      // The moderator has decided: open flags on the post are resolved.
      const flags = await this.resolveFlags(m, input.targetId, true);
      await this.log.record(m, {
        actorId: actor.id,
        action: 'HIDE_POST',
        targetType: input.targetType,
        targetId: input.targetId,
        reason: input.reason,
        details: { authorId: post.authorId, questionId: post.questionId, resolvedFlags: flags },
      });
      return hidden;
    });
  }

  async restore(actor: Principal, input: RestorePostInput): Promise<PostVisibility> {
    return inTransaction(this.dataSource, async (m) => {
      const post = await this.lock(m, input.targetType, input.targetId);
      if (!post.deletedAt) throw new ConflictError(`This ${input.targetType.toLowerCase()} is not hidden.`, 'targetId');
      await this.posts.restore(m, input.targetType, input.targetId);
      const flags = await this.resolveFlags(m, input.targetId, false);
      await this.log.record(m, {
        actorId: actor.id,
        action: 'RESTORE_POST',
        targetType: input.targetType,
        targetId: input.targetId,
        reason: input.reason,
        details: {
          authorId: post.authorId,
          questionId: post.questionId,
          hiddenAt: post.deletedAt,
          hiddenBy: post.deletedBy,
          hiddenByAuthor: post.deletedBy !== null && post.deletedBy === post.authorId,
          hideReason: post.deleteReason,
          resolvedFlags: flags,
        },
      });
      return { postId: input.targetId, postType: input.targetType, hiddenAt: null, reason: null };
    });
  }

  private async lock(m: EntityManager, type: PostType, id: string): Promise<PostVisibilityRow> {
    const post = await this.posts.lockVisibility(m, type, id);
    if (!post) throw new NotFoundError(NAME[type], 'targetId');
    return post;
  }

  private async hide(
    m: EntityManager,
    type: PostType,
    id: string,
    by: string,
    reason: string,
  ): Promise<PostVisibility> {
    return { postId: id, postType: type, hiddenAt: await this.posts.hide(m, type, id, by, reason), reason };
  }

  /** Closes the post's open flags (the moderator decided); returns how many were open. */
  private resolveFlags(m: EntityManager, postId: string, hidden: boolean): Promise<number> {
    return flags.settleForPost(m, postId, hidden);
  }
}
