import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService } from '@crossroads/api-accounts';
import {
  BadInputError,
  ConflictError,
  EventBus,
  ForbiddenError,
  NotFoundError,
  byKeys,
  type LoaderRegistry,
  type Principal,
  decodeCursor,
  encodeCursor,
  inTransaction,
  pageSize,
  toPage,
  type Page,
} from '@crossroads/api-platform';
import { PostsService } from '@crossroads/api-qa';
import { MODERATION_EVENTS, type FlagRaisedPayload, type FlagsResolvedPayload } from '../events/moderation-events.js';
import { ModerationLogService } from '../log/moderation-log.service.js';
import { FLAG_HIDE_REASON } from '../posts/post-visibility.service.js';
import { flagsHide, weighFlag } from './flag-weight.js';
import type { FlagInput, ResolveFlagsInput } from './dto/flag.inputs.js';
import type { FlagEntity, FlaggedPostEntity } from './flag.entity.js';
import * as flags from './flags.repository.js';

export const flaggedCursor = (p: FlaggedPostEntity) => encodeCursor('flagQueue', [p.firstFlaggedAt, p.postId]);

@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ModerationLogService,
    private readonly posts: PostsService,
    private readonly users: UsersService,
    private readonly events: EventBus,
  ) {}

  /**
   * Records a flag with its weight (flag-weight.ts); once the open flags weigh enough, or at once for
   * a moderator, the post is hidden (its deleted_at) until a moderator decides. Every flag is queued.
   */
  async flag(viewer: Principal, input: FlagInput): Promise<boolean> {
    if (input.reason === 'OTHER' && !input.text)
      throw new BadInputError('text', 'text is required when the reason is OTHER.');
    return inTransaction(this.dataSource, async (m) => {
      const post = await this.posts.visibleAuthor(m, input.targetType, input.targetId);
      if (!post) throw new NotFoundError('Post', 'targetId');
      if (post.authorId === viewer.id) throw new BadInputError('targetId', 'You cannot flag your own post.');
      const standings = await this.users.standings(m, post.authorId ? [viewer.id, post.authorId] : [viewer.id]);
      const author = post.authorId ? { reputation: standings.get(post.authorId)?.reputation ?? 0 } : null;
      const flagger = standings.get(viewer.id);
      if (!flagger) throw new ForbiddenError();
      const { weight, hidesAtOnce } = weighFlag(flagger, author);
      const flagId = await flags.insertFlag(m, {
        postType: input.targetType,
        postId: input.targetId,
        flaggerId: viewer.id,
        reason: input.reason,
        text: input.text ?? null,
        weight,
      });
      if (!flagId) throw new ConflictError('You already flagged this post.', 'targetId');
      await this.events.emit(m, {
        type: MODERATION_EVENTS.flagRaised,
        actorId: viewer.id,
        payload: {
          flagId,
          postType: input.targetType,
          postId: input.targetId,
          reason: input.reason,
        } satisfies FlagRaisedPayload,
      });
      const counted = await flags.countFlag(m, input.targetId, input.targetType);
      if (counted.hiddenAt) return true;
      // countFlag locked the flagged_posts row, so this sum sees every earlier flagger's weight.
      if (hidesAtOnce || flagsHide(await flags.openWeight(m, input.targetId))) {
        if (await this.posts.hideUnattributed(m, input.targetType, input.targetId, FLAG_HIDE_REASON)) {
          await flags.markHidden(m, input.targetId);
        }
      }
      return true;
    });
  }

  /** A moderator's decision on a flagged post: DISMISS (restores what the flags hid) or HIDE. Logged. */
  async resolve(actor: Principal, input: ResolveFlagsInput): Promise<FlaggedPostEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const flagged = await flags.lockFlagged(m, input.postId);
      if (!flagged) throw new NotFoundError('Flagged post', 'postId');
      if (flagged.openFlags === 0) throw new ConflictError('This post has no open flags.', 'postId');
      const flagIds = await flags.resolveOpenFlags(m, input.postId);
      await this.events.emit(m, {
        type: MODERATION_EVENTS.flagsResolved,
        actorId: actor.id,
        payload: { postId: input.postId, flagIds, decision: input.decision } satisfies FlagsResolvedPayload,
      });
      let hiddenAt = flagged.hiddenAt;
      if (input.decision === 'DISMISS' && hiddenAt) {
        await this.posts.restore(m, flagged.postType, input.postId);
        hiddenAt = null;
      } else if (input.decision === 'HIDE') {
        // Hides it, or takes over the 3-flag hide (deleted_by NULL) with the moderator's name and reason.
        await this.posts.hideOrAttribute(
          m,
          flagged.postType,
          input.postId,
          actor.id,
          input.reason ?? 'Hidden by a moderator after flags.',
        );
        hiddenAt ??= new Date();
      }
      const updated = await flags.closeFlagged(m, input.postId, hiddenAt);
      await this.log.record(m, {
        actorId: actor.id,
        action: input.decision === 'DISMISS' ? 'DISMISS_FLAGS' : 'HIDE_FLAGGED',
        targetType: flagged.postType,
        targetId: input.postId,
        reason: input.reason ?? null,
        details: { openFlags: flagged.openFlags, wasHidden: Boolean(flagged.hiddenAt) },
      });
      return updated;
    });
  }

  /** Posts with open flags, oldest first (flagged_posts_queue_idx). */
  async queue(args: { first?: number | null; after?: string | null }): Promise<Page<FlaggedPostEntity>> {
    const size = pageSize(args.first);
    const after = args.after ? (decodeCursor(args.after, 'flagQueue', ['date', 'id']) as [Date, string]) : null;
    return toPage(await flags.queuePage(this.dataSource.manager, after, size + 1), size);
  }

  /** Per-request: the open flags of every post on a queue page, in one query (flags_post_open_idx). */
  openFlagsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, FlagEntity[]>('moderation.openFlags', async (postIds) => {
      const grouped = new Map<string, FlagEntity[]>();
      for (const r of await flags.openFlagsOf(this.dataSource.manager, postIds))
        grouped.set(r.postId, [...(grouped.get(r.postId) ?? []), r]);
      return byKeys(
        postIds,
        [...grouped.entries()].map(([postId, flags]) => ({ postId, flags })),
        (g) => g.postId,
        { postId: '', flags: [] as FlagEntity[] },
      ).map((g) => g.flags);
    });
  }
}
