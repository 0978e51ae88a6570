import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  agencyDtoSchema,
  holidayDtoSchema,
  holidayQuerySchema,
  ONLINE_LEVELS,
  procedureDetailSchema,
  procedureSearchQuerySchema,
  procedureSummarySchema,
  sectorDtoSchema,
  type AgencyDto,
  type HolidayDto,
  type ItemList,
  type Page,
  type ProcedureDetail,
  type ProcedureSearchQuery,
  type ProcedureSummary,
  type SectorDto,
} from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { CatalogService } from './catalog.service.js';
import { toAgencyDto, toHolidayDto, toProcedureDetail, toProcedureSummary, toSectorDto } from './catalog.mapper.js';
import { itemsSchema, openApiSchema } from './catalog.openapi.js';

/** The public catalog (api.md, "Catalog"): no sign-in needed. */
@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('agencies')
  @Access('public')
  @ApiOkResponse({ schema: itemsSchema(agencyDtoSchema) })
  async agencies(): Promise<ItemList<AgencyDto>> {
    return { items: (await this.catalog.listAgencies()).map(toAgencyDto) };
  }

  @Get('sectors')
  @Access('public')
  @ApiOkResponse({ schema: itemsSchema(sectorDtoSchema) })
  async sectors(): Promise<ItemList<SectorDto>> {
    return { items: (await this.catalog.listSectors()).map(toSectorDto) };
  }

  @Get('procedures')
  @Access('public')
  @ApiQuery({ name: 'q', required: false, description: 'Name, with or without diacritics; typos tolerated' })
  @ApiQuery({ name: 'sectorCode', required: false })
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiQuery({ name: 'onlineLevel', required: false, enum: ONLINE_LEVELS })
  @ApiQuery({ name: 'page', required: false, description: 'From 1' })
  @ApiQuery({ name: 'pageSize', required: false, description: '1 to 100, default 20' })
  @ApiOkResponse({
    schema: openApiSchema(z.object({ items: z.array(procedureSummarySchema), total: z.number().int() })),
  })
  async procedures(
    @Query(new ZodPipe(procedureSearchQuerySchema)) query: ProcedureSearchQuery,
  ): Promise<Page<ProcedureSummary>> {
    const page = await this.catalog.searchProcedures(query);
    return { items: page.items.map(toProcedureSummary), total: page.total };
  }

  @Get('procedures/:code')
  @Access('public')
  @ApiOkResponse({ schema: openApiSchema(procedureDetailSchema) })
  async procedure(@Param('code') code: string): Promise<ProcedureDetail> {
    return toProcedureDetail(await this.catalog.getProcedure(code));
  }

  @Get('procedures/:code/templates/:name')
  @Access('public')
  @ApiOperation({ summary: 'A blank form template of the procedure (our addition): e.g. to-khai.pdf' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'A PDF document',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ description: 'No such procedure or template' })
  async template(
    @Param('code') code: string,
    @Param('name') name: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.catalog.getTemplate(code, name);
    // Public and the same for everyone until the next version: a cache may keep it for an hour.
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.body, {
      type: file.mimeType,
      length: file.body.length,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  @Get('holidays')
  @Access('public')
  @ApiQuery({ name: 'year', required: false, description: 'e.g. 2026; all years when omitted' })
  @ApiOkResponse({ schema: itemsSchema(holidayDtoSchema) })
  async holidays(
    @Query(new ZodPipe(holidayQuerySchema)) query: z.output<typeof holidayQuerySchema>,
  ): Promise<ItemList<HolidayDto>> {
    return { items: (await this.catalog.listHolidays(query.year)).map(toHolidayDto) };
  }
}
