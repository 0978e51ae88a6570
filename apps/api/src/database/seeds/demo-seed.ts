import type { DataSource } from 'typeorm';
import { catalogDemoSeed } from '../../modules/catalog/catalog.seed.js';
import { identityDemoSeed } from '../../modules/identity/identity.seed.js';

export interface DemoSeed {
  name: string;
  /** Idempotent: a second run changes nothing (INSERT … ON CONFLICT DO NOTHING). */
  run(ds: DataSource): Promise<void>;
}

/**
 * Demo data, loaded at start when DEMO_DATA is on (never in production), in this order.
 * Each capability appends its seed here.
 */
export const DEMO_SEEDS: DemoSeed[] = [
  catalogDemoSeed,
  // Last: demo accounts refer to the catalog's agencies.
  identityDemoSeed,
];

export async function runDemoSeeds(ds: DataSource, log: (m: string) => void): Promise<void> {
  for (const seed of DEMO_SEEDS) {
    await seed.run(ds);
    log(`Demo data: ${seed.name}`);
  }
}
