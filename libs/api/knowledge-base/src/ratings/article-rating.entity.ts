import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { ArticleEntity } from '../articles/article.entity.js';

/**
 * "Was this article helpful?": one row per signed-in user, or per guest browser (`guest_key`, the
 * id in the signed rater cookie, and per IP through `guest_ip_hash`), per article. Changing one's mind updates the row.
 */
@Entity({ name: 'kb_article_ratings' })
@Check('kb_article_ratings_stars_check', '"stars" BETWEEN 1 AND 5')
@Check('kb_article_ratings_rater_check', '("user_id" IS NULL) <> ("guest_key" IS NULL)')
@Index('kb_article_ratings_user_key', ['articleId', 'userId'], { unique: true, where: '"user_id" IS NOT NULL' })
@Index('kb_article_ratings_guest_key', ['articleId', 'guestKey'], { unique: true, where: '"guest_key" IS NOT NULL' })
@Index('kb_article_ratings_guest_ip_key', ['articleId', 'guestIpHash'], {
  unique: true,
  where: '"guest_ip_hash" IS NOT NULL',
})
@Index('kb_article_ratings_stars_idx', ['articleId', 'stars'])
export class ArticleRatingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId!: string;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'guest_key', type: 'varchar', length: 64, nullable: true })
  guestKey!: string | null;

  /** Guests: HMAC-SHA256 of their IP keyed with the server secret, so one IP rates an article once without the IP being stored. */
  @Column({ name: 'guest_ip_hash', type: 'varchar', length: 64, nullable: true })
  guestIpHash!: string | null;

  @Column({ type: 'smallint' })
  stars!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
