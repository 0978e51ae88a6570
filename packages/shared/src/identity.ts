import { z } from 'zod';
import { calendarDate, safeText } from './input.js';
import { roleSchema, STAFF_ROLES, type Role } from './roles.js';

/** Identity and Administration-users contract of api.md. */

export const PASSWORD_MIN_LENGTH = 10;
export const NATIONAL_ID_PATTERN = /^\d{12}$/;
/** Vietnamese phone: +84 or 0, then 9 or 10 digits. */
export const PHONE_PATTERN = /^(\+84|0)\d{9,10}$/;
export const nationalIdSchema = safeText().trim().regex(NATIONAL_ID_PATTERN, { message: 'Must be 12 digits' });

export const passwordSchema = safeText()
  .min(PASSWORD_MIN_LENGTH, { message: `At least ${PASSWORD_MIN_LENGTH} characters` })
  .max(200, { message: 'At most 200 characters' });

/** A person's birth date: a real day, from 1900-01-01 to today in Vietnam. */
export const dateOfBirthSchema = calendarDate({ min: '1900-01-01', max: 'today' });

export const phoneSchema = safeText().trim().regex(PHONE_PATTERN, { message: 'Must be a Vietnamese phone number' });

export const registerSchema = z.strictObject({
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

export const staffRoleSchema = z.enum(STAFF_ROLES);

/** Staff usernames (kept lowercase): letters, digits, dot, dash, underscore; never 12 digits (a citizen's). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const createStaffUserSchema = z.strictObject({
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
});
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
  'UNKNOWN_AGENCY',
  'INVALID_REFRESH_TOKEN',
  /** A bearer token that is tampered, expired or of another algorithm. */
  'INVALID_TOKEN',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OIDC_NOT_CONFIGURED',
] as const;
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];
