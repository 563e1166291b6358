import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AnswersService } from '../answers/answers.service.js';
import type { PostType } from '../common/post-type.js';
import * as posts from './posts.repository.js';

export type { PostQuestionTitle, PostVisibilityRow } from './posts.repository.js';

/**
 * Commands other contexts use on questions, answers and comments as posts, inside the caller's
 * transaction (`m`): moderation hides and restores them.
 */
@Injectable()
export class PostsService {
  constructor(
    private readonly answers: AnswersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Titles of the questions posts are (on), for labels such as the audit log's; hidden posts only with `includeHidden`. */
  questionTitles(ids: Record<PostType, readonly string[]>, includeHidden: boolean): Promise<posts.PostQuestionTitle[]> {
    return posts.questionTitles(this.dataSource, ids, includeHidden);
  }

  /** The post's author, question and visibility, locked until the caller's transaction ends. */
  lockVisibility(m: EntityManager, type: PostType, id: string): Promise<posts.PostVisibilityRow | undefined> {
    return posts.lockVisibility(m, type, id);
  }

  /** Author of a post others can see (a published comment); undefined when hidden, held or absent. */
  visibleAuthor(m: EntityManager, type: PostType, id: string): Promise<{ authorId: string | null } | undefined> {
    return posts.visibleAuthor(m, type, id);
  }

  /** Hides the post in `by`'s name; returns when. */
  async hide(m: EntityManager, type: PostType, id: string, by: string, reason: string): Promise<Date> {
    const hiddenAt = await posts.setHidden(m, type, id, by, reason);
    await this.afterHide(m, type, id);
    return hiddenAt;
  }

  /** Hides a visible post in no one's name (flags did it); false when it was already hidden. */
  async hideUnattributed(m: EntityManager, type: PostType, id: string, reason: string): Promise<boolean> {
    const hidden = await posts.setHiddenIfVisible(m, type, id, reason);
    if (hidden) await this.afterHide(m, type, id);
    return hidden;
  }

  /** Hides the post in `by`'s name, or takes over an unattributed hide. */
  async hideOrAttribute(m: EntityManager, type: PostType, id: string, by: string, reason: string): Promise<void> {
    await posts.setHiddenBy(m, type, id, by, reason);
    await this.afterHide(m, type, id);
  }

  restore(m: EntityManager, type: PostType, id: string): Promise<void> {
    return posts.clearHidden(m, type, id);
  }

  /** A hidden accepted answer no longer answers its question: the question is OPEN again. */
  private async afterHide(m: EntityManager, type: PostType, id: string): Promise<void> {
    if (type === 'ANSWER') await this.answers.releaseAcceptance(m, id);
  }
}

/**
 * A member's recent posts, for the posting limits (PostingLimits, provided by moderation) that qa's
 * own services consult: no dependencies, so the limits can use it without a cycle.
 */
@Injectable()
export class PostingActivityService {
  recentQuestions(m: EntityManager, authorId: string, seconds: number) {
    return posts.recentQuestions(m, authorId, seconds);
  }

  recentAnswersAndComments(m: EntityManager, authorId: string, seconds: number) {
    return posts.recentAnswersAndComments(m, authorId, seconds);
  }
}
