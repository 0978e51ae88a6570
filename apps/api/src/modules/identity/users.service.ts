import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateStaffUserRequest, RegisterRequest, RegisterResponse, UserDto, UserSummary } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import {
  APP_CONFIG,
  ConfigError,
  DEMO_ADMIN_PASSWORD,
  FIRST_ADMIN_USERNAME,
  type AppConfig,
} from '../../config/config.js';
import { IdentityError } from './identity.errors.js';
import { PasswordService } from './password.service.js';
import { FOREIGN_KEY_VIOLATION, pgError, UNIQUE_VIOLATION } from './pg-errors.js';
import { SecurityEventsService } from './security-events.service.js';
import type { AppUser } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

export function toUserDto(u: AppUser): UserDto {
  return {
    id: u.id,
    username: u.username,
    nationalId: u.nationalId,
    fullName: u.fullName,
    dateOfBirth: u.dateOfBirth,
    email: u.email,
    phone: u.phone,
    roles: u.roles,
    agencyCode: u.agencyCode,
    assuranceLevel: u.assuranceLevel,
    createdAt: u.createdAt.toISOString(),
  };
}

export function toUserSummary(u: Pick<AppUser, 'id' | 'fullName' | 'roles' | 'agencyCode'>): UserSummary {
  return { id: u.id, fullName: u.fullName, roles: u.roles, agencyCode: u.agencyCode };
}

/** What the digital-ID provider says about a citizen. */
export interface DigitalIdentity {
  sub: string;
  nationalId: string;
  fullName: string | null;
  dateOfBirth: string | null;
  assuranceLevel: number | null;
}

/** A walk-in applicant as the counter registers them. */
export interface WalkInApplicant {
  nationalId: string;
  fullName: string;
  dateOfBirth?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Map a unique violation of app_user to its 409; anything else is rethrown as is. */
function duplicateError(e: unknown): unknown {
  const { code, constraint } = pgError(e);
  if (code === UNIQUE_VIOLATION) {
    if (constraint === 'app_user_email_key') return IdentityError.duplicateEmail();
    if (constraint === 'app_user_national_id_key') return IdentityError.duplicateNationalId();
    if (constraint === 'app_user_username_key') return IdentityError.duplicateUsername();
  }
  return e;
}

/**
 * Accounts: citizens (registered, walk-in, digital ID: one record per national ID),
 * staff created by an admin, and the first admin created at start.
 */
@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly events: SecurityEventsService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
  }

  /** Create `admin` from ADMIN_PASSWORD when no administrator exists; safe when processes start together. */
  async ensureFirstAdmin(): Promise<void> {
    if (await this.users.anyWithRole('ADMIN')) return;
    const password = this.config.adminPassword;
    // Production has no default password: the first start must be given one (fail closed).
    if (password === null) {
      throw new ConfigError(
        'Invalid environment:\n  ADMIN_PASSWORD: required on the first start in production (no administrator exists yet)',
      );
    }
    const hash = await this.passwords.hash(password);
    if (await this.users.insertFirstAdmin(FIRST_ADMIN_USERNAME, hash, this.clock.now())) {
      // Only the public demo default is ever printed, and never in production.
      const shown = this.config.env !== 'production' && password === DEMO_ADMIN_PASSWORD;
      this.logger.warn(
        `Admin account created: ${FIRST_ADMIN_USERNAME}${shown ? ` / ${password}` : ' (password from ADMIN_PASSWORD)'}`,
      );
    } else if (!(await this.users.anyWithRole('ADMIN'))) {
      this.logger.error(`No administrator exists and the username "${FIRST_ADMIN_USERNAME}" is taken`);
    }
  }

  async getById(id: string): Promise<AppUser> {
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('User');
    return user;
  }

  /**
   * Register a citizen with a password. A walk-in record of the same national ID
   * (made at the counter: no password, no digital ID) is completed rather than
   * refused, so that the citizen finds their counter dossiers; when the counter
   * noted a date of birth, it must match.
   */
  async register(dto: RegisterRequest): Promise<RegisterResponse> {
    this.passwords.assertAcceptable(dto.password);
    const passwordHash = await this.passwords.hash(dto.password);
    const fields = {
      fullName: dto.fullName,
      dateOfBirth: dto.dateOfBirth,
      email: dto.email,
      phone: dto.phone ?? null,
      passwordHash,
    };
    let user: AppUser;
    try {
      user = await this.ds.transaction(async (m) => {
        const now = this.clock.now();
        const existing = await this.users.findByNationalIdForUpdate(dto.nationalId, m);
        if (existing) {
          const walkIn =
            !existing.passwordHash &&
            !existing.oidcSub &&
            existing.roles.length === 1 &&
            existing.roles[0] === 'CITIZEN' &&
            (!existing.dateOfBirth || existing.dateOfBirth === dto.dateOfBirth);
          if (!walkIn) throw IdentityError.duplicateNationalId();
          return this.users.update(existing.id, fields, now, m);
        }
        return this.users.insert(
          {
            ...fields,
            username: dto.nationalId,
            nationalId: dto.nationalId,
            roles: ['CITIZEN'],
            agencyCode: null,
            oidcSub: null,
            assuranceLevel: null,
          },
          now,
          m,
        );
      });
    } catch (e) {
      const mapped = duplicateError(e);
      // A username clash here is the same national ID registered by a concurrent request.
      throw mapped instanceof AppError && mapped.code === 'DUPLICATE_USERNAME'
        ? IdentityError.duplicateNationalId()
        : mapped;
    }
    await this.events.record('REGISTERED', { userId: user.id, username: user.username });
    return { id: user.id, nationalId: dto.nationalId, fullName: user.fullName, roles: ['CITIZEN'] };
  }

  /** POST /admin/users: a staff account in an existing agency. */
  async createStaff(dto: CreateStaffUserRequest, admin: AuthUser): Promise<UserDto> {
    this.passwords.assertAcceptable(dto.password);
    if (!(await this.users.agencyExists(dto.agencyCode))) throw IdentityError.unknownAgency();
    const passwordHash = await this.passwords.hash(dto.password);
    let user: AppUser;
    try {
      user = await this.users.insert(
        {
          username: dto.username.toLowerCase(),
          nationalId: null,
          email: null,
          phone: null,
          fullName: dto.fullName,
          dateOfBirth: null,
          passwordHash,
          roles: dto.roles,
          agencyCode: dto.agencyCode,
          oidcSub: null,
          assuranceLevel: null,
        },
        this.clock.now(),
      );
    } catch (e) {
      if (pgError(e).code === FOREIGN_KEY_VIOLATION) throw IdentityError.unknownAgency();
      throw duplicateError(e);
    }
    await this.events.record('USER_CREATED', {
      userId: user.id,
      username: user.username,
      detail: { by: admin.id, roles: user.roles, agencyCode: user.agencyCode },
    });
    return toUserDto(user);
  }

  /**
   * The citizen of a digital-ID login: found by the provider's subject, else by national
   * ID (a registered or walk-in citizen, now linked), else created. The assurance level
   * and the verified name and birth date are kept.
   */
  async signInWithDigitalId(id: DigitalIdentity): Promise<AppUser> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.ds.transaction((m) => this.linkDigitalId(id, m));
      } catch (e) {
        // Two first logins of one citizen at once: the loser finds the winner's row on retry.
        if (attempt === 0 && pgError(e).code === UNIQUE_VIOLATION) continue;
        throw e;
      }
    }
  }

  private async linkDigitalId(id: DigitalIdentity, m: EntityManager): Promise<AppUser> {
    const now = this.clock.now();
    const verified = {
      assuranceLevel: id.assuranceLevel,
      ...(id.fullName ? { fullName: id.fullName } : {}),
      ...(id.dateOfBirth ? { dateOfBirth: id.dateOfBirth } : {}),
    };
    const bySub = await this.users.findByOidcSubForUpdate(id.sub, m);
    if (bySub) return this.users.update(bySub.id, verified, now, m);
    const byNationalId = await this.users.findByNationalIdForUpdate(id.nationalId, m);
    if (byNationalId) {
      if (byNationalId.oidcSub) {
        throw new AppError('OIDC_SUBJECT_MISMATCH', 409, 'This national ID is linked to another digital ID');
      }
      return this.users.update(byNationalId.id, { ...verified, oidcSub: id.sub }, now, m);
    }
    return this.users.insert(
      {
        username: id.nationalId,
        nationalId: id.nationalId,
        email: null,
        phone: null,
        fullName: id.fullName ?? id.nationalId,
        dateOfBirth: id.dateOfBirth,
        passwordHash: null,
        roles: ['CITIZEN'],
        agencyCode: null,
        oidcSub: id.sub,
        assuranceLevel: id.assuranceLevel,
      },
      now,
      m,
    );
  }

  /**
   * The citizen record of a walk-in applicant (counter), created without a password when
   * the national ID is new. Pass the caller's transaction manager to stay in it; two
   * concurrent creations of one national ID end in a unique violation for the later one.
   */
  async findOrCreateWalkInCitizen(applicant: WalkInApplicant, m: EntityManager): Promise<AppUser> {
    const existing = await this.users.findByNationalIdForUpdate(applicant.nationalId, m);
    if (existing) return existing;
    // The e-mail is kept only when no other account holds it: the dossier must not fail for it.
    const email = applicant.email && !(await this.users.emailTaken(applicant.email, m)) ? applicant.email : null;
    return this.users.insert(
      {
        username: applicant.nationalId,
        nationalId: applicant.nationalId,
        email,
        phone: applicant.phone ?? null,
        fullName: applicant.fullName,
        dateOfBirth: applicant.dateOfBirth ?? null,
        passwordHash: null,
        roles: ['CITIZEN'],
        agencyCode: null,
        oidcSub: null,
        assuranceLevel: null,
      },
      this.clock.now(),
      m,
    );
  }
}
