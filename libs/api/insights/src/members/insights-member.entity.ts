import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per member account: when it joined and when it first came back on a later day of its first week. */
@Entity({ name: 'insights_members' })
@Index('insights_members_joined_idx', ['joinedAt'])
export class InsightsMemberEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'joined_at', type: 'timestamptz', precision: 3 })
  joinedAt!: Date;

  @Column({
    name: 'returned_at',
    type: 'timestamptz',
    precision: 3,
    nullable: true,
    comment: 'first sign-in, renewal or post on a later UTC day within 7 days of joining',
  })
  returnedAt!: Date | null;
}
