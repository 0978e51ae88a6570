import { applyDecorators, Controller, Get, Header, Ip, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  BREAKDOWN_KEYS,
  breakdownQuerySchema,
  breakdownResponseSchema,
  PUBLIC_BREAKDOWN_KEYS,
  publicStatsQuerySchema,
  publicStatsSchema,
  reportQuerySchema,
  reportSummarySchema,
  type BreakdownQuery,
  type BreakdownResponse,
  type PublicStats,
  type PublicStatsQuery,
  type ReportQuery,
  type ReportSummary,
} from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { openApiSchema } from '../catalog/catalog.openapi.js';
import { ReportsLiveService } from './reports-live.service.js';
import { ReportsService } from './reports.service.js';
import { openSseResponse } from './sse-sink.js';

const periodQueries = () =>
  applyDecorators(
    ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD (default: 1 January of `to`)' }),
    ApiQuery({
      name: 'to',
      required: false,
      description:
        'YYYY-MM-DD (default: today). Both ends from 2000-01-01 to one year after today; the period under 10 years and at most 120 months',
    }),
  );
const filterQueries = () =>
  applyDecorators(
    periodQueries(),
    ApiQuery({ name: 'agencyCode', required: false, description: 'The agency and every agency below it' }),
    ApiQuery({ name: 'sectorCode', required: false }),
    ApiQuery({ name: 'procedureCode', required: false }),
  );

/** The manager's reports (api.md, "Reports"): within the caller's agency scope. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly live: ReportsLiveService,
  ) {}

  @Get('summary')
  @Access('report.read')
  @filterQueries()
  @ApiOkResponse({ schema: openApiSchema(reportSummarySchema) })
  summary(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) query: ReportQuery,
  ): Promise<ReportSummary> {
    return this.reports.summary(user, query);
  }

  @Get('breakdown')
  @Access('report.read')
  @ApiQuery({ name: 'by', enum: BREAKDOWN_KEYS })
  @filterQueries()
  @ApiOkResponse({ schema: openApiSchema(breakdownResponseSchema) })
  breakdown(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(breakdownQuerySchema)) query: BreakdownQuery,
  ): Promise<BreakdownResponse> {
    return this.reports.breakdown(user, query);
  }

  @Get('breakdown.csv')
  @Access('report.read')
  @ApiOperation({ summary: 'The breakdown as CSV (UTF-8 with BOM, header in Vietnamese with English)' })
  @ApiQuery({ name: 'by', enum: BREAKDOWN_KEYS })
  @filterQueries()
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async breakdownCsv(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(breakdownQuerySchema)) query: BreakdownQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.reports.breakdownCsv(user, query);
    res.setHeader('Content-Disposition', `attachment; filename="${csv.fileName}"`);
    return csv.body;
  }

  @Get('live')
  @Access('report.read')
  @ApiOperation({
    summary: 'Server-Sent Events: a `summary` event on connect and after every change; a comment every 15 s',
  })
  @filterQueries()
  @ApiResponse({ status: 429, description: 'The caller already holds 5 live streams (all API processes); Retry-After' })
  @ApiResponse({ status: 503, description: 'This API process serves its configured maximum of streams; Retry-After' })
  @ApiProduces('text/event-stream')
  async liveFeed(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) query: ReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const attach = await this.live.open(user, query);
    attach(openSseResponse(res));
  }
}

/** Open data (api.md): aggregate figures of the whole city, no login, cached, limited per address (429). */
@ApiTags('reports')
@Controller('public')
export class PublicStatsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('stats')
  @Access('public')
  @periodQueries()
  @ApiQuery({ name: 'by', required: false, enum: PUBLIC_BREAKDOWN_KEYS })
  @ApiOkResponse({ schema: openApiSchema(publicStatsSchema) })
  @ApiResponse({ status: 429, description: 'Too many requests from this address; Retry-After' })
  @Header('Cache-Control', 'public, max-age=300')
  publicStats(
    @Query(new ZodPipe(publicStatsQuerySchema)) query: PublicStatsQuery,
    @Ip() address: string,
  ): Promise<PublicStats> {
    return this.reports.publicStats(query, address);
  }
}
