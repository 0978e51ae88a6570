import { Injectable } from '@nestjs/common';
import {
  dueSoonBefore,
  QUEUE_DEFAULT_STATUSES,
  QUEUE_LIMIT_DEFAULT,
  slaState,
  type QueuePage,
  type QueueQuery,
} from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor.js';
import { QueueError } from './queue.errors.js';
import { QueueRepository } from './queue.repository.js';

/**
 * The staff queue (api.md, "Counter and queues"): the caller's agency scope, waiting dossiers by
 * default, oldest due first, keyset pages. At most three statements a page whatever its size: the
 * scope (a manager's subtree; none for other staff), the holiday calendar, the page itself.
 */
@Injectable()
export class QueueService {
  constructor(
    private readonly repo: QueueRepository,
    private readonly scopes: AgencyScopeService,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  async page(user: AuthUser, query: QueueQuery): Promise<QueuePage> {
    const after = query.cursor === undefined ? undefined : decodeQueueCursor(query.cursor);
    if (after === null) throw QueueError.invalidCursor();
    const scope = await this.scopes.agencyCodesInScope(user);
    if (scope !== 'ALL' && scope.length === 0) return { items: [], nextCursor: null };
    const calendar = await this.catalog.getWorkingCalendar();
    const now = this.clock.now();
    const limit = query.limit ?? QUEUE_LIMIT_DEFAULT;
    const rows = await this.repo.findPage({
      agencyCodes: scope,
      statuses: query.status ?? QUEUE_DEFAULT_STATUSES,
      sla: query.sla,
      now,
      // DUE_SOON's end, computed by dossierClock from the calendar, passed to SQL as a time.
      dueSoonBefore: dueSoonBefore(now, calendar),
      procedureCode: query.procedureCode,
      assigneeId: query.assignee === 'me' ? user.id : query.assignee === 'none' ? null : undefined,
      q: query.q || undefined,
      after,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        code: r.code,
        procedureCode: r.procedureCode,
        procedureName: r.procedureName,
        applicantName: r.applicantName,
        status: r.status,
        channel: r.channel,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        dueAt: r.dueAt?.toISOString() ?? null,
        sla: slaState(r, now, calendar),
        assignee: r.assigneeId ? { id: r.assigneeId, fullName: r.assigneeName ?? '' } : null,
      })),
      nextCursor: rows.length > limit && last ? encodeQueueCursor({ sortAt: last.sortAt, id: last.id }) : null,
    };
  }
}
