import { Entity, PrimaryColumn } from 'typeorm';

/**
 * The ledger of questions, answers and comments already counted in the daily and per-tag rollups,
 * by whichever came first: their event or the backfill. Either counts a post only when it adds
 * its id here, so the two never count one post twice.
 */
@Entity({ name: 'insights_counted_posts' })
export class InsightsCountedPostEntity {
  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId!: string;
}
