import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  queuePageSchema,
  queueQuerySchema,
  QUEUE_STATUSES,
  SLA_STATES,
  type QueuePage,
  type QueueQuery,
} from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { openApiSchema } from '../catalog/catalog.openapi.js';
import { QueueService } from './queue.service.js';

/** The staff work queue (api.md, "Counter and queues"). */
@ApiTags('queue')
@ApiBearerAuth()
@Controller('queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Get()
  @Access('queue.read')
  @ApiQuery({
    name: 'status',
    required: false,
    description: `One or more (comma-separated) of ${QUEUE_STATUSES.join(', ')}; default: the dossiers waiting for the administration (SUBMITTED to REJECTED, not yet returned)`,
  })
  @ApiQuery({ name: 'sla', required: false, enum: SLA_STATES })
  @ApiQuery({ name: 'procedureCode', required: false })
  @ApiQuery({ name: 'assignee', required: false, enum: ['me', 'none'] })
  @ApiQuery({
    name: 'q',
    required: false,
    description: 'Dossier code (or part of it) or applicant name, diacritics optional',
  })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 100, default 20' })
  @ApiOkResponse({ schema: openApiSchema(queuePageSchema) })
  page(@CurrentUser() user: AuthUser, @Query(new ZodPipe(queueQuerySchema)) query: QueueQuery): Promise<QueuePage> {
    return this.queue.page(user, query);
  }
}
