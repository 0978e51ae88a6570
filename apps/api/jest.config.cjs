/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j)sx?$': require.resolve('../../tools/jest-transformer.cjs') },
  // NestJS 12 is ESM-only: let the transformer compile it to CommonJS (toolchain.md, trap 1).
  // So are openid-client and its dependencies oauth4webapi and jose.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@motcua|openid-client|oauth4webapi|jose)/)'],
  moduleNameMapper: {
    '^@motcua/shared$': '<rootDir>/../../packages/shared/src/index.ts',
    '^@motcua/shared/(.*)$': '<rootDir>/../../packages/shared/src/$1.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
