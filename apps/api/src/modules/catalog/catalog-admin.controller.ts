import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  agencyDtoSchema,
  createAgencySchema,
  createProcedureSchema,
  createSectorSchema,
  holidayDtoSchema,
  holidayDateSchema,
  procedureDetailSchema,
  procedureVersionInputSchema,
  putHolidaySchema,
  sectorDtoSchema,
  type AgencyDto,
  type CreateAgencyInput,
  type CreateProcedureInput,
  type CreateSectorInput,
  type HolidayDto,
  type ProcedureDetail,
  type ProcedureVersionInput,
  type PutHolidayInput,
  type SectorDto,
} from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { CatalogService } from './catalog.service.js';
import { toAgencyDto, toHolidayDto, toProcedureDetail, toSectorDto } from './catalog.mapper.js';
import { openApiSchema } from './catalog.openapi.js';

/** Catalog administration (api.md, "Administration"): ADMIN only. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class CatalogAdminController {
  constructor(private readonly catalog: CatalogService) {}

  @Post('agencies')
  @Access('admin.catalog.write')
  @ApiBody({ schema: openApiSchema(createAgencySchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(agencyDtoSchema) })
  async createAgency(@Body(new ZodPipe(createAgencySchema)) body: CreateAgencyInput): Promise<AgencyDto> {
    return toAgencyDto(await this.catalog.createAgency(body));
  }

  @Post('sectors')
  @Access('admin.catalog.write')
  @ApiBody({ schema: openApiSchema(createSectorSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(sectorDtoSchema) })
  async createSector(@Body(new ZodPipe(createSectorSchema)) body: CreateSectorInput): Promise<SectorDto> {
    return toSectorDto(await this.catalog.createSector(body));
  }

  @Post('procedures')
  @Access('admin.procedure.write')
  @ApiBody({ schema: openApiSchema(createProcedureSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(procedureDetailSchema) })
  async createProcedure(
    @Body(new ZodPipe(createProcedureSchema)) body: CreateProcedureInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ProcedureDetail> {
    return toProcedureDetail(await this.catalog.createProcedure(body, user.id));
  }

  /** Publishes a new version; dossiers keep the version they were filed under. */
  @Put('procedures/:code')
  @Access('admin.procedure.write')
  @ApiBody({ schema: openApiSchema(procedureVersionInputSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(procedureDetailSchema) })
  async publishProcedure(
    @Param('code') code: string,
    @Body(new ZodPipe(procedureVersionInputSchema)) body: ProcedureVersionInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ProcedureDetail> {
    return toProcedureDetail(await this.catalog.publishProcedureVersion(code, body, user.id));
  }

  @Put('holidays/:date')
  @Access('admin.catalog.write')
  @ApiBody({ schema: openApiSchema(putHolidaySchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(holidayDtoSchema) })
  async putHoliday(
    @Param('date', new ZodPipe(holidayDateSchema, 'date')) date: string,
    @Body(new ZodPipe(putHolidaySchema)) body: PutHolidayInput,
  ): Promise<HolidayDto> {
    return toHolidayDto(await this.catalog.putHoliday(date, body));
  }

  @Delete('holidays/:date')
  @Access('admin.catalog.write')
  @HttpCode(204)
  async deleteHoliday(@Param('date', new ZodPipe(holidayDateSchema, 'date')) date: string): Promise<void> {
    await this.catalog.deleteHoliday(date);
  }
}
