import type { EntityManager } from 'typeorm';
import { affected, col, rows, table } from '@crossroads/api-platform';

/* The only SQL on moderation_words. */

export const moderationWordsTable = table('moderation_words', {
  word: col.text(),
  addedBy: col.uuid().nullable(),
  createdAt: col.timestamp(),
});

/** One editor at a time: a diff computed after this sees a list nobody else is changing. */
export async function lockForEdit(m: EntityManager): Promise<void> {
  await affected(m, `LOCK TABLE moderation_words IN SHARE ROW EXCLUSIVE MODE`);
}

export async function all(db: EntityManager): Promise<string[]> {
  return (await rows<{ word: string }>(db, `SELECT word FROM moderation_words ORDER BY word`)).map((r) => r.word);
}

export async function remove(m: EntityManager, words: string[]): Promise<void> {
  await affected(m, `DELETE FROM moderation_words WHERE word = ANY($1::varchar[])`, [words]);
}

export async function add(m: EntityManager, words: string[], by: string): Promise<void> {
  await affected(m, `INSERT INTO moderation_words (word, added_by) SELECT unnest($1::varchar[]), $2`, [words, by]);
}
