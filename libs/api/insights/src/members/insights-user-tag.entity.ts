import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's answers per tag of the question (all time): the profile's and the mentor's "answers by tag". */
@Entity({ name: 'insights_user_tags' })
export class InsightsUserTagEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  tag!: string;

  @Column({ type: 'int', default: 0 })
  answers!: number;

  @Column({ type: 'int', default: 0, comment: 'of those, accepted now' })
  accepted!: number;
}
