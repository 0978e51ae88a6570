import { slaDue } from './slaDue';

// 10:00 in Vietnam on Wednesday 15 July 2026.
const NOW = new Date('2026-07-15T03:00:00.000Z');
const at17 = (day: string) => new Date(`${day}T10:00:00.000Z`).toISOString();

describe('slaDue', () => {
  it('counts calendar days to the due day, and says "due today" on it', () => {
    expect(slaDue({ status: 'IN_PROCESSING', sla: 'ON_TIME', dueAt: at17('2026-07-17') }, NOW)).toEqual({
      kind: 'daysLeft',
      days: 2,
      soon: false,
    });
    expect(slaDue({ status: 'RECEIVED', sla: 'DUE_SOON', dueAt: at17('2026-07-16') }, NOW)).toEqual({
      kind: 'daysLeft',
      days: 1,
      soon: true,
    });
    expect(slaDue({ status: 'RECEIVED', sla: 'DUE_SOON', dueAt: at17('2026-07-15') }, NOW)).toEqual({
      kind: 'dueToday',
    });
  });

  it('counts the days overdue, 0 when the due time passed today', () => {
    expect(slaDue({ status: 'IN_PROCESSING', sla: 'OVERDUE', dueAt: at17('2026-07-14') }, NOW)).toEqual({
      kind: 'overdue',
      days: 1,
    });
    const evening = new Date('2026-07-15T12:00:00.000Z'); // 19:00 local, after the 17:00 due time
    expect(slaDue({ status: 'IN_PROCESSING', sla: 'OVERDUE', dueAt: at17('2026-07-15') }, evening)).toEqual({
      kind: 'overdue',
      days: 0,
    });
  });

  it('reads a decided dossier’s state as its outcome, and a dossier not yet received as none', () => {
    expect(slaDue({ status: 'APPROVED', sla: 'ON_TIME', dueAt: at17('2026-07-10') }, NOW)).toEqual({
      kind: 'decided',
      outcome: 'ON_TIME',
    });
    expect(slaDue({ status: 'REJECTED', sla: 'LATE', dueAt: at17('2026-07-10') }, NOW)).toEqual({
      kind: 'decided',
      outcome: 'LATE',
    });
    expect(slaDue({ status: 'SUBMITTED', sla: null, dueAt: null }, NOW)).toEqual({ kind: 'none' });
  });

  it('counts no days while the citizen supplements, even past the due date', () => {
    expect(slaDue({ status: 'SUPPLEMENT_REQUESTED', sla: 'WAITING_CITIZEN', dueAt: at17('2026-07-10') }, NOW)).toEqual({
      kind: 'waiting',
    });
  });

  it('counts local days across midnight in Vietnam, not UTC days', () => {
    // 23:30 local on 15 July is 16:30 UTC; a due time at 17:00 local on 16 July is 1 day away.
    const lateEvening = new Date('2026-07-15T16:30:00.000Z');
    expect(slaDue({ status: 'RECEIVED', sla: 'DUE_SOON', dueAt: at17('2026-07-16') }, lateEvening)).toMatchObject({
      days: 1,
    });
    // 00:30 local on 16 July is still 15 July in UTC.
    const afterMidnight = new Date('2026-07-15T17:30:00.000Z');
    expect(slaDue({ status: 'RECEIVED', sla: 'DUE_SOON', dueAt: at17('2026-07-16') }, afterMidnight)).toEqual({
      kind: 'dueToday',
    });
  });
});
