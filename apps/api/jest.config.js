/** API tests: unit specs beside the code, integration suites in apps/api/test against real PostgreSQL. */
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

const lib = (path) => `<rootDir>/libs/${path}/src/index.ts`;

export default {
  rootDir: '../..',
  roots: ['<rootDir>/apps/api', '<rootDir>/libs/api', '<rootDir>/libs/shared'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
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
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  maxWorkers: 2,
  testTimeout: 30_000,
};
