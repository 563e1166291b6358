import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A tag, created on first use. question_count is kept exact by the questions trigger. */
@Entity({ name: 'tags' })
@Index('tags_name_prefix_idx', { synchronize: false })
@Index('tags_popular_idx', ['questionCount', 'name'])
export class TagEntity {
  @PrimaryColumn({ type: 'varchar', length: 25 })
  name!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Column({ name: 'question_count', type: 'int', default: 0 })
  questionCount!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
