import { parseArgs } from 'node:util';
import { loadConfig, migrateDatabase, openDatabase, progressBar } from '@crossroads/api-platform';
import { generateData } from '@crossroads/api-importer';
import { apiSchema } from '../api-schema.js';

/** `npm run db:generate -- --questions N [--seed S]`: fills the database with generated volume for benchmarks. */
const { values } = parseArgs({
  options: { questions: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } },
});
const questions = Number(values.questions);
if (values.help || !Number.isSafeInteger(questions) || questions < 1) {
  process.stderr.write('Usage: npm run db:generate -- --questions <N> [--seed <integer>]\n');
  process.exit(values.help ? 0 : 2);
}
const config = loadConfig();
if (config.isProduction) {
  process.stderr.write('Refusing to generate data with NODE_ENV=production.\n');
  process.exit(2);
}
const say = (msg: string) => process.stdout.write(`${msg}\n`);
const db = await openDatabase(config, say);
const bar = progressBar('questions');
try {
  await migrateDatabase(db.url, apiSchema);
  const s = await generateData({
    databaseUrl: db.url,
    questions,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    onProgress: (done, total) => bar.update(done, total, `${done}/${total} questions`),
  });
  bar.stop();
  say(
    `Generated ${s.questions} questions, ${s.answers} answers, ${s.comments} comments, ${s.votes} votes, ` +
      `${s.reputationEvents} reputation events and ${s.users} users in ${s.seconds.toFixed(1)} s (${Math.round(s.questionsPerSecond)} questions/s)`,
  );
} catch (e) {
  bar.stop();
  process.stderr.write(`Generation failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
