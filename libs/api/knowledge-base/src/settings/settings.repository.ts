import { col, maybeOne, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';

/** The single settings row (id 1, created by the kb-search migration). */
export const kbSettingsTable = table('kb_settings', {
  id: col.int(),
  mentorsMayWrite: col.bool(),
  updatedById: col.uuid().nullable(),
  updatedAt: col.timestamp(),
});
export type KbSettingsRow = RowOf<typeof kbSettingsTable>;

export function readSettings(db: Db): Promise<KbSettingsRow | undefined> {
  return maybeOne<KbSettingsRow>(db, `SELECT ${selectList(kbSettingsTable, 's')} FROM kb_settings s WHERE s.id = 1`);
}

export async function writeSettings(db: Db, mentorsMayWrite: boolean, updatedById: string): Promise<void> {
  await rows(
    db,
    `INSERT INTO kb_settings (id, mentors_may_write, updated_by_id, updated_at) VALUES (1, $1, $2, now())
     ON CONFLICT (id) DO UPDATE SET mentors_may_write = EXCLUDED.mentors_may_write, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`,
    [mentorsMayWrite, updatedById],
  );
}
