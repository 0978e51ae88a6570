import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { CreateProcedureInput, DossierAction, DossierStatus, Role } from '@motcua/shared';
import { bearer, createUser, type TestUser } from '../../test/auth-helpers.js';
import type { TestApp } from '../../test/test-app.js';
import { createAgency, createProcedure } from '../catalog/catalog.factories.js';
import type { AgencyView, ProcedureVersionView } from '../catalog/catalog.types.js';
import { RESULT_PDF } from '../results/results.factories.js';

/**
 * Test builders of the dossier module: a "world" (two agencies, a procedure, a citizen and staff
 * of every role) and helpers that drive dossiers through the HTTP API to any status.
 */

export const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
/** An ELF executable's first bytes, sent as `ho-so.pdf`. */
export const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);

/** Valid form data for buildProcedureInput's form. */
export const VALID_FORM = {
  childFullName: 'Nguyễn Văn An',
  childDateOfBirth: '2026-11-20',
  childGender: 'NAM',
  motherNationalId: '048190001234',
};

export const STAFF_ROLES_UNDER_TEST = ['RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER', 'ADMIN'] as const;
export type StaffRoleUnderTest = (typeof STAFF_ROLES_UNDER_TEST)[number];

export interface World {
  t: TestApp;
  agency: AgencyView;
  /** Another agency: its staff see nothing of `agency`. */
  otherAgency: AgencyView;
  procedure: ProcedureVersionView;
  citizen: TestUser;
  otherCitizen: TestUser;
  staff: Record<StaffRoleUnderTest, TestUser>;
  otherStaff: Record<'RECEPTIONIST' | 'OFFICER' | 'APPROVER', TestUser>;
  /** A second officer of `agency`, for reassignment. */
  officer2: TestUser;
}

export async function createWorld(
  t: TestApp,
  procedure: Partial<CreateProcedureInput> = {},
  citizenEmail: string | null = null,
): Promise<World> {
  const agency = await createAgency(t.ds, { name: 'UBND phường Hải Châu' });
  const otherAgency = await createAgency(t.ds, { name: 'UBND phường Thanh Khê' });
  const proc = await createProcedure(t.ds, { agencyCodes: [agency.code], ...procedure });
  const staffOf = async (role: Role, agencyCode: string | null) =>
    createUser(t.ds, { roles: [role], agencyCode, fullName: `Cán bộ ${role}` });
  const staff = {} as Record<StaffRoleUnderTest, TestUser>;
  for (const role of STAFF_ROLES_UNDER_TEST) staff[role] = await staffOf(role, role === 'ADMIN' ? null : agency.code);
  return {
    t,
    agency,
    otherAgency,
    procedure: proc,
    citizen: await createUser(t.ds, { fullName: 'Nguyễn Thị Hồng Nhung', email: citizenEmail }),
    otherCitizen: await createUser(t.ds, { fullName: 'Trần Văn Khác' }),
    staff,
    otherStaff: {
      RECEPTIONIST: await staffOf('RECEPTIONIST', otherAgency.code),
      OFFICER: await staffOf('OFFICER', otherAgency.code),
      APPROVER: await staffOf('APPROVER', otherAgency.code),
    },
    officer2: await staffOf('OFFICER', agency.code),
  };
}

/** Requests as a user (or anonymous). */
export function as(t: TestApp, user: TestUser | null) {
  const auth = (r: request.Test) => (user ? r.set('Authorization', bearer(t, user)) : r);
  return {
    get: (path: string) => auth(request(t.http).get(`/api/v1${path}`)),
    post: (path: string, body?: object) => auth(request(t.http).post(`/api/v1${path}`)).send(body ?? {}),
    patch: (path: string, body: object) => auth(request(t.http).patch(`/api/v1${path}`)).send(body),
    delete: (path: string) => auth(request(t.http).delete(`/api/v1${path}`)),
    upload: (path: string, fields: Record<string, string>, file: Buffer, fileName: string) => {
      let r = auth(request(t.http).post(`/api/v1${path}`));
      for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
      return r.attach('file', file, { filename: fileName, contentType: 'application/pdf' });
    },
  };
}

/** A binary body (PDF, attachment) as a Buffer. */
export function binary(r: request.Test): request.Test {
  return r.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

/** The fields a problem+json names, in its order. */
export function fieldsOf(res: request.Response): string[] {
  return ((res.body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
}

function expectStatus(res: request.Response, status: number, what: string): void {
  if (res.status !== status) {
    throw new Error(`${what} answered ${res.status}, expected ${status}: ${JSON.stringify(res.body)}`);
  }
}

export async function createDraft(
  w: World,
  user: TestUser = w.citizen,
  formData: object = VALID_FORM,
): Promise<string> {
  const res = await as(w.t, user).post('/dossiers', { procedureCode: w.procedure.code, formData });
  expectStatus(res, 201, 'POST /dossiers');
  return (res.body as { id: string }).id;
}

export async function attach(w: World, id: string, documentCode: string, user: TestUser = w.citizen): Promise<void> {
  const res = await as(w.t, user).upload(`/dossiers/${id}/attachments`, { documentCode }, PDF, `${documentCode}.pdf`);
  expectStatus(res, 201, 'POST attachments');
}

/** A draft ready to submit: valid form, every required document attached. */
export async function completeDraft(w: World, user: TestUser = w.citizen): Promise<string> {
  const id = await createDraft(w, user);
  for (const doc of w.procedure.requiredDocuments.filter((d) => d.required)) await attach(w, id, doc.code, user);
  return id;
}

/** A dossier with every required document attached, submitted. */
export async function submitted(w: World, user: TestUser = w.citizen): Promise<{ id: string; code: string }> {
  const id = await completeDraft(w, user);
  const res = await as(w.t, user).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID());
  expectStatus(res, 200, 'submit');
  return { id, code: (res.body as { code: string }).code };
}

export async function versionOf(w: World, id: string): Promise<number> {
  const rows: { version: number }[] = await w.t.ds.query(`SELECT version FROM dossier WHERE id = $1`, [id]);
  return rows[0].version;
}

/** A staff action through the API, failing the test unless 200. */
export async function act(
  w: World,
  user: TestUser,
  id: string,
  action: DossierAction,
  extra: { note?: string; assigneeId?: string; newDueDate?: string } = {},
): Promise<request.Response> {
  const res = await as(w.t, user).post(`/dossiers/${id}/actions`, {
    action,
    version: await versionOf(w, id),
    ...extra,
  });
  expectStatus(res, 200, action);
  return res;
}

/**
 * The approver uploads the result document: electronic delivery needs one before the decision
 * (api.md, Electronic results; results.factories' RESULT_PDF, a PDF that can be signed).
 */
export async function uploadResult(w: World, id: string, user: TestUser = w.staff.APPROVER): Promise<void> {
  const res = await as(w.t, user).upload(`/dossiers/${id}/result`, {}, RESULT_PDF, 'ket-qua.pdf');
  expectStatus(res, 201, 'POST result');
}

/** Drive a new dossier to `status` through the API with the roles the table names. */
export async function dossierIn(w: World, status: DossierStatus): Promise<string> {
  const s = w.staff;
  switch (status) {
    case 'DRAFT':
      return completeDraft(w);
    case 'SUBMITTED':
      return (await submitted(w)).id;
    case 'NOT_ACCEPTED': {
      const id = await dossierIn(w, 'SUBMITTED');
      await act(w, s.RECEPTIONIST, id, 'refuse', { note: 'Thiếu giấy tờ' });
      return id;
    }
    case 'WITHDRAWN': {
      const id = await dossierIn(w, 'SUBMITTED');
      expectStatus(await as(w.t, w.citizen).post(`/dossiers/${id}/withdraw`), 200, 'withdraw');
      return id;
    }
    case 'RECEIVED': {
      const id = await dossierIn(w, 'SUBMITTED');
      await act(w, s.RECEPTIONIST, id, 'receive');
      return id;
    }
    case 'IN_PROCESSING': {
      const id = await dossierIn(w, 'RECEIVED');
      await act(w, s.OFFICER, id, 'assign');
      return id;
    }
    case 'SUPPLEMENT_REQUESTED': {
      const id = await dossierIn(w, 'IN_PROCESSING');
      await act(w, s.OFFICER, id, 'request_supplement', { note: 'Bổ sung giấy chứng sinh' });
      return id;
    }
    case 'PENDING_APPROVAL': {
      const id = await dossierIn(w, 'IN_PROCESSING');
      await act(w, s.OFFICER, id, 'submit_for_approval');
      return id;
    }
    case 'APPROVED': {
      const id = await dossierIn(w, 'PENDING_APPROVAL');
      await uploadResult(w, id);
      await act(w, s.APPROVER, id, 'approve');
      return id;
    }
    case 'REJECTED': {
      const id = await dossierIn(w, 'PENDING_APPROVAL');
      await uploadResult(w, id);
      await act(w, s.APPROVER, id, 'reject', { note: 'Không đủ điều kiện' });
      return id;
    }
    case 'RETURNED': {
      const id = await dossierIn(w, 'APPROVED');
      await act(w, s.RECEPTIONIST, id, 'return_result');
      return id;
    }
  }
}

/** What a refused action must leave untouched. */
export async function stateOf(w: World, id: string): Promise<{ status: string; version: number; events: number }> {
  const [row]: { status: string; version: number; events: number }[] = await w.t.ds.query(
    `SELECT d.status, d.version, (SELECT count(*)::int FROM dossier_event e WHERE e.dossier_id = d.id) AS events
       FROM dossier d WHERE d.id = $1`,
    [id],
  );
  return row;
}
