export * from './roles.js';
export * from './dossier-status.js';
export * from './problem.js';
export * from './workflow.js';
export * from './dossier-code.js';
