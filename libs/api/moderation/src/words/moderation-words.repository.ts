import type { EntityManager } from 'typeorm';

/* The only SQL on moderation_words. */

/** One editor at a time: a diff computed after this sees a list nobody else is changing. */
export async function lockForEdit(m: EntityManager): Promise<void> {
  await m.query(`LOCK TABLE moderation_words IN SHARE ROW EXCLUSIVE MODE`);
}

export async function all(db: EntityManager): Promise<string[]> {
  const rows = (await db.query(`SELECT word FROM moderation_words ORDER BY word`)) as { word: string }[];
  return rows.map((r) => r.word);
}

export async function remove(m: EntityManager, words: string[]): Promise<void> {
  await m.query(`DELETE FROM moderation_words WHERE word = ANY($1::varchar[])`, [words]);
}

export async function add(m: EntityManager, words: string[], by: string): Promise<void> {
  await m.query(`INSERT INTO moderation_words (word, added_by) SELECT unnest($1::varchar[]), $2`, [words, by]);
}
