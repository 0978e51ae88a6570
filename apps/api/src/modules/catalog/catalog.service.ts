import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  buildDraftValidator,
  buildFormValidator,
  PROCEDURE_PAGE_SIZE_DEFAULT,
  toLocalDate,
  WorkingCalendar,
  type CreateAgencyInput,
  type CreateProcedureInput,
  type CreateSectorInput,
  type FieldError,
  type Page,
  type ProcedureSearchQuery,
  type ProcedureVersionInput,
  type PutHolidayInput,
} from '@motcua/shared';
import { Clock } from '../../common/clock.js';
import { CatalogError } from './catalog.errors.js';
import { DECLARATION_TEMPLATE, renderDeclarationPdf } from './procedure-templates.js';
import { CatalogRepository, procedureVersionRow } from './catalog.repository.js';
import type { ResultTemplateSource } from './result-template.js';
import type {
  AgencyView,
  HolidayView,
  ProcedureSummaryView,
  ProcedureVersionView,
  SectorView,
} from './catalog.types.js';

/** A procedure's current version with its handling agencies (the procedure page). */
export interface ProcedureWithAgencies {
  procedure: ProcedureVersionView;
  agencies: AgencyView[];
}

/**
 * The catalog: agencies, sectors, versioned procedures and the holiday calendar. Other modules
 * use it for a procedure's rules (getProcedureVersion), the working-day calendar
 * (getWorkingCalendar) and agency scope (isAgencyOf, getAgencySubtreeCodes). Methods that
 * other modules call inside their own transaction take its EntityManager.
 */
@Injectable()
export class CatalogService {
  /** A published version never changes, so its validators are built once (zod construction was ~8 % of a submit). */
  private readonly validators = new Map<
    string,
    { form: ReturnType<typeof buildFormValidator>; draft: ReturnType<typeof buildDraftValidator> }
  >();

  constructor(
    private readonly ds: DataSource,
    private readonly repo: CatalogRepository,
    private readonly clock: Clock,
  ) {}

  /** A procedure version's result template with its form (issue 14); null when it has none. */
  resultTemplate(code: string, version: number): Promise<ResultTemplateSource | null> {
    return this.repo.findResultTemplate(code, version);
  }

  /** The full validator (submit) and the shape-only one (drafts) of a procedure version's form. */
  validatorsOf(procedure: ProcedureVersionView): {
    form: ReturnType<typeof buildFormValidator>;
    draft: ReturnType<typeof buildDraftValidator>;
  } {
    // A date field's `today` bound is read on the clock's day in the service's zone (api.md,
    // Catalog), so the validator is one per version and day.
    const today = toLocalDate(this.clock.now());
    const key = `${procedure.code}@${procedure.version}@${today}`;
    let v = this.validators.get(key);
    if (!v) {
      v = {
        form: buildFormValidator(procedure.formSchema, { today }),
        draft: buildDraftValidator(procedure.formSchema),
      };
      if (this.validators.size >= 1000) this.validators.clear();
      this.validators.set(key, v);
    }
    return v;
  }

  // ---- Public catalog ----

  listAgencies(): Promise<AgencyView[]> {
    return this.repo.findAgencies();
  }

  listSectors(): Promise<SectorView[]> {
    return this.repo.findSectors();
  }

  async searchProcedures(query: ProcedureSearchQuery): Promise<Page<ProcedureSummaryView>> {
    const pageSize = query.pageSize ?? PROCEDURE_PAGE_SIZE_DEFAULT;
    const search = {
      q: query.q || undefined,
      sectorCode: query.sectorCode,
      agencyCode: query.agencyCode,
      onlineLevel: query.onlineLevel,
      limit: pageSize,
      offset: ((query.page ?? 1) - 1) * pageSize,
    };
    const [items, total] = await Promise.all([this.repo.searchProcedures(search), this.repo.countProcedures(search)]);
    return { items, total };
  }

  /** The current version of a procedure and its agencies; 404 when unknown. */
  async getProcedure(code: string): Promise<ProcedureWithAgencies> {
    const procedure = await this.getProcedureVersion(code);
    const all = await this.repo.findAgencies();
    const byCode = new Map(all.map((a) => [a.code, a]));
    const agencies = procedure.agencyCodes.flatMap((c) => byCode.get(c) ?? []);
    return { procedure, agencies };
  }

  /** A form template of the procedure's current version (procedure-templates.ts); unknown name → 404. */
  async getTemplate(code: string, name: string): Promise<{ fileName: string; mimeType: string; body: Buffer }> {
    const { procedure, agencies } = await this.getProcedure(code);
    if (name !== DECLARATION_TEMPLATE) throw CatalogError.templateNotFound(code, name);
    const body = await renderDeclarationPdf(
      procedure,
      agencies.map((a) => a.name),
    );
    return { fileName: name, mimeType: 'application/pdf', body };
  }

  listHolidays(year?: number): Promise<HolidayView[]> {
    return this.repo.findHolidays(year);
  }

  // ---- Administration ----

  async createAgency(input: CreateAgencyInput): Promise<AgencyView> {
    return this.ds.transaction(async (m) => {
      if (input.parentCode && !(await this.repo.findAgency(input.parentCode, m))) {
        throw CatalogError.unknownReferences([{ field: 'parentCode', message: 'Unknown agency' }]);
      }
      if (!(await this.repo.insertAgency(input, m))) throw CatalogError.duplicateAgency(input.code);
      return (await this.repo.findAgency(input.code, m))!;
    });
  }

  async createSector(input: CreateSectorInput): Promise<SectorView> {
    if (!(await this.repo.insertSector(input))) throw CatalogError.duplicateSector(input.code);
    return { code: input.code, name: input.name, nameEn: input.nameEn ?? null };
  }

  /** Creates a procedure with its version 1. */
  async createProcedure(input: CreateProcedureInput, publishedBy: string | null): Promise<ProcedureWithAgencies> {
    const { code, ...version } = input;
    await this.ds.transaction(async (m) => {
      await this.checkReferences(version, m);
      const row = procedureVersionRow(code, 1, version, this.clock.now(), publishedBy);
      if (!(await this.repo.insertProcedure(row, m))) throw CatalogError.duplicateProcedure(code);
      await this.repo.insertProcedureVersion(row, m);
      await this.repo.replaceProcedureAgencies(code, row.agencyCodes, m);
    });
    return this.getProcedure(code);
  }

  /**
   * Publishes the next version of a procedure. Earlier versions stay as they were: a dossier
   * filed under one keeps its form, documents and time limit. Concurrent publications are
   * serialised on the procedure row.
   */
  async publishProcedureVersion(
    code: string,
    input: ProcedureVersionInput,
    publishedBy: string | null,
  ): Promise<ProcedureWithAgencies> {
    await this.ds.transaction(async (m) => {
      const current = await this.repo.lockProcedure(code, m);
      if (current === null) throw CatalogError.procedureNotFound(code);
      await this.checkReferences(input, m);
      const row = procedureVersionRow(code, current + 1, input, this.clock.now(), publishedBy);
      await this.repo.insertProcedureVersion(row, m);
      await this.repo.updateProcedureCurrent(row, m);
      await this.repo.replaceProcedureAgencies(code, row.agencyCodes, m);
    });
    return this.getProcedure(code);
  }

  async putHoliday(date: string, input: PutHolidayInput): Promise<HolidayView> {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (input.kind === 'WORKING_DAY' && weekday !== 0 && weekday !== 6) throw CatalogError.weekdayWorkingDay(date);
    return this.repo.upsertHoliday(date, input, this.clock.now());
  }

  async deleteHoliday(date: string): Promise<void> {
    if (!(await this.repo.deleteHoliday(date))) throw CatalogError.holidayNotFound(date);
  }

  // ---- For other modules ----

  /** A version of a procedure (the current one when `version` is omitted), or null. */
  findProcedureVersion(code: string, version?: number, m?: EntityManager): Promise<ProcedureVersionView | null> {
    return this.repo.findProcedureVersion(code, version, m);
  }

  /** A version of a procedure (the current one when `version` is omitted); 404 when there is none. */
  async getProcedureVersion(code: string, version?: number, m?: EntityManager): Promise<ProcedureVersionView> {
    const found = await this.repo.findProcedureVersion(code, version, m);
    if (found) return found;
    throw version === undefined || !(await this.repo.procedureExists(code, m))
      ? CatalogError.procedureNotFound(code)
      : CatalogError.procedureVersionNotFound(code, version);
  }

  /** Whether an agency handles a procedure now (its current version lists the agency). */
  isProcedureHandledBy(procedureCode: string, agencyCode: string, m?: EntityManager): Promise<boolean> {
    return this.repo.isProcedureHandledBy(procedureCode, agencyCode, m);
  }

  /**
   * The working-day calendar from the holiday table, read on each call: the table is small
   * (a few dozen rows a year) and an admin's change must apply at once in every process.
   */
  async getWorkingCalendar(m?: EntityManager): Promise<WorkingCalendar> {
    return new WorkingCalendar(await this.repo.findHolidays(undefined, m));
  }

  findAgency(code: string, m?: EntityManager): Promise<AgencyView | null> {
    return this.repo.findAgency(code, m);
  }

  async getAgency(code: string, m?: EntityManager): Promise<AgencyView> {
    const agency = await this.repo.findAgency(code, m);
    if (!agency) throw CatalogError.agencyNotFound(code);
    return agency;
  }

  /** The agency's code and those of every agency below it (a manager's scope). */
  getAgencySubtreeCodes(code: string, m?: EntityManager): Promise<string[]> {
    return this.repo.findSubtreeCodes(code, m);
  }

  /** True when `agencyCode` is `ancestorCode` or lies below it in the agency tree. */
  async isAgencyOf(ancestorCode: string, agencyCode: string, m?: EntityManager): Promise<boolean> {
    return (await this.repo.findSubtreeCodes(ancestorCode, m)).includes(agencyCode);
  }

  // ---- Internals ----

  /** Unknown sector or agencies: one 400 naming each bad field. */
  private async checkReferences(input: ProcedureVersionInput, m: EntityManager): Promise<void> {
    const errors: FieldError[] = [];
    if (!(await this.repo.sectorExists(input.sectorCode, m))) {
      errors.push({ field: 'sectorCode', message: 'Unknown sector' });
    }
    const existing = await this.repo.findExistingAgencyCodes(input.agencyCodes, m);
    input.agencyCodes.forEach((c, i) => {
      if (!existing.has(c)) errors.push({ field: `agencyCodes[${i}]`, message: 'Unknown agency' });
    });
    if (errors.length) throw CatalogError.unknownReferences(errors);
  }
}
