import { digitalIdentityFromClaims, parseAssuranceLevel } from './oidc.service.js';

describe('digital-ID claims', () => {
  it('reads the national ID from SoDinhDanh, else national_id', () => {
    expect(
      digitalIdentityFromClaims({ sub: 's', SoDinhDanh: '048090000123', national_id: '111111111111' }),
    ).toMatchObject({ nationalId: '048090000123' });
    expect(digitalIdentityFromClaims({ sub: 's', national_id: '111111111111' })).toMatchObject({
      nationalId: '111111111111',
    });
  });

  it('refuses claims without a 12-digit national ID or a subject', () => {
    expect(digitalIdentityFromClaims({ sub: 's' })).toBeNull();
    expect(digitalIdentityFromClaims({ sub: 's', SoDinhDanh: '12345' })).toBeNull();
    expect(digitalIdentityFromClaims({ SoDinhDanh: '048090000123' })).toBeNull();
  });

  it('keeps name and a valid birth date, drops an invalid one', () => {
    expect(
      digitalIdentityFromClaims({ sub: 's', SoDinhDanh: '048090000123', name: ' An ', birthdate: '1990-05-12' }),
    ).toEqual({
      sub: 's',
      nationalId: '048090000123',
      fullName: 'An',
      dateOfBirth: '1990-05-12',
      assuranceLevel: null,
    });
    expect(
      digitalIdentityFromClaims({ sub: 's', SoDinhDanh: '048090000123', birthdate: '1990' })?.dateOfBirth,
    ).toBeNull();
  });

  it('reads the assurance level from acr, LoA or assurance_level', () => {
    const base = { sub: 's', SoDinhDanh: '048090000123' };
    expect(digitalIdentityFromClaims({ ...base, acr: 'urn:vneid:loa:2' })?.assuranceLevel).toBe(2);
    expect(digitalIdentityFromClaims({ ...base, LoA: 1 })?.assuranceLevel).toBe(1);
    expect(digitalIdentityFromClaims({ ...base, assurance_level: '2' })?.assuranceLevel).toBe(2);
  });

  it('parses the usual shapes of an assurance level', () => {
    expect(parseAssuranceLevel(2)).toBe(2);
    expect(parseAssuranceLevel('2')).toBe(2);
    expect(parseAssuranceLevel('http://idmanagement.gov/ns/assurance/loa/3')).toBe(3);
    expect(parseAssuranceLevel('LoA2')).toBe(2);
    expect(parseAssuranceLevel('high')).toBeNull();
    expect(parseAssuranceLevel(1.5)).toBeNull();
    expect(parseAssuranceLevel(undefined)).toBeNull();
  });
});
