/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j)sx?$': require.resolve('../../tools/jest-transformer.cjs') },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
