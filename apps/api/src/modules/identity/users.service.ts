import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CreateStaffUserRequest,
  RegisterRequest,
  RegisterResponse,
  Role,
  UserDto,
  UserSummary,
} from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import type { RequestOrigin } from '../../common/auth/authenticator.js';
import { RATE_LIMITS } from '../../common/rate-limit/rate-limit.rules.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
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
import { SessionsService } from './sessions.service.js';
import type { AppUser } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

/** A walk-in record's username: never a login name (no password; staff names cannot hold '~' or ':'). */
export function walkInUsername(nationalId: string): string {
  return `~walk-in:${nationalId}`;
}

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
    verified: u.verified,
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

/**
 * Moves what a walk-in record holds (its counter dossiers) to the account of a proven identity,
 * in the caller's transaction. Modules that keep such things (dossiers) register one.
 */
export type WalkInAdoption = (walkInId: string, accountId: string, m: EntityManager) => Promise<void>;

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
    private readonly sessions: SessionsService,
    private readonly limits: RateLimitService,
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

  /** The active staff of an agency with a role, for notifications (the SLA sweep's recipients). */
  async activeStaffIds(agencyCode: string, role: Role, m?: EntityManager): Promise<string[]> {
    return this.users.activeStaffIds(agencyCode, role, m);
  }

  async getById(id: string): Promise<AppUser> {
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('User');
    return user;
  }

  /**
   * Register a citizen with a password: an unverified account (api.md, Identity). A walk-in
   * record of the same national ID stays apart: its counter dossiers join the account only
   * through the claim code of their receipt or a digital-citizen login. Limited per address,
   * which also bounds how many national IDs one can probe through the 409.
   */
  async register(dto: RegisterRequest, origin?: Pick<RequestOrigin, 'ip'>): Promise<RegisterResponse> {
    if (origin?.ip) await this.limits.enforce(RATE_LIMITS.registerByAddress, origin.ip);
    this.passwords.assertAcceptable(dto.password, dto);
    const passwordHash = await this.passwords.hash(dto.password);
    let user: AppUser;
    try {
      user = await this.users.insert(
        {
          username: dto.nationalId,
          nationalId: dto.nationalId,
          fullName: dto.fullName,
          dateOfBirth: dto.dateOfBirth,
          email: dto.email,
          phone: dto.phone ?? null,
          passwordHash,
          roles: ['CITIZEN'],
          agencyCode: null,
          oidcSub: null,
          assuranceLevel: null,
          verified: false,
          walkIn: false,
          disabledAt: null,
        },
        this.clock.now(),
      );
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

  /**
   * Change (or, for a verified account whose password was cleared, set) a password. The policy
   * applies; every other session of the account ends (the caller's own, if given, stays).
   */
  async changePassword(
    userId: string,
    currentPassword: string | null,
    newPassword: string,
    keepSessionId?: string,
  ): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || user.walkIn || user.disabledAt) throw IdentityError.userGone();
    if (user.passwordHash || !user.verified) {
      if (!currentPassword || !(await this.passwords.verify(user.passwordHash, currentPassword))) {
        throw IdentityError.invalidCredentials();
      }
    }
    this.passwords.assertAcceptable(newPassword, user, 'newPassword');
    const passwordHash = await this.passwords.hash(newPassword);
    await this.ds.transaction(async (m) => {
      await this.users.update(user.id, { passwordHash }, this.clock.now(), m);
      await this.sessions.revokeAllOf(user.id, 'password_changed', m, keepSessionId);
    });
    this.sessions.forgetUser(user.id);
    await this.events.record('PASSWORD_CHANGED', { userId: user.id, username: user.username });
  }

  /** Disable an account: no more logins, and every session ends at once. */
  async disable(userId: string, by: Pick<AuthUser, 'id'>): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound('User');
    await this.ds.transaction(async (m) => {
      await this.users.update(user.id, { disabledAt: this.clock.now() }, this.clock.now(), m);
      await this.sessions.revokeAllOf(user.id, 'disabled', m);
    });
    this.sessions.forgetUser(user.id);
    await this.events.record('USER_DISABLED', { userId: user.id, username: user.username, detail: { by: by.id } });
  }

  /** POST /admin/users: a staff account in an existing agency. */
  async createStaff(dto: CreateStaffUserRequest, admin: AuthUser): Promise<UserDto> {
    this.passwords.assertAcceptable(dto.password, dto);
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
          verified: false,
          walkIn: false,
          disabledAt: null,
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
   * The citizen of a digital-ID login, verified: found by the provider's subject, else by national
   * ID, else created. An unverified password account of that national ID is taken over (api.md,
   * Identity): it becomes verified, its sessions end and its password is cleared. The walk-in
   * record of the national ID, if any, hands its counter dossiers to the account.
   */
  async signInWithDigitalId(id: DigitalIdentity): Promise<AppUser> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { user, takenOver } = await this.ds.transaction((m) => this.linkDigitalId(id, m));
        if (takenOver) {
          // Again after the commit: no session check read before it may be served from the cache.
          this.sessions.forgetUser(takenOver.id);
          await this.events.record('IDENTITY_TAKEOVER', {
            userId: takenOver.id,
            username: takenOver.username,
            detail: { sub: id.sub, hadPassword: takenOver.passwordHash !== null },
          });
        }
        return user;
      } catch (e) {
        // Two first logins of one citizen at once: the loser finds the winner's row on retry.
        if (attempt === 0 && pgError(e).code === UNIQUE_VIOLATION) continue;
        throw e;
      }
    }
  }

  /** Modules that keep things for walk-in records (counter dossiers) register how to move them. */
  onWalkInAdopted(adopt: WalkInAdoption): void {
    this.walkInAdoptions.push(adopt);
  }

  private readonly walkInAdoptions: WalkInAdoption[] = [];

  private async linkDigitalId(
    id: DigitalIdentity,
    m: EntityManager,
  ): Promise<{ user: AppUser; takenOver: AppUser | null }> {
    const now = this.clock.now();
    const verified = {
      assuranceLevel: id.assuranceLevel,
      verified: true,
      ...(id.fullName ? { fullName: id.fullName } : {}),
      ...(id.dateOfBirth ? { dateOfBirth: id.dateOfBirth } : {}),
    };
    let user: AppUser;
    let takenOver: AppUser | null = null;
    const bySub = await this.users.findByOidcSubForUpdate(id.sub, m);
    const account = bySub ?? (await this.users.findAccountByNationalIdForUpdate(id.nationalId, m));
    if (account?.disabledAt) throw new AppError('ACCOUNT_DISABLED', 401, 'This account is disabled');
    if (bySub) {
      user = await this.users.update(bySub.id, verified, now, m);
    } else if (account) {
      if (account.oidcSub) {
        throw new AppError('OIDC_SUBJECT_MISMATCH', 409, 'This national ID is linked to another digital ID');
      }
      // Whoever set a password on this national ID proved nothing: the verified holder takes it over,
      // without the password or the contact details the other person gave (mail would reach them).
      const takeover = !account.verified;
      user = await this.users.update(
        account.id,
        { ...verified, oidcSub: id.sub, ...(takeover ? { passwordHash: null, email: null, phone: null } : {}) },
        now,
        m,
      );
      if (takeover) {
        await this.sessions.revokeAllOf(account.id, 'identity_takeover', m);
        takenOver = account;
      }
    } else {
      const walkIn = await this.users.findWalkInByNationalIdForUpdate(id.nationalId, m);
      user = walkIn
        ? // The record the counter made becomes the verified citizen's account, dossiers and all.
          await this.users.update(
            walkIn.id,
            { ...verified, oidcSub: id.sub, walkIn: false, username: id.nationalId },
            now,
            m,
          )
        : await this.users.insert(
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
              verified: true,
              walkIn: false,
              disabledAt: null,
            },
            now,
            m,
          );
    }
    if (user.nationalId) {
      const walkIn = await this.users.findWalkInByNationalIdForUpdate(user.nationalId, m);
      if (walkIn) for (const adopt of this.walkInAdoptions) await adopt(walkIn.id, user.id, m);
    }
    return { user, takenOver };
  }

  /**
   * Whom a counter dossier is filed under (api.md, Counter): the verified account of the
   * applicant's national ID (a proven identity: the dossier is theirs at once), else the walk-in
   * record of that national ID, created when new. Never an unverified password account: whoever
   * registered a national ID has not proven it is theirs. Runs in the caller's transaction; two
   * concurrent creations of one record end in a unique violation for the later one.
   */
  async counterApplicant(applicant: WalkInApplicant, m: EntityManager): Promise<AppUser> {
    const account = await this.users.findAccountByNationalIdForUpdate(applicant.nationalId, m);
    if (account?.verified && !account.disabledAt) return account;
    const walkIn = await this.users.findWalkInByNationalIdForUpdate(applicant.nationalId, m);
    if (walkIn) return walkIn;
    return this.users.insert(
      {
        username: walkInUsername(applicant.nationalId),
        nationalId: applicant.nationalId,
        email: applicant.email ?? null,
        phone: applicant.phone ?? null,
        fullName: applicant.fullName,
        dateOfBirth: applicant.dateOfBirth ?? null,
        passwordHash: null,
        roles: ['CITIZEN'],
        agencyCode: null,
        oidcSub: null,
        assuranceLevel: null,
        verified: false,
        walkIn: true,
        disabledAt: null,
      },
      this.clock.now(),
      m,
    );
  }
}
