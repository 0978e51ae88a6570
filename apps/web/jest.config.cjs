/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/src/test/jsdom-env.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: { '^.+\\.(t|j)sx?$': require.resolve('../../tools/jest-transformer.cjs') },
  moduleNameMapper: {
    '^@motcua/shared$': '<rootDir>/../../packages/shared/src/index.ts',
    '^@motcua/shared/(.*)$': '<rootDir>/../../packages/shared/src/$1.ts',
    '\\.(css)$': '<rootDir>/src/test/style-stub.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
};
