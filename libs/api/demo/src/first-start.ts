import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { accountCensus } from '@crossroads/api-accounts';
import { progressBar, type AppConfig } from '@crossroads/api-platform';
import { DEMO_SIGN_INS, demoEmail } from './content/people.js';
import { demoSeedRefusal, demoSignInLines, formatDemoSummary, seedDemo } from './seed-demo.js';

/**
 * `npm start`: seeds the demo community into an empty database (never with NODE_ENV=production,
 * never over existing content) and prints the demo sign-ins; on later starts of a demo database,
 * prints the sign-ins again. Returns true when it seeded.
 */
export async function seedDemoOnFirstStart(
  app: INestApplicationContext,
  config: Pick<AppConfig, 'isProduction' | 'demoSeed'>,
  say: (msg: string) => void,
): Promise<boolean> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if (config.isProduction || !config.demoSeed) return false;
  if (await demoSeedRefusal(dataSource, config.isProduction)) {
    if ((await accountCensus(dataSource.manager, demoEmail(DEMO_SIGN_INS[0].handle))).emailTaken) printSignIns(say);
    return false;
  }
  say('Empty database: seeding the demo community (npm run db:reset -- --no-seed gives an empty one)…');
  const bar = progressBar('');
  try {
    const summary = await seedDemo(app, {
      isProduction: config.isProduction,
      onProgress: (done, total, label) => bar.update(done, total, label),
    });
    bar.stop();
    say(formatDemoSummary(summary));
  } catch (e) {
    bar.stop();
    throw e;
  }
  printSignIns(say);
  return true;
}

export function printSignIns(say: (msg: string) => void): void {
  say('Demo sign-ins:');
  for (const line of demoSignInLines()) say(`  ${line}`);
}
