import { createStaffUserSchema, loginSchema, passwordPersonalDataFound, registerSchema } from './identity.js';
import { isCalendarDate } from './input.js';

const valid = {
  nationalId: '048090000123',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-05-12',
  email: 'an@example.vn',
  phone: '+84905123456',
  password: 'Sông-Hàn-2026',
};

describe('registerSchema', () => {
  it('accepts a complete registration, phone optional', () => {
    expect(registerSchema.safeParse(valid).success).toBe(true);
    const { phone: _phone, ...noPhone } = valid;
    expect(registerSchema.safeParse(noPhone).success).toBe(true);
  });

  it('names each bad field once', () => {
    const r = registerSchema.safeParse({ ...valid, nationalId: 'abc', dateOfBirth: 'abc', phone: '0123' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['dateOfBirth', 'nationalId', 'phone']);
  });

  it('refuses unknown fields', () => {
    expect(registerSchema.safeParse({ ...valid, roles: ['ADMIN'] }).success).toBe(false);
  });

  it('accepts Vietnamese phone numbers in both forms', () => {
    for (const phone of ['0905123456', '+84905123456', '02363123456']) {
      expect(registerSchema.safeParse({ ...valid, phone }).success).toBe(true);
    }
    for (const phone of ['905123456', '+1905123456', '09051234567890']) {
      expect(registerSchema.safeParse({ ...valid, phone }).success).toBe(false);
    }
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-2-29')).toBe(false);
  });
});

describe('createStaffUserSchema', () => {
  const staff = {
    username: 'TiepNhan.HaiChau',
    password: 'Một-Cửa-2026',
    fullName: 'B',
    roles: ['RECEPTIONIST'],
    agencyCode: 'A',
  };

  it('keeps usernames lowercase', () => {
    expect(createStaffUserSchema.parse(staff).username).toBe('tiepnhan.haichau');
  });

  it('refuses citizen roles and 12-digit usernames', () => {
    expect(createStaffUserSchema.safeParse({ ...staff, roles: ['CITIZEN'] }).success).toBe(false);
    expect(createStaffUserSchema.safeParse({ ...staff, username: '048090000123' }).success).toBe(false);
  });
});

describe('loginSchema', () => {
  it('needs both fields', () => {
    expect(loginSchema.safeParse({ username: 'a' }).success).toBe(false);
    expect(loginSchema.safeParse({ username: 'a', password: 'b' }).success).toBe(true);
  });
});

describe('password personal data (api.md, Identity)', () => {
  const data = { nationalId: '048090000123', fullName: 'Nguyễn Mạnh Hùng', dateOfBirth: '1990-05-12' };

  it('finds the national ID, any name token of 3+ letters without accents, and the birth date in common forms', () => {
    expect(passwordPersonalDataFound('a-048090000123-b', data)).toBe('nationalId');
    expect(passwordPersonalDataFound('xx-NGUYEN-long-pass', data)).toBe('fullName');
    expect(passwordPersonalDataFound('manh-me-qua-di', data)).toBe('fullName');
    expect(passwordPersonalDataFound('Sông-Hùng-đẹp', data)).toBe('fullName');
    for (const p of ['x12051990x', 'x19900512x', 'x12/05/1990x', 'x12-05-1990x', 'sinh-1990-x'])
      expect(passwordPersonalDataFound(p, data)).toBe('dateOfBirth');
  });

  it('ignores name tokens shorter than 3 letters and passwords free of the holder’s data', () => {
    expect(passwordPersonalDataFound('an-toan-tuyet-doi', { fullName: 'Lê Văn An' })).toBeNull();
    expect(passwordPersonalDataFound('Mây-Trắng-Sơn-Trà-7', data)).toBeNull();
  });

  it('refuses such a password at registration, naming password', () => {
    const r = registerSchema.safeParse({
      nationalId: '048090000123',
      fullName: 'Nguyễn Mạnh Hùng',
      dateOfBirth: '1990-05-12',
      email: 'h@example.vn',
      password: 'Hung-12051990!',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['password']);
  });
});
