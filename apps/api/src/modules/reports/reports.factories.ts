import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { localDateTime, type CreateProcedureInput, type DossierAction, type Role } from '@motcua/shared';
import { bearer, createUser, randomNationalId, type TestUser } from '../../test/auth-helpers.js';
import type { TestApp } from '../../test/test-app.js';
import { createAgency, createProcedure } from '../catalog/catalog.factories.js';
import type { ProcedureVersionView } from '../catalog/catalog.types.js';
import { PDF, VALID_FORM } from '../dossiers/dossiers.factories.js';
import { RESULT_PDF } from '../results/results.factories.js';

/**
 * Test builders of the reports and queue modules: agencies with a staffed desk, and a driver that
 * moves dossiers through the real HTTP API at chosen local times (the test clock).
 */

export interface Desk {
  code: string;
  receptionist: TestUser;
  officer: TestUser;
  approver: TestUser;
}

/** An agency (under `parentCode`) with a receptionist, an officer and an approver. */
export async function createDesk(
  t: TestApp,
  options: { parentCode?: string; level?: 'CITY' | 'DEPARTMENT' | 'WARD' | 'COMMUNE'; name?: string } = {},
): Promise<Desk> {
  const agency = await createAgency(t.ds, {
    level: options.level ?? 'WARD',
    ...(options.parentCode ? { parentCode: options.parentCode } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  const staff = (role: Role) =>
    createUser(t.ds, { roles: [role], agencyCode: agency.code, fullName: `Cán bộ ${role}` });
  return {
    code: agency.code,
    receptionist: await staff('RECEPTIONIST'),
    officer: await staff('OFFICER'),
    approver: await staff('APPROVER'),
  };
}

export async function createReportProcedure(
  t: TestApp,
  agencyCodes: string[],
  overrides: Partial<CreateProcedureInput> = {},
): Promise<ProcedureVersionView> {
  return createProcedure(t.ds, { agencyCodes, ...overrides });
}

/** The instant of a local time `YYYY-MM-DDTHH:mm`, in dossierClock's zone. */
export const local = (at: string): Date =>
  localDateTime(at.slice(0, 10), Number(at.slice(11, 13) || 0), Number(at.slice(14, 16) || 0));

function ok(res: request.Response, status: number, what: string): request.Response {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** Moves dossiers through the API, each step at a local time set on the test clock. */
export class DossierDriver {
  constructor(private readonly t: TestApp) {}

  private as(user: TestUser) {
    const auth = (r: request.Test) => r.set('Authorization', bearer(this.t, user));
    return {
      get: (path: string) => auth(request(this.t.http).get(`/api/v1${path}`)),
      post: (path: string, body?: object) => auth(request(this.t.http).post(`/api/v1${path}`)).send(body ?? {}),
    };
  }

  at(localTime: string): void {
    this.t.clock.set(local(localTime));
  }

  /** A citizen's online dossier, every required document attached, submitted at `at`. */
  async submitOnline(citizen: TestUser, procedure: ProcedureVersionView, agencyCode: string, at: string) {
    this.at(at);
    const created = ok(
      await this.as(citizen).post('/dossiers', { procedureCode: procedure.code, agencyCode, formData: VALID_FORM }),
      201,
      'POST /dossiers',
    );
    const id = (created.body as { id: string }).id;
    for (const doc of procedure.requiredDocuments.filter((d) => d.required)) {
      ok(
        await request(this.t.http)
          .post(`/api/v1/dossiers/${id}/attachments`)
          .set('Authorization', bearer(this.t, citizen))
          .field('documentCode', doc.code)
          .attach('file', PDF, { filename: `${doc.code}.pdf`, contentType: 'application/pdf' }),
        201,
        'attach',
      );
    }
    ok(await this.as(citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID()), 200, 'submit');
    return id;
  }

  /** A walk-in dossier registered by the desk's receptionist at `at` (received at once). */
  async counter(desk: Desk, procedure: ProcedureVersionView, at: string, fullName = 'Lê Văn Quầy'): Promise<string> {
    this.at(at);
    const res = ok(
      await this.as(desk.receptionist).post('/counter/dossiers', {
        procedureCode: procedure.code,
        applicant: { nationalId: randomNationalId(), fullName },
        formData: VALID_FORM,
      }),
      201,
      'POST /counter/dossiers',
    );
    return (res.body as { id: string }).id;
  }

  async act(user: TestUser, id: string, action: DossierAction, at: string, note?: string): Promise<void> {
    this.at(at);
    const [{ version }]: { version: number }[] = await this.t.ds.query(`SELECT version FROM dossier WHERE id = $1`, [
      id,
    ]);
    ok(
      await this.as(user).post(`/dossiers/${id}/actions`, { action, version, ...(note ? { note } : {}) }),
      200,
      action,
    );
  }

  async withdraw(citizen: TestUser, id: string, at: string): Promise<void> {
    this.at(at);
    ok(await this.as(citizen).post(`/dossiers/${id}/withdraw`, {}), 200, 'withdraw');
  }

  async rate(citizen: TestUser, id: string, score: number, at: string): Promise<void> {
    this.at(at);
    ok(await this.as(citizen).post(`/dossiers/${id}/rating`, { score }), 201, 'rating');
  }

  /**
   * Payment is not an API action yet: mark the fee paid in SQL while the dossier is not yet
   * received, so the receipt's transition counts it (as a payment step will).
   */
  async markFeePaid(id: string, at: string, online: boolean): Promise<void> {
    await this.t.ds.query(`UPDATE dossier SET fee_paid_at = $2, fee_paid_online = $3 WHERE id = $1`, [
      id,
      local(at),
      online,
    ]);
  }

  /** Electronic delivery needs the result document before the decision (api.md, Electronic results). */
  async uploadResult(approver: TestUser, id: string): Promise<void> {
    ok(
      await request(this.t.http)
        .post(`/api/v1/dossiers/${id}/result`)
        .set('Authorization', bearer(this.t, approver))
        .attach('file', RESULT_PDF, { filename: 'ket-qua.pdf', contentType: 'application/pdf' }),
      201,
      'result',
    );
  }

  /** Received, taken by the officer, submitted for approval and decided. */
  async decide(desk: Desk, id: string, times: { receive?: string; decide: string }, reject = false): Promise<void> {
    if (times.receive) await this.act(desk.receptionist, id, 'receive', times.receive);
    await this.act(desk.officer, id, 'assign', times.decide);
    await this.act(desk.officer, id, 'submit_for_approval', times.decide);
    await this.uploadResult(desk.approver, id);
    if (reject) await this.act(desk.approver, id, 'reject', times.decide, 'Không đủ điều kiện');
    else await this.act(desk.approver, id, 'approve', times.decide);
  }
}
