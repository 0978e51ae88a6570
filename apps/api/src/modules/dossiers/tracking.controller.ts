import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { trackingDtoSchema, type TrackingDto } from '@motcua/shared';
import { Public } from '../../common/auth/access.decorator.js';
import { DossiersService } from './dossiers.service.js';
import { openApiSchema } from './dossiers.openapi.js';

/** Public tracking by dossier code (the QR code of the receipt): status and dates, no personal data. */
@ApiTags('tracking')
@Controller('tracking')
export class TrackingController {
  constructor(private readonly dossiers: DossiersService) {}

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'Where a dossier stands, by its code (no personal data)' })
  @ApiOkResponse({ schema: openApiSchema(trackingDtoSchema) })
  track(@Param('code') code: string): Promise<TrackingDto> {
    return this.dossiers.track(code);
  }
}
