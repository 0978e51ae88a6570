import { Injectable } from '@nestjs/common';
import {
  breakdownRow,
  reportSummary,
  resolveReportPeriod,
  summaryFigures,
  toLocalDate,
  ZERO_COUNTS,
  type BreakdownBy,
  type BreakdownQuery,
  type BreakdownResponse,
  type BreakdownRow,
  type PublicStats,
  type PublicStatsQuery,
  type ReportQuery,
  type ReportSummary,
  type SummaryCounts,
} from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { RATE_LIMITS } from '../../common/rate-limit/rate-limit.rules.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { breakdownCsv } from './report-csv.js';
import { ReportsError } from './reports.errors.js';
import { ReportsRepository, type CountsRow, type ReportFilter } from './reports.repository.js';
import { TtlLruCache } from './ttl-lru-cache.js';

/** Open data answers kept in memory: the same query within a minute is not read again. */
export const PUBLIC_STATS_CACHE = { maxEntries: 500, ttlMs: 60_000 } as const;

const countsOf = (row: CountsRow | undefined): SummaryCounts => {
  if (!row) return ZERO_COUNTS;
  const { key: _key, name: _name, ...counts } = row;
  return counts;
};

const monthLabel = (key: string) => `Tháng ${key.slice(5, 7)}/${key.slice(0, 4)}`;

/**
 * The manager's reports (api.md, "Reports") and the public open data, read from the summary
 * tables. Scope: an admin sees every agency; a manager their agency's subtree, and an agencyCode
 * outside it is 404 as an unknown one.
 */
@Injectable()
export class ReportsService {
  private readonly publicCache = new TtlLruCache<Promise<PublicStats>>(
    PUBLIC_STATS_CACHE.maxEntries,
    PUBLIC_STATS_CACHE.ttlMs,
  );

  constructor(
    private readonly repo: ReportsRepository,
    private readonly scopes: AgencyScopeService,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly limits: RateLimitService,
  ) {}

  async summary(user: AuthUser, query: ReportQuery): Promise<ReportSummary> {
    const filter = await this.filterFor(user, query);
    return this.summaryOf(filter);
  }

  /** The summary of a resolved filter (the live feed re-reads it on every change). */
  async summaryOf(filter: ReportFilter): Promise<ReportSummary> {
    const [row] = await this.repo.findCounts(filter, 'total');
    return reportSummary(filter.from, filter.to, countsOf(row));
  }

  async breakdown(user: AuthUser, query: BreakdownQuery): Promise<BreakdownResponse> {
    const filter = await this.filterFor(user, query);
    return { from: filter.from, to: filter.to, by: query.by, rows: await this.rowsOf(filter, query.by) };
  }

  async breakdownCsv(user: AuthUser, query: BreakdownQuery): Promise<{ fileName: string; body: string }> {
    const b = await this.breakdown(user, query);
    return { fileName: `bao-cao-${b.by}-${b.from}-${b.to}.csv`, body: breakdownCsv(b.rows) };
  }

  /**
   * Open data: the whole city's aggregate figures, never a dossier or a person. Anonymous, so
   * limited per address and served from memory for a minute (parallel identical misses share
   * one read). The period is checked before anything touches the database.
   */
  async publicStats(query: PublicStatsQuery, address: string): Promise<PublicStats> {
    const now = this.clock.now();
    const period = this.periodOf(query, now);
    await this.limits.enforce(RATE_LIMITS.publicStatsByAddress, address);
    const key = `${period.from}|${period.to}|${query.by ?? ''}`;
    const cached = this.publicCache.get(key, now.getTime());
    if (cached) return cached;
    const fresh = this.readPublicStats({ ...period, agencyCodes: null, now }, query);
    this.publicCache.set(key, fresh, now.getTime());
    // A failed read is not kept: the next caller tries again.
    void fresh.catch(() => this.publicCache.delete(key));
    return fresh;
  }

  private async readPublicStats(filter: ReportFilter, query: PublicStatsQuery): Promise<PublicStats> {
    const now = filter.now;
    return {
      from: filter.from,
      to: filter.to,
      by: query.by ?? null,
      summary: summaryFigures(countsOf((await this.repo.findCounts(filter, 'total'))[0])),
      rows: query.by ? await this.rowsOf(filter, query.by) : [],
      generatedAt: now.toISOString(),
    };
  }

  /**
   * The filter of a report request: its period (defaults: this year to today), the agencies
   * (the caller's scope, narrowed to agencyCode's subtree) and the sector or procedure, each
   * checked to exist (404).
   */
  async filterFor(user: AuthUser, query: ReportQuery): Promise<ReportFilter> {
    const now = this.clock.now();
    const period = this.periodOf(query, now);
    const scope = await this.scopes.agencyCodesInScope(user);
    let agencyCodes: string[] | null = scope === 'ALL' ? null : scope;
    if (query.agencyCode) {
      if (scope !== 'ALL' && !scope.includes(query.agencyCode)) throw ReportsError.agencyNotFound(query.agencyCode);
      agencyCodes = await this.catalog.getAgencySubtreeCodes(query.agencyCode);
      if (agencyCodes.length === 0) throw ReportsError.agencyNotFound(query.agencyCode);
    }
    if (query.sectorCode && !(await this.repo.findExisting('sector', query.sectorCode))) {
      throw ReportsError.sectorNotFound(query.sectorCode);
    }
    if (query.procedureCode && !(await this.repo.findExisting('procedure', query.procedureCode))) {
      throw ReportsError.procedureNotFound(query.procedureCode);
    }
    // A manager's breakdown by agency lists every agency of their scope, those without dossiers too.
    return {
      ...period,
      agencyCodes,
      sectorCode: query.sectorCode,
      procedureCode: query.procedureCode,
      now,
      everyAgency: true,
    };
  }

  /**
   * The filter of a live feed at this moment: its scope as resolved when the stream opened, its
   * period re-resolved (a period without `to` moves with the days), "now" now.
   */
  liveFilter(opened: ReportFilter, query: ReportQuery): ReportFilter {
    const now = this.clock.now();
    return { ...opened, ...this.periodOf(query, now), now };
  }

  /** The shared period rule (packages/shared) with the clock's today; the schema ran it already. */
  private periodOf(query: { from?: string; to?: string }, now: Date): { from: string; to: string } {
    const period = resolveReportPeriod(query, toLocalDate(now));
    if ('errors' in period) {
      throw ReportsError.invalidPeriod(period.errors.map(({ field, message }) => ({ field, message })));
    }
    return period;
  }

  /**
   * Breakdown rows: by month, every month of the period (the SQL makes the empty ones too); by
   * agency for staff, every agency of the scope; else the keys with data.
   */
  private async rowsOf(filter: ReportFilter, by: BreakdownBy): Promise<BreakdownRow[]> {
    const rows = await this.repo.findCounts(filter, by);
    return rows.map((r) => breakdownRow(r.key, by === 'month' ? monthLabel(r.key) : (r.name ?? r.key), countsOf(r)));
  }
}
