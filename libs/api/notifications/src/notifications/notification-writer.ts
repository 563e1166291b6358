import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LIVE_TOPICS, LiveBus, inTransaction } from '@crossroads/api-platform';
import { NotificationEmails } from '../email/notification-emails.js';
import type { FollowLevel, FollowTargetType, NotificationType } from '../common/types.js';

/** A candidate recipient; the first (lowest `rank`) candidate of a person wins: one notification per person per event. */
export interface Candidate {
  userId: string;
  type: NotificationType;
  /** Key into `texts`: the sentence this recipient reads. */
  variant: string;
}

/** Everyone following some targets at some levels, as candidates (selected in SQL, never loaded here). */
export interface FollowerCandidates {
  targetType: FollowTargetType;
  keys: string[];
  levels: FollowLevel[];
  type: NotificationType;
  variant: string;
}

export interface Delivery {
  /** The domain event id (`event:<id>`) or another once-only key: (source, recipient) is delivered at most once. */
  sourceKey: string;
  actorId: string | null;
  actorName: string | null;
  questionId?: string | null;
  answerId?: string | null;
  commentId?: string | null;
  mentorshipId?: string | null;
  url: string;
  /** In priority order: direct recipients first, then followers. */
  direct: Candidate[];
  followers?: FollowerCandidates[];
  texts: Record<string, string>;
  /** "TYPE:key" targets; a recipient who muted any of them gets nothing. */
  muted?: string[];
  /** Never notified (the actor; the moderator who approved). */
  exclude: (string | null)[];
  /** Rows of these types merge with the recipient's unread row of the same key ("A, B and 3 others answered …"). */
  group?: { key: string; types: NotificationType[]; verb: string };
}

/**
 * Writes the notifications of one event in ONE set-based statement: candidates (direct ones from
 * parameters, followers selected from `follows`), minus the excluded and the muted, one per person
 * (the highest-priority candidate), minus those with in-app off for that type and those already
 * delivered (notification_receipts), then inserted or merged into an unread group. Published live
 * after commit.
 */
@Injectable()
export class NotificationWriter {
  private readonly logger = new Logger(NotificationWriter.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveBus,
    /** Queues instant emails for what was written, in the same transaction. */
    @Optional() private readonly emails?: NotificationEmails,
  ) {}

  /** Runs `work` (auto-follows and deliveries) in one transaction, then publishes what it wrote. */
  async inTransaction(work: (m: EntityManager, deliver: (d: Delivery) => Promise<void>) => Promise<void>): Promise<number> {
    const written: { id: string; recipientId: string }[] = [];
    // Concurrent fan-outs may upsert the same grouped rows in another order: a deadlock retries.
    await inTransaction(this.dataSource, async (m) => {
      written.length = 0;
      await work(m, async (d) => {
        written.push(...(await this.write(m, d)));
      });
      await this.emails?.scheduleInstant(m, written);
    });
    for (const w of written) {
      try {
        await this.live.publish(LIVE_TOPICS.notifications(w.recipientId), { notificationId: w.id });
      } catch (e) {
        // The rows are committed; live delivery is best effort (clients refetch on reconnect).
        this.logger.warn(`live publish failed: ${String(e)}`);
      }
    }
    return written.length;
  }

  private async write(m: EntityManager, d: Delivery): Promise<{ id: string; recipientId: string }[]> {
    const followers = d.followers ?? [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const direct = d.direct.filter((c) => c.userId);
    const parts = [
      `SELECT c.user_id, c.type, c.variant, c.ord::int AS rank FROM unnest(${p(direct.map((c) => c.userId))}::uuid[], ${p(direct.map((c) => c.type))}::notification_type[],
         ${p(direct.map((c) => c.variant))}::text[]) WITH ORDINALITY AS c(user_id, type, variant, ord)`,
      ...followers.map(
        (f, i) =>
          `SELECT f.user_id, ${p(f.type)}::notification_type, ${p(f.variant)}::text, ${1_000_000 + i} FROM follows f
           WHERE f.target_type = ${p(f.targetType)} AND f.target_key = ANY(${p(f.keys)}::varchar[]) AND f.level = ANY(${p(f.levels)}::follow_level[])`,
      ),
    ];
    const texts = Object.entries(d.texts);
    const group = d.group ?? null;
    const sql = `
      WITH candidates AS (${parts.join(' UNION ALL ')}),
      best AS (
        SELECT DISTINCT ON (c.user_id) c.user_id, c.type, c.variant FROM candidates c
        WHERE NOT (c.user_id = ANY(${p(d.exclude.filter((x): x is string => !!x))}::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM follows mu WHERE mu.user_id = c.user_id AND mu.level = 'MUTED'
                          AND (mu.target_type::text || ':' || mu.target_key) = ANY(${p(d.muted ?? [])}::text[]))
        ORDER BY c.user_id, c.rank
      ),
      -- The person's highest level decides; with in-app off for that type they get nothing for this event.
      allowed AS (
        SELECT b.* FROM best b WHERE NOT EXISTS (SELECT 1 FROM notification_settings s WHERE s.user_id = b.user_id AND s.type = b.type AND NOT s.in_app)
      ),
      fresh AS (
        INSERT INTO notification_receipts (source_key, recipient_id) SELECT ${p(d.sourceKey)}, b.user_id FROM allowed b
        ON CONFLICT DO NOTHING RETURNING recipient_id
      )
      INSERT INTO notifications AS n (recipient_id, type, question_id, answer_id, comment_id, mentorship_id, actor_ids, actor_names, group_key, text, url, source_key)
      SELECT b.user_id, b.type, ${p(d.questionId ?? null)}::uuid, ${p(d.answerId ?? null)}::uuid, ${p(d.commentId ?? null)}::uuid, ${p(d.mentorshipId ?? null)}::uuid,
        ${p(d.actorId ? [d.actorId] : [])}::uuid[], ${p(d.actorName ? [d.actorName] : [])}::varchar[],
        CASE WHEN b.type = ANY(${p(group?.types ?? [])}::notification_type[]) THEN ${p(group?.key ?? null)}::varchar END,
        t.text, ${p(d.url)}, ${p(d.sourceKey)}
      FROM allowed b JOIN fresh f ON f.recipient_id = b.user_id
        JOIN unnest(${p(texts.map(([k]) => k))}::text[], ${p(texts.map(([, v]) => v))}::text[]) AS t(variant, text) ON t.variant = b.variant
      ON CONFLICT (recipient_id, group_key) WHERE read_at IS NULL AND group_key IS NOT NULL DO UPDATE SET
        actor_ids = CASE WHEN EXCLUDED.actor_ids <@ n.actor_ids THEN n.actor_ids ELSE EXCLUDED.actor_ids || n.actor_ids END,
        actor_names = CASE WHEN EXCLUDED.actor_ids <@ n.actor_ids THEN n.actor_names ELSE EXCLUDED.actor_names || n.actor_names END,
        text = notification_group_text(CASE WHEN EXCLUDED.actor_ids <@ n.actor_ids THEN n.actor_names ELSE EXCLUDED.actor_names || n.actor_names END,
          n.group_count + 1, ${p(group?.verb ?? '')}),
        group_count = n.group_count + 1, created_at = now(), updated_at = now()
      RETURNING n.id, n.recipient_id AS "recipientId"`;
    return (await m.query(sql, params)) as { id: string; recipientId: string }[];
  }
}
