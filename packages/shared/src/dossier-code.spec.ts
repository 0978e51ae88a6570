import fc from 'fast-check';
import { formatDossierCode, localDateKey, parseDossierCode } from './dossier-code.js';

const AGENCY = '000.00.12.H17';

describe('dossier code', () => {
  it('formats {agencyCode}-{yyMMdd}-{seq} with a 4-digit sequence', () => {
    expect(formatDossierCode(AGENCY, new Date('2026-11-27T02:00:00Z'), 1)).toBe('000.00.12.H17-261127-0001');
    expect(formatDossierCode(AGENCY, new Date('2026-11-27T02:00:00Z'), 42)).toBe('000.00.12.H17-261127-0042');
  });

  it('dates the code in Asia/Ho_Chi_Minh: 17:30 UTC on the 26th is already the 27th', () => {
    expect(formatDossierCode(AGENCY, new Date('2026-11-26T17:30:00Z'), 7)).toBe('000.00.12.H17-261127-0007');
  });

  it('turns the day at local midnight, 17:00 UTC, not at UTC midnight', () => {
    expect(formatDossierCode(AGENCY, new Date('2026-11-26T16:59:59.999Z'), 1)).toBe('000.00.12.H17-261126-0001');
    expect(formatDossierCode(AGENCY, new Date('2026-11-26T17:00:00.000Z'), 1)).toBe('000.00.12.H17-261127-0001');
    expect(formatDossierCode(AGENCY, new Date('2026-11-27T00:00:00.000Z'), 1)).toBe('000.00.12.H17-261127-0001');
  });

  it('crosses the year at local midnight on New Year’s Eve', () => {
    expect(localDateKey(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(localDateKey(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(formatDossierCode('X', new Date('2026-12-31T17:00:00Z'), 1)).toBe('X-270101-0001');
  });

  it('keeps codes unique past 9999 in a day rather than failing the submission', () => {
    expect(formatDossierCode(AGENCY, new Date('2026-11-27T02:00:00Z'), 10000)).toBe('000.00.12.H17-261127-10000');
  });

  it('refuses a sequence below 1, a fraction, an empty agency code or an invalid date', () => {
    const at = new Date('2026-11-27T02:00:00Z');
    expect(() => formatDossierCode(AGENCY, at, 0)).toThrow(RangeError);
    expect(() => formatDossierCode(AGENCY, at, 1.5)).toThrow(RangeError);
    expect(() => formatDossierCode('', at, 1)).toThrow(RangeError);
    expect(() => formatDossierCode(AGENCY, new Date('nonsense'), 1)).toThrow(RangeError);
  });

  it('parses a code back into agency, local day and sequence', () => {
    expect(parseDossierCode('000.00.12.H17-261127-0001')).toEqual({
      agencyCode: AGENCY,
      dateKey: '2026-11-27',
      seq: 1,
    });
    expect(parseDossierCode('A-B-260101-10000')).toEqual({ agencyCode: 'A-B', dateKey: '2026-01-01', seq: 10000 });
  });

  it('rejects what is not a code', () => {
    for (const bad of [
      '',
      '261127-0001',
      '000.00.12.H17-261127-001',
      '000.00.12.H17-261127-0000',
      '000.00.12.H17-261127-00001',
      '000.00.12.H17-261327-0001',
      '000.00.12.H17-260230-0001',
      '000.00.12.H17-2611270-0001',
      '000.00.12.H17-261127-0001 ',
    ]) {
      expect(parseDossierCode(bad)).toBeNull();
    }
  });

  it('round-trips any agency code, time and sequence', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Z.]{1,20}$/),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-30T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 99999 }),
        (agency, at, seq) => {
          const code = formatDossierCode(agency, at, seq);
          expect(parseDossierCode(code)).toEqual({ agencyCode: agency, dateKey: localDateKey(at), seq });
        },
      ),
    );
  });
});

describe('localDateKey', () => {
  it('gives the Asia/Ho_Chi_Minh calendar day as YYYY-MM-DD', () => {
    expect(localDateKey(new Date('2026-11-26T17:30:00Z'))).toBe('2026-11-27');
    expect(localDateKey(new Date('2026-11-26T16:59:59Z'))).toBe('2026-11-26');
  });

  it('agrees with the platform’s time zone database at every hour of a year', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short' });
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      expect(localDateKey(new Date(t))).toBe(fmt.format(new Date(t)));
    }
  });
});
