import { readFileSync, writeFileSync } from 'node:fs';
import { SCHEMA_FILE, buildSchemaSdl } from '../schema-sdl.js';

/** `npm run schema:emit` writes apps/api/schema.graphql; `-- --check` fails when it is stale. */
const sdl = await buildSchemaSdl();
const current = (() => {
  try {
    return readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    return '';
  }
})();
if (process.argv.includes('--check')) {
  if (current !== sdl) {
    process.stderr.write(`${SCHEMA_FILE} is stale: run \`npm run schema:emit\` and commit it.\n`);
    process.exit(1);
  }
  process.stdout.write('schema.graphql is up to date.\n');
} else if (current !== sdl) {
  writeFileSync(SCHEMA_FILE, sdl);
  process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
} else {
  process.stdout.write('schema.graphql is up to date.\n');
}
