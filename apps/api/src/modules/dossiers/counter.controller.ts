import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { counterDossierSchema, counterIntakeResponseSchema, type CounterIntakeResponse } from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { CounterService } from './counter.service.js';
import { openApiSchema } from './dossiers.openapi.js';

/** api.md, "Counter and queues": walk-in dossiers registered at the one-stop-shop desk. */
@ApiTags('counter')
@ApiBearerAuth()
@Controller('counter')
export class CounterController {
  constructor(private readonly counter: CounterService) {}

  @Post('dossiers')
  @Access('counter.intake')
  @ApiOperation({ summary: 'Register a walk-in dossier, received at once at the receptionist’s agency' })
  @ApiBody({ schema: openApiSchema(counterDossierSchema, 'input') })
  @ApiCreatedResponse({
    description: 'The dossier, with the one-time claim code of its receipt (returned this once)',
    schema: openApiSchema(counterIntakeResponseSchema),
  })
  intake(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(counterDossierSchema)) body: z.output<typeof counterDossierSchema>,
  ): Promise<CounterIntakeResponse> {
    return this.counter.intake(body, user);
  }
}
