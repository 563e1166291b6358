// Generates typed documents from apps/api/schema.graphql and this lib's *.graphql operations.
//   node scripts/codegen.mjs          writes src/generated/
//   node scripts/codegen.mjs --check  regenerates into a temp dir and fails if src/generated/ differs
import { generate } from '@graphql-codegen/cli';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const libRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = resolve(libRoot, '../../..');
const committedDir = join(libRoot, 'src/generated');
const schema = join(workspaceRoot, 'apps/api/schema.graphql');

/** @param {string} outDir */
function config(outDir) {
  return {
    schema,
    documents: [join(libRoot, 'src/**/*.graphql')],
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [outDir + '/']: {
        preset: 'client',
        presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          onlyOperationTypes: true,
          scalars: { DateTime: 'string' },
          defaultScalarType: 'unknown',
          avoidOptionals: { field: true, inputValue: false },
          nonOptionalTypename: true,
          skipTypeNameForRoot: true,
        },
      },
    },
  };
}

function listFiles(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

if (process.argv.includes('--check')) {
  const tempDir = mkdtempSync(join(tmpdir(), 'crossroads-codegen-'));
  try {
    await generate(config(tempDir), true);
    const fresh = listFiles(tempDir);
    const committed = listFiles(committedDir);
    const problems = [];
    for (const file of new Set([...fresh, ...committed])) {
      if (!committed.includes(file)) problems.push(`missing: ${file}`);
      else if (!fresh.includes(file)) problems.push(`not generated any more: ${file}`);
      else if (readFileSync(join(tempDir, file), 'utf8') !== readFileSync(join(committedDir, file), 'utf8'))
        problems.push(`differs: ${file}`);
    }
    if (problems.length) {
      console.error(
        `libs/web/data-access/src/generated is stale against apps/api/schema.graphql and the *.graphql operations:\n` +
          problems.map((p) => `  - ${p}`).join('\n') +
          `\nRun \`npm run codegen\` (or \`npx nx run web-data-access:codegen\`) and commit the result.`,
      );
      process.exitCode = 1;
    } else {
      console.log(`Generated GraphQL types are up to date (${fresh.length} files).`);
    }
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
} else {
  rmSync(committedDir, { recursive: true, force: true });
  await generate(config(committedDir), true);
  console.log(`Wrote ${relative(workspaceRoot, committedDir)}/ (${listFiles(committedDir).join(', ')})`);
}
