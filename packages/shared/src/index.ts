export * from './roles.js';
export * from './dossier-status.js';
export * from './problem.js';
