import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService } from '@crossroads/api-accounts';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, byKeys, type LoaderRegistry, type Principal, decodeCursor, encodeCursor, inTransaction, pageSize, toPage, type Page } from '@crossroads/api-platform';
import { PostsService } from '@crossroads/api-qa';
import { ModerationLogService } from '../log/moderation-log.service.js';
import { FLAG_HIDE_REASON } from '../posts/post-visibility.service.js';
import { flagsHide, weighFlag } from './flag-weight.js';
import type { FlagInput, ResolveFlagsInput } from './dto/flag.inputs.js';
import { FlagEntity, FlaggedPostEntity } from './flag.entity.js';

const FLAGGED_COLUMNS = `post_id AS "postId", post_type AS "postType", open_flags AS "openFlags", first_flagged_at AS "firstFlaggedAt", hidden_at AS "hiddenAt"`;

export const flaggedCursor = (p: FlaggedPostEntity) => encodeCursor('flagQueue', [p.firstFlaggedAt, p.postId]);
const toFlagged = (row: Record<string, unknown>) => Object.assign(new FlaggedPostEntity(), row);

@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ModerationLogService,
    private readonly posts: PostsService,
    private readonly users: UsersService,
  ) {}

  /**
   * Records a flag with its weight (flag-weight.ts); once the open flags weigh enough, or at once for
   * a moderator, the post is hidden (its deleted_at) until a moderator decides. Every flag is queued.
   */
  async flag(viewer: Principal, input: FlagInput): Promise<boolean> {
    if (input.reason === 'OTHER' && !input.text) throw new BadInputError('text', 'text is required when the reason is OTHER.');
    return inTransaction(this.dataSource, async (m) => {
      const post = await this.posts.visibleAuthor(m, input.targetType, input.targetId);
      if (!post) throw new NotFoundError('Post', 'targetId');
      if (post.authorId === viewer.id) throw new BadInputError('targetId', 'You cannot flag your own post.');
      const standings = await this.users.standings(m, post.authorId ? [viewer.id, post.authorId] : [viewer.id]);
      const author = post.authorId ? { reputation: standings.get(post.authorId)?.reputation ?? 0 } : null;
      const flagger = standings.get(viewer.id);
      if (!flagger) throw new ForbiddenError();
      const { weight, hidesAtOnce } = weighFlag(flagger, author);
      const inserted = (await m.query(
        `INSERT INTO flags (post_type, post_id, flagger_id, reason, text, weight) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (post_id, flagger_id) DO NOTHING RETURNING id`,
        [input.targetType, input.targetId, viewer.id, input.reason, input.text ?? null, weight],
      )) as unknown[];
      if (!inserted.length) throw new ConflictError('You already flagged this post.', 'targetId');
      const [counted] = (await m.query(
        `INSERT INTO flagged_posts AS f (post_id, post_type, open_flags, first_flagged_at) VALUES ($1, $2, 1, now())
         ON CONFLICT (post_id) DO UPDATE SET open_flags = f.open_flags + 1,
           first_flagged_at = CASE WHEN f.open_flags = 0 THEN now() ELSE f.first_flagged_at END
         RETURNING open_flags AS "openFlags", hidden_at AS "hiddenAt"`,
        [input.targetId, input.targetType],
      )) as { openFlags: number; hiddenAt: Date | null }[];
      if (counted.hiddenAt) return true;
      // The upsert above locked the flagged_posts row, so this sum sees every earlier flagger's weight.
      const [open] = (await m.query(`SELECT coalesce(sum(weight), 0)::int AS weight FROM flags WHERE post_id = $1 AND resolved_at IS NULL`, [input.targetId])) as {
        weight: number;
      }[];
      if (hidesAtOnce || flagsHide(open.weight)) {
        if (await this.posts.hideUnattributed(m, input.targetType, input.targetId, FLAG_HIDE_REASON)) {
          await m.query(`UPDATE flagged_posts SET hidden_at = now() WHERE post_id = $1`, [input.targetId]);
        }
      }
      return true;
    });
  }

  /** A moderator's decision on a flagged post: DISMISS (restores what the flags hid) or HIDE. Logged. */
  async resolve(actor: Principal, input: ResolveFlagsInput): Promise<FlaggedPostEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const [row] = (await m.query(`SELECT ${FLAGGED_COLUMNS} FROM flagged_posts WHERE post_id = $1 FOR UPDATE`, [input.postId])) as Record<string, unknown>[];
      if (!row) throw new NotFoundError('Flagged post', 'postId');
      const flagged = toFlagged(row);
      if (flagged.openFlags === 0) throw new ConflictError('This post has no open flags.', 'postId');
      await m.query(`UPDATE flags SET resolved_at = now() WHERE post_id = $1 AND resolved_at IS NULL`, [input.postId]);
      let hiddenAt = flagged.hiddenAt;
      if (input.decision === 'DISMISS' && hiddenAt) {
        await this.posts.restore(m, flagged.postType, input.postId);
        hiddenAt = null;
      } else if (input.decision === 'HIDE') {
        // Hides it, or takes over the 3-flag hide (deleted_by NULL) with the moderator's name and reason.
        await this.posts.hideOrAttribute(m, flagged.postType, input.postId, actor.id, input.reason ?? 'Hidden by a moderator after flags.');
        hiddenAt ??= new Date();
      }
      const [updated] = (await m.query(`UPDATE flagged_posts SET open_flags = 0, hidden_at = $2 WHERE post_id = $1 RETURNING ${FLAGGED_COLUMNS}`, [
        input.postId,
        hiddenAt,
      ])) as [Record<string, unknown>[], number];
      await this.log.record(m, {
        actorId: actor.id,
        action: input.decision === 'DISMISS' ? 'DISMISS_FLAGS' : 'HIDE_FLAGGED',
        targetType: flagged.postType,
        targetId: input.postId,
        reason: input.reason ?? null,
        details: { openFlags: flagged.openFlags, wasHidden: Boolean(flagged.hiddenAt) },
      });
      return toFlagged(updated[0]);
    });
  }

  /** Posts with open flags, oldest first (flagged_posts_queue_idx). */
  async queue(args: { first?: number | null; after?: string | null }): Promise<Page<FlaggedPostEntity>> {
    const size = pageSize(args.first);
    const params: unknown[] = [];
    let keyset = '';
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 'flagQueue', ['date', 'id']);
      params.push(at, id);
      keyset = `AND (first_flagged_at, post_id) > ($1, $2)`;
    }
    const rows = (await this.dataSource.query(
      `SELECT ${FLAGGED_COLUMNS} FROM flagged_posts WHERE open_flags > 0 ${keyset} ORDER BY first_flagged_at, post_id LIMIT ${size + 1}`,
      params,
    )) as Record<string, unknown>[];
    return toPage(rows.map(toFlagged), size);
  }

  /** Per-request: the open flags of every post on a queue page, in one query (flags_post_open_idx). */
  openFlagsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, FlagEntity[]>('moderation.openFlags', async (postIds) => {
      const rows = (await this.dataSource.query(
        `SELECT id, post_id AS "postId", flagger_id AS "flaggerId", reason, text, created_at AS "createdAt" FROM flags
         WHERE post_id = ANY($1::uuid[]) AND resolved_at IS NULL ORDER BY created_at, id`,
        [[...postIds]],
      )) as Record<string, unknown>[];
      const grouped = new Map<string, FlagEntity[]>();
      for (const r of rows.map((x) => Object.assign(new FlagEntity(), x))) grouped.set(r.postId, [...(grouped.get(r.postId) ?? []), r]);
      return byKeys(
        postIds,
        [...grouped.entries()].map(([postId, flags]) => ({ postId, flags })),
        (g) => g.postId,
        { postId: '', flags: [] as FlagEntity[] },
      ).map((g) => g.flags);
    });
  }
}
