import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthService } from './health.service.js';
import { Access } from '../../common/auth/access.decorator.js';
import { problemBody, sendProblem } from '../../common/problem.filter.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Access('public')
  @Get()
  @ApiOkResponse({ schema: { example: { status: 'ok', db: 'ok' } } })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok'; db: 'ok' } | undefined> {
    if (await this.health.databaseUp()) return { status: 'ok', db: 'ok' };
    sendProblem(res, { ...problemBody(503, 'DATABASE_DOWN', 'The database does not answer'), db: 'down' });
    return undefined;
  }
}
