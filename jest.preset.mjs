/** Jest for the API libs and apps/api: SWC (decorators, ESM), workspace libs mapped to their sources. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'es6' },
  swcrc: false,
};

const workspace = new URL('.', import.meta.url).pathname;
const lib = (path) => `${workspace}libs/${path}/src/index.ts`;

export const apiJestPreset = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@crossroads/shared-domain$': lib('shared/domain'),
    '^@crossroads/api-platform$': lib('api/platform'),
    '^@crossroads/api-accounts$': lib('api/accounts'),
    '^@crossroads/api-qa$': lib('api/qa'),
    '^@crossroads/api-mentoring$': lib('api/mentoring'),
    '^@crossroads/api-moderation$': lib('api/moderation'),
    '^@crossroads/api-importer$': lib('api/importer'),
    '^@crossroads/api-knowledge-base$': lib('api/knowledge-base'),
    '^@crossroads/api-demo$': lib('api/demo'),
    '^@crossroads/api-notifications$': lib('api/notifications'),
    '^@crossroads/api-insights$': lib('api/insights'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

/** A lib's unit specs (src/**\/*.spec.ts): pure rules, no database. */
export const libJestConfig = (libDir) => ({
  ...apiJestPreset,
  rootDir: libDir,
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
});
