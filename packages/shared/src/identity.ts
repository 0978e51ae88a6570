import { z } from 'zod';
import { calendarDate, safeText } from './input.js';
import { roleSchema, STAFF_ROLES, type Role } from './roles.js';
import type { ErrorCode } from './errors.js';

/** Identity and Administration-users contract of api.md. */

/** Contract (api.md, Identity): 12 characters at least. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const NATIONAL_ID_PATTERN = /^\d{12}$/;
/** Vietnamese phone: +84 or 0, then 9 or 10 digits. */
export const PHONE_PATTERN = /^(\+84|0)\d{9,10}$/;
export const nationalIdSchema = safeText().trim().regex(NATIONAL_ID_PATTERN, { message: 'Must be 12 digits' });

export const passwordSchema = safeText()
  .min(PASSWORD_MIN_LENGTH, { message: `At least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { message: `At most ${PASSWORD_MAX_LENGTH} characters` });

/** What a password must not contain: the account holder's own data (api.md, Identity). */
export interface PasswordPersonalData {
  nationalId?: string | null;
  fullName?: string | null;
  /** YYYY-MM-DD. */
  dateOfBirth?: string | null;
  username?: string | null;
}

/** Lowercase, without Vietnamese diacritics (đ → d), so "Sông Hàn" and "song han" compare equal. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The ways people write a birth date into a password: ddmmyyyy, yyyymmdd, dd/mm/yyyy (and - or .), ddmmyy, yyyy. */
export function birthDateForms(dateOfBirth: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) return [];
  const [, y, mo, d] = m;
  const forms = [`${d}${mo}${y}`, `${y}${mo}${d}`, `${d}${mo}${y.slice(2)}`, y];
  for (const sep of ['/', '-', '.']) forms.push(`${d}${sep}${mo}${sep}${y}`, `${y}${sep}${mo}${sep}${d}`);
  return forms;
}

/**
 * Which piece of the holder's own data a password contains, or null: the national ID, any name
 * token of 3 letters or more (accent-insensitive), the username, or the birth date in a common form.
 */
export function passwordPersonalDataFound(
  password: string,
  data: PasswordPersonalData,
): 'nationalId' | 'fullName' | 'dateOfBirth' | 'username' | null {
  const folded = foldText(password);
  if (data.nationalId && password.includes(data.nationalId)) return 'nationalId';
  if (data.fullName) {
    const tokens = foldText(data.fullName)
      .split(/[^a-z]+/)
      .filter((t) => t.length >= 3);
    if (tokens.some((t) => folded.includes(t))) return 'fullName';
  }
  if (data.username && data.username.length >= 3 && folded.includes(foldText(data.username))) return 'username';
  if (data.dateOfBirth && birthDateForms(data.dateOfBirth).some((f) => password.includes(f))) return 'dateOfBirth';
  return null;
}

export const PASSWORD_PERSONAL_DATA_MESSAGE = 'Must not contain your national ID, name or birth date';

/** A person's birth date: a real day, from 1900-01-01 to today in Vietnam. */
export const dateOfBirthSchema = calendarDate({ min: '1900-01-01', max: 'today' });

export const phoneSchema = safeText().trim().regex(PHONE_PATTERN, { message: 'Must be a Vietnamese phone number' });

/** The fields of `POST /auth/register`; registerSchema adds the personal-data rule of the password. */
export const registerFieldsSchema = z.strictObject({
  nationalId: nationalIdSchema,
  fullName: safeText().trim().min(1, { message: 'Required' }).max(200, { message: 'Too long' }),
  dateOfBirth: dateOfBirthSchema,
  email: safeText()
    .trim()
    .max(254, { message: 'Too long' })
    .pipe(z.email({ message: 'Must be an e-mail address' })),
  phone: phoneSchema.optional(),
  password: passwordSchema,
});

/** A zod check that the password holds none of the holder's data; `message` lets the web use a locale key. */
export function refinePasswordPersonalData(message: string = PASSWORD_PERSONAL_DATA_MESSAGE) {
  return (r: { password: string } & PasswordPersonalData, ctx: z.RefinementCtx) => {
    if (passwordPersonalDataFound(r.password, r)) ctx.addIssue({ code: 'custom', path: ['password'], message });
  };
}

export const registerSchema = registerFieldsSchema.superRefine(refinePasswordPersonalData());
export type RegisterRequest = z.infer<typeof registerSchema>;

export const loginSchema = z.strictObject({
  username: safeText().trim().min(1, { message: 'Required' }).max(200, { message: 'Too long' }),
  password: safeText().min(1, { message: 'Required' }).max(200, { message: 'Too long' }),
});
export type LoginRequest = z.infer<typeof loginSchema>;

export const refreshSchema = z.strictObject({
  refreshToken: safeText().min(1, { message: 'Required' }).max(500, { message: 'Too long' }),
});
export type RefreshRequest = z.infer<typeof refreshSchema>;

export const logoutSchema = refreshSchema;
export type LogoutRequest = RefreshRequest;

/** `POST /dossiers/claim`: the one-time code of a counter receipt (spaces and dashes allowed). */
export const claimDossierSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, { message: 'Required' })
    // Any other text is simply a wrong code (404, contract: Counter): its shape tells nothing.
    .max(40, { message: 'Too long' }),
});
export type ClaimDossierRequest = z.infer<typeof claimDossierSchema>;

export const staffRoleSchema = z.enum(STAFF_ROLES);

/** Staff usernames (kept lowercase): letters, digits, dot, dash, underscore; never 12 digits (a citizen's). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const createStaffUserSchema = z
  .strictObject({
    username: safeText()
      .trim()
      .toLowerCase()
      .regex(USERNAME_PATTERN, {
        message: '3-64 lowercase letters, digits, dot, dash or underscore',
      })
      .refine((s) => !NATIONAL_ID_PATTERN.test(s), { message: 'Must not be a national ID' }),
    password: passwordSchema,
    fullName: safeText().trim().min(1, { message: 'Required' }).max(200, { message: 'Too long' }),
    roles: z
      .array(staffRoleSchema)
      .min(1, { message: 'At least one role' })
      .refine((r) => new Set(r).size === r.length, { message: 'Duplicate role' }),
    agencyCode: safeText().trim().min(1, { message: 'Required' }).max(50, { message: 'Too long' }),
  })
  .superRefine(refinePasswordPersonalData());
export type CreateStaffUserRequest = z.infer<typeof createStaffUserSchema>;

/** The user as `GET /auth/me` and `POST /admin/users` answer it. */
export interface UserDto {
  id: string;
  username: string;
  nationalId: string | null;
  fullName: string;
  dateOfBirth: string | null;
  email: string | null;
  phone: string | null;
  roles: Role[];
  agencyCode: string | null;
  /** Identity assurance level from the digital-citizen login (2 = verified), null otherwise. */
  assuranceLevel: number | null;
  /** The national ID is proven by a digital-citizen login; a password account is unverified. */
  verified: boolean;
  createdAt: string;
}

export const userSummarySchema = z.object({
  id: z.string(),
  fullName: z.string(),
  roles: z.array(roleSchema),
  agencyCode: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
  user: UserSummary;
}

/** `POST /auth/refresh` answers the same shape as a login. */
export type RefreshResponse = LoginResponse;

export interface RegisterResponse {
  id: string;
  nationalId: string;
  fullName: string;
  roles: ['CITIZEN'];
}

export interface AuthProvidersResponse {
  oidc: boolean;
}

/** Error codes of the identity module (problem.code), for the web's vi/en texts. */
export const IDENTITY_ERROR_CODES = [
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'DUPLICATE_NATIONAL_ID',
  'DUPLICATE_EMAIL',
  'DUPLICATE_USERNAME',
  'COMMON_PASSWORD',
  /** The password holds the national ID, the name or the birth date. */
  'PASSWORD_PERSONAL_DATA',
  'ACCOUNT_DISABLED',
  'UNKNOWN_AGENCY',
  'INVALID_REFRESH_TOKEN',
  /** A bearer token that is tampered, expired or of another algorithm. */
  'INVALID_TOKEN',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OIDC_NOT_CONFIGURED',
] as const satisfies readonly ErrorCode[];
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];
