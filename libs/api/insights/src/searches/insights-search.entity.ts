import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SEARCH_SCOPES = ['QUESTIONS', 'HELP'] as const;

/** One search as typed (trimmed, lower-cased) with its result count; never who searched. */
@Entity({ name: 'insights_searches' })
@Index('insights_searches_at_idx', ['searchedAt'])
export class InsightsSearchEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'enum', enum: SEARCH_SCOPES, enumName: 'insights_search_scope' })
  scope!: (typeof SEARCH_SCOPES)[number];

  @Column({ type: 'varchar', length: 200 })
  query!: string;

  @Column({ type: 'int' })
  results!: number;

  @CreateDateColumn({ name: 'searched_at', type: 'timestamptz', precision: 3 })
  searchedAt!: Date;
}
