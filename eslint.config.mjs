import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

/** What every API context may import: the kernel (platform), shared rules, and a contracts lib should ports outgrow platform. */
const KERNEL = ['context:kernel', 'context:shared', 'context:contracts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', '.nx/**', '.data/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:platform', 'type:data-access', 'type:ui', 'type:util'],
            },
            // Bounded contexts, in layers: each may use the kernel (platform), shared and contracts, and the public API
            // (index.ts: commands taking the caller's transaction, loaders, read models, events) of the contexts below
            // it — accounts ← qa ← moderation, mentoring, knowledge base ← notifications, importer, demo. Never upwards,
            // never another context's tables (the boundary test checks SQL and migrations).
            { sourceTag: 'context:shared', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'context:kernel', onlyDependOnLibsWithTags: ['context:shared'] },
            { sourceTag: 'context:accounts', onlyDependOnLibsWithTags: [...KERNEL] },
            { sourceTag: 'context:qa', onlyDependOnLibsWithTags: [...KERNEL, 'context:accounts'] },
            {
              sourceTag: 'context:moderation',
              onlyDependOnLibsWithTags: [...KERNEL, 'context:accounts', 'context:qa'],
            },
            { sourceTag: 'context:mentoring', onlyDependOnLibsWithTags: [...KERNEL, 'context:accounts', 'context:qa'] },
            {
              sourceTag: 'context:knowledge-base',
              onlyDependOnLibsWithTags: [...KERNEL, 'context:accounts', 'context:qa'],
            },
            // The importer's users go through accounts' bulk operations (its SQL on users was a hidden dependency).
            { sourceTag: 'context:importer', onlyDependOnLibsWithTags: [...KERNEL, 'context:accounts', 'context:qa'] },
            // Notifications react to the other contexts (their exported services and events); nothing but the app imports it.
            {
              sourceTag: 'context:notifications',
              onlyDependOnLibsWithTags: [
                ...KERNEL,
                'context:accounts',
                'context:qa',
                'context:mentoring',
                'context:moderation',
              ],
            },
            // Insights hears the other contexts' events and keeps its own rollups; nothing but the app imports it.
            {
              sourceTag: 'context:insights',
              onlyDependOnLibsWithTags: [
                ...KERNEL,
                'context:accounts',
                'context:qa',
                'context:mentoring',
                'context:moderation',
                'context:knowledge-base',
              ],
            },
            {
              sourceTag: 'context:demo',
              onlyDependOnLibsWithTags: [
                ...KERNEL,
                'context:accounts',
                'context:qa',
                'context:mentoring',
                'context:moderation',
                'context:knowledge-base',
              ],
            },
            { sourceTag: 'context:web', onlyDependOnLibsWithTags: ['context:web', 'context:shared'] },
            { sourceTag: 'context:tooling', onlyDependOnLibsWithTags: ['context:kernel', 'context:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Each lib's Jest config extends the workspace preset.
    files: ['**/jest.config.js'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // The web's React code: hooks called unconditionally, effects list what they read.
    files: ['apps/web/**/*.{ts,tsx}', 'libs/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/test/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
