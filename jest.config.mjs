/**
 * `npm test` runs both projects. Unit tests sit beside the code (src/, scripts/, agent/: **\/*.spec.ts); e2e tests
 * (test/**\/*.e2e-spec.ts) go over HTTP against a real PostgreSQL: the global setup migrates one
 * template database, and each test file copies it into a database of its own.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      // Nest and TypeORM look classes up by name ('User', guards, entities).
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': swc },
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/agent/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
  // Only read at the top level, not per project. E2E tests start servers and browsers.
  testTimeout: 60_000,
  // Jest's default is one worker fewer than the cores: one worker on a 2-core CI machine. The e2e
  // files wait on their servers and databases far more than they compute, so two workers there
  // took the whole suite from about 790 s to 530 s; every file keeps its own database and ports.
  maxWorkers: 2,
};
