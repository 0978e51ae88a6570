import type { AgencyDto, HolidayDto, ProcedureDetail, ProcedureSummary, SectorDto } from '@motcua/shared';
import type { ProcedureWithAgencies } from './catalog.service.js';
import type { AgencyView, HolidayView, ProcedureSummaryView, SectorView } from './catalog.types.js';
import { procedureTemplates } from './procedure-templates.js';

/** Catalog views → the response shapes of api.md. */

export function toAgencyDto(a: AgencyView): AgencyDto {
  return { code: a.code, name: a.name, nameEn: a.nameEn, level: a.level, parentCode: a.parentCode, ...contactOf(a) };
}

/** Where and when to go (our addition to api.md's agency shapes). */
function contactOf(a: AgencyView) {
  return { address: a.address, phone: a.phone, openingHours: a.openingHours, openingHoursEn: a.openingHoursEn };
}

export function toSectorDto(s: SectorView): SectorDto {
  return { code: s.code, name: s.name, nameEn: s.nameEn };
}

export function toProcedureSummary(p: ProcedureSummaryView): ProcedureSummary {
  return {
    code: p.code,
    name: p.name,
    nameEn: p.nameEn,
    sectorCode: p.sectorCode,
    onlineLevel: p.onlineLevel,
    processingDays: p.processingDays,
    fee: p.fee,
  };
}

export function toProcedureDetail({ procedure: p, agencies }: ProcedureWithAgencies): ProcedureDetail {
  return {
    ...toProcedureSummary(p),
    version: p.version,
    publishedAt: p.publishedAt.toISOString(),
    agencyCodes: p.agencyCodes,
    agencies: agencies.map((a) => ({ code: a.code, name: a.name, nameEn: a.nameEn, ...contactOf(a) })),
    requiredDocuments: p.requiredDocuments,
    formSchema: p.formSchema,
    description: p.description,
    descriptionEn: p.descriptionEn,
    legalBasis: p.legalBasis,
    result: p.result,
    resultEn: p.resultEn,
    feeNote: p.feeNote,
    feeNoteEn: p.feeNoteEn,
    updatedAt: p.publishedAt.toISOString(),
    templates: procedureTemplates(p),
  };
}

export function toHolidayDto(h: HolidayView): HolidayDto {
  return { date: h.date, name: h.name, nameEn: h.nameEn, kind: h.kind };
}
