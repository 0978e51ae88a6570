/**
 * Signing secrets that have been published (in this repository or its history) and so
 * sign nothing in production. Add here any JWT_SECRET value a file of the repository shows;
 * config.spec.ts fails when one is missing.
 */
export const KNOWN_JWT_SECRETS: readonly string[] = [
  // The development constant of config.ts before issue 12.
  'motcua-development-secret-not-for-production',
  // docker-compose.yml's default before issue 12.
  'change-me-to-a-long-random-secret',
  // bench/lib/api-process.mjs before issue 12.
  'motcua-bench-secret-not-for-production',
  // Placeholders of documentation and tutorials.
  'replace-with-at-least-32-random-bytes-base64',
  'your-256-bit-secret',
  'your-secret-key',
  'changeme',
  'change-me',
  'secret',
];
