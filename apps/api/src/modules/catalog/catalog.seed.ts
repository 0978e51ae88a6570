import type { DataSource } from 'typeorm';
import { createProcedureSchema, localDateTime } from '@motcua/shared';
import type { DemoSeed } from '../../database/seeds/demo-seed.js';
import { CatalogRepository, procedureVersionRow } from './catalog.repository.js';
import { DEMO_RESULT_TEMPLATES } from './catalog.result-templates.js';
import { DEMO_AGENCIES, DEMO_PROCEDURES, DEMO_SECTORS } from './catalog.seed-data.js';

/** The demo procedures' version 1 is dated the start of the two-tier local government. */
const PUBLISHED_AT = localDateTime('2025-07-01');

/**
 * Da Nang's demo catalog (agencies, sectors, procedures). Idempotent: rows that exist are left
 * as they are (an admin may have changed them), so a restart never overwrites anything.
 */
export const catalogDemoSeed: DemoSeed = {
  name: 'catalog (Da Nang agencies, sectors, procedures)',
  async run(ds: DataSource): Promise<void> {
    const repo = new CatalogRepository(ds);
    await ds.transaction(async (m) => {
      // Parents before children: the list is in tree order.
      for (const agency of DEMO_AGENCIES) {
        // A database seeded before agencies had contacts gets them, where nobody has set them since.
        if (!(await repo.insertAgency(agency, m))) await repo.fillAgencyContact(agency, m);
      }
      for (const sector of DEMO_SECTORS) await repo.insertSector(sector, m);
      for (const input of DEMO_PROCEDURES) {
        // The same rules as POST /admin/procedures: a bad seed fails loudly, never half-loads.
        const { code, ...v } = createProcedureSchema.parse(input);
        const row = procedureVersionRow(code, 1, v, PUBLISHED_AT, null);
        if (await repo.insertProcedure(row, m)) {
          await repo.insertProcedureVersion(row, m);
          await repo.replaceProcedureAgencies(code, row.agencyCodes, m);
        }
      }
      // Also on a database seeded before templates existed: only where none is set.
      for (const [code, template] of Object.entries(DEMO_RESULT_TEMPLATES)) {
        await repo.setResultTemplateIfNone(code, template, m);
      }
    });
  },
};
