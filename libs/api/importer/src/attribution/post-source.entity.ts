import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const SOURCE_KINDS = ['QUESTION', 'ANSWER', 'COMMENT', 'USER'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Where an imported row comes from: one row per (site, kind, original id), which makes imports
 * idempotent, and the attribution CC BY-SA asks for (original URL, author name and profile, licence).
 * `target_id` is the Crossroads row (question, answer, comment or user) it became.
 */
@Entity({ name: 'post_sources' })
@Index('post_sources_target_idx', ['targetId'])
export class PostSourceEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  site!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind!: SourceKind;

  @PrimaryColumn({ name: 'source_id', type: 'varchar', length: 40 })
  sourceId!: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ type: 'varchar', length: 300 })
  url!: string;

  @Column({ name: 'author_name', type: 'varchar', length: 100, nullable: true })
  authorName!: string | null;

  @Column({ name: 'author_url', type: 'varchar', length: 300, nullable: true })
  authorUrl!: string | null;

  /** "CC BY-SA 3.0" or "CC BY-SA 4.0" for content; null for users. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  license!: string | null;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;
}
