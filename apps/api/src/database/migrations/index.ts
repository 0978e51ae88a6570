import { Init1764200000000 } from './1764200000000-init.js';
import { Agency1764210000000 } from './1764210000000-agency.js';
import { Outbox1764500000000 } from './1764500000000-outbox.js';

/** Every migration, in order. A new one is appended here; a merged one is never edited. */
export const MIGRATIONS = [Init1764200000000, Agency1764210000000, Outbox1764500000000];
