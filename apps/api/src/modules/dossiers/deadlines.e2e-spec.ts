import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DossierDto } from '@motcua/shared';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { act, as, binary, createWorld, dossierIn, submitted, type World } from './dossiers.factories.js';

// pdf-parse's index runs a self-test on import; its lib entry is the parser alone.
const pdfParse = createRequire(__filename)('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
}

jest.setTimeout(60_000);

describe('deadlines in working days, receipts and apology letters', () => {
  let t: TestApp;
  let dataDir: string;
  let w: World;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-deadlines-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    // processingDays 3 (the factory's procedure); the seeded 2026 calendar.
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function receivedAt(localTime: string): Promise<DossierDto> {
    t.clock.set(localTime);
    const { id } = await submitted(w);
    return (await act(w, w.staff.RECEPTIONIST, id, 'receive')).body as DossierDto;
  }

  it('counts from the day of receipt before 17:00, across the Giỗ Tổ and 30/4-1/5 holidays', async () => {
    // Friday 24/4/2026 16:59 local; Monday 27/4 (Giỗ Tổ, day in lieu), 30/4 and 1/5 are off:
    // Tue 28, Wed 29, Mon 4/5 → due Monday 4/5/2026 17:00 local.
    const d = await receivedAt('2026-04-24T16:59:00+07:00');
    expect(d.dueAt).toBe('2026-05-04T10:00:00.000Z');
  });

  it('counts from the next working day when received after 17:00', async () => {
    // Friday 24/4/2026 17:01 local counts from Tuesday 28/4: Wed 29, Mon 4/5, Tue 5/5.
    const d = await receivedAt('2026-04-24T17:01:00+07:00');
    expect(d.dueAt).toBe('2026-05-05T10:00:00.000Z');
  });

  it('stops the clock while a supplement is awaited and moves dueAt by the working days waited', async () => {
    // Received Monday 23/11/2026 09:00 → due Thursday 26/11 17:00.
    const received = await receivedAt('2026-11-23T09:00:00+07:00');
    expect(received.dueAt).toBe('2026-11-26T10:00:00.000Z');
    t.clock.set('2026-11-24T10:00:00+07:00');
    await act(w, w.staff.OFFICER, received.id, 'assign');
    const waiting = (
      await act(w, w.staff.OFFICER, received.id, 'request_supplement', { note: 'Bổ sung giấy chứng sinh' })
    ).body as DossierDto;
    expect(waiting.supplementRequestedAt).toBe('2026-11-24T03:00:00.000Z');

    // Friday 27/11: past the original due date, but the clock is stopped: not overdue.
    t.clock.set('2026-11-27T10:00:00+07:00');
    expect((await as(t, w.citizen).get(`/dossiers/${received.id}`)).body.sla).not.toBe('OVERDUE');
    expect((await as(t, w.citizen).get(`/dossiers/${received.id}/apology.pdf`)).status).toBe(404);

    const back = await as(t, w.citizen).post(`/dossiers/${received.id}/supplement`, { note: 'Đã bổ sung' });
    expect(back.status).toBe(200);
    // Waited Wed 25, Thu 26, Fri 27 (3 working days): Thu 26 + 3 = Tuesday 1/12/2026 17:00.
    expect(back.body).toMatchObject({
      status: 'IN_PROCESSING',
      dueAt: '2026-12-01T10:00:00.000Z',
      supplementRequestedAt: null,
    });
  });

  it('renders the receipt with Vietnamese text and the code, to who may see the dossier', async () => {
    t.clock.set('2026-11-27T09:00:00+07:00');
    const { id, code } = await submitted(w);
    const res = await binary(as(t, w.citizen).get(`/dossiers/${id}/receipt.pdf`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.body as Buffer);
    expect(text).toContain('PHIẾU TIẾP NHẬN');
    expect(text).toContain(code);
    expect(text).toContain(w.citizen.fullName);
    expect(text).toContain('Giấy chứng sinh');
    expect((await as(t, w.otherCitizen).get(`/dossiers/${id}/receipt.pdf`)).status).toBe(404);
    const staff = await binary(as(t, w.staff.RECEPTIONIST).get(`/dossiers/${id}/receipt.pdf`));
    expect(staff.status).toBe(200);
  });

  it('serves the apology letter once issued (404 before), on the official form, dueAt unchanged', async () => {
    t.clock.set('2026-11-27T09:00:00+07:00');
    const id = await dossierIn(w, 'IN_PROCESSING');
    expect((await as(t, w.citizen).get(`/dossiers/${id}/apology.pdf`)).status).toBe(404);
    // Due Wednesday 2/12 17:00; Thursday 3/12 it is late and the officer apologises, new date Monday 7/12.
    t.clock.set('2026-12-03T09:00:00+07:00');
    const issued = (
      await act(w, w.staff.OFFICER, id, 'issue_apology', {
        note: 'Cần xác minh thêm thông tin hộ tịch',
        newDueDate: '2026-12-07',
      })
    ).body as DossierDto;
    expect(issued).toMatchObject({
      status: 'IN_PROCESSING',
      sla: 'OVERDUE',
      dueAt: '2026-12-02T10:00:00.000Z',
      appointmentAt: '2026-12-07T10:00:00.000Z',
    });
    expect(issued.timeline.at(-1)).toMatchObject({
      type: 'issue_apology',
      note: 'Cần xác minh thêm thông tin hộ tịch',
    });
    const res = await binary(as(t, w.citizen).get(`/dossiers/${id}/apology.pdf`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.body as Buffer);
    expect(text).toContain('THƯ XIN LỖI');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(issued.code!);
    expect(text).toContain(w.citizen.fullName);
    expect(text).toContain('Cần xác minh thêm thông tin hộ tịch');
    expect(text).toContain('02/12/2026'); // the original due date
    expect(text).toContain('07/12/2026'); // the new appointment
    // Signed like results (the dev PKI outside production).
    expect((res.body as Buffer).includes(Buffer.from('/ByteRange'))).toBe(true);
    expect((await as(t, w.otherCitizen).get(`/dossiers/${id}/apology.pdf`)).status).toBe(404);
  });
});
