import { parseArgs } from 'node:util';
import { loadConfig, migrateDatabase, openDatabase, progressBar } from '@crossroads/api-platform';
import { formatSummary, importStackExchange, isImportError } from '@crossroads/api-importer';
import { apiSchema } from '../api-schema.js';

/** `npm run import:stackexchange -- --dir <dump folder> [--site <host>]`: imports a Stack Exchange data dump. */
const { values } = parseArgs({
  options: { dir: { type: 'string' }, site: { type: 'string' }, help: { type: 'boolean' } },
});
if (!values.dir || values.help) {
  process.stderr.write(
    [
      'Usage: npm run import:stackexchange -- --dir <dump folder with Posts.xml> [--site <host, default: the folder name>]',
      '',
      'Idempotent: running it again adds only what is missing. Bad rows are reported and skipped.',
      'A file that is cut off or not well-formed stops the import with exit code 1, naming the file and line:',
      'the complete rows before the break are imported, the rest of that file and the files after it are not.',
      'Fix the file and run again to import the rest.',
      '',
    ].join('\n'),
  );
  process.exit(values.help ? 0 : 2);
}
const say = (msg: string) => process.stdout.write(`${msg}\n`);
const db = await openDatabase(loadConfig(), say);
const bar = progressBar('');
try {
  await migrateDatabase(db.url, apiSchema);
  const summary = await importStackExchange({
    databaseUrl: db.url,
    dir: values.dir,
    site: values.site,
    onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, `${p.file} · ${p.posts} posts`),
  });
  bar.stop();
  say(formatSummary(summary));
} catch (e) {
  bar.stop();
  // a cut-off file: say what got in before the break, then why it stopped
  if (isImportError(e) && e.summary) say(formatSummary(e.summary));
  process.stderr.write(`${isImportError(e) ? '' : 'Import failed: '}${(e as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
