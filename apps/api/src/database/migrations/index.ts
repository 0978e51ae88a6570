import { Init1764200000000 } from './1764200000000-init.js';
import { Agency1764210000000 } from './1764210000000-agency.js';

/** Every migration, in order. A new one is appended here; a merged one is never edited. */
export const MIGRATIONS = [Init1764200000000, Agency1764210000000];
