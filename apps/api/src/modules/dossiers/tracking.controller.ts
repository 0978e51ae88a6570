import { Controller, Get, Ip, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { trackingDtoSchema, trackingQuerySchema, type TrackingDto, type TrackingQuery } from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { DossiersService } from './dossiers.service.js';
import { openApiSchema } from './dossiers.openapi.js';

/**
 * Public tracking by dossier code: status and dates, no personal data, limited per address.
 * The receipt's QR code adds its token (`?t=`), which opens the public timeline.
 */
@ApiTags('tracking')
@Controller('tracking')
export class TrackingController {
  constructor(private readonly dossiers: DossiersService) {}

  @Get(':code')
  @Access('public')
  @ApiOperation({ summary: 'Where a dossier stands, by its code (no personal data)' })
  @ApiQuery({ name: 't', required: false, description: 'The receipt’s tracking token: adds the public timeline' })
  @ApiOkResponse({ schema: openApiSchema(trackingDtoSchema) })
  @ApiTooManyRequestsResponse({ description: 'Too many lookups from this address (Retry-After)' })
  track(
    @Param('code') code: string,
    @Query(new ZodPipe(trackingQuerySchema)) query: TrackingQuery,
    @Ip() ip: string | undefined,
  ): Promise<TrackingDto> {
    return this.dossiers.track(code, query.t, ip ?? 'unknown');
  }
}
