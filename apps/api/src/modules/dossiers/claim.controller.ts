import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { claimDossierSchema, dossierDtoSchema, type ClaimDossierRequest, type DossierDto } from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import type { RequestOrigin } from '../../common/auth/authenticator.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { Origin } from '../identity/request-origin.decorator.js';
import { CounterService } from './counter.service.js';
import { openApiSchema } from './dossiers.openapi.js';

/** api.md, "Counter and queues": a citizen claims a counter dossier with the code of its receipt. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class ClaimController {
  constructor(private readonly counter: CounterService) {}

  @Post('claim')
  @Access('dossier.own')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring a counter dossier into the account with the one-time code of its receipt' })
  @ApiBody({ schema: openApiSchema(claimDossierSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(dossierDtoSchema) })
  claim(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(claimDossierSchema)) body: ClaimDossierRequest,
    @Origin() origin: RequestOrigin,
  ): Promise<DossierDto> {
    return this.counter.claim(body.code, user, origin);
  }
}
