import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Authenticator } from '../../common/auth/authenticator.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AgencyScopeService } from './agency-scope.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { IdentityAuthenticator } from './identity.authenticator.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LocalStrategy } from './local.strategy.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { OidcLogin } from './oidc-login.entity.js';
import { OidcLoginsRepository } from './oidc-logins.repository.js';
import { OidcController } from './oidc.controller.js';
import { OidcService } from './oidc.service.js';
import { PassportService } from './passport.service.js';
import { PasswordService } from './password.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SecurityEvent } from './security-event.entity.js';
import { SecurityEventsRepository } from './security-events.repository.js';
import { SecurityEventsService } from './security-events.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { StaffController } from './staff.controller.js';
import { StaffRepository } from './staff.repository.js';
import { StaffService } from './staff.service.js';
import { TokensService } from './tokens.service.js';
import { AppUser } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/**
 * Citizens, staff, passwords, tokens, digital-ID login, agency scope. Registers the
 * passport strategies ('jwt', 'local') on its own passport (PassportService) and provides
 * the Authenticator the global AccessGuard authenticates bearer tokens with.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AppUser, RefreshToken, SecurityEvent, OidcLogin])],
  controllers: [AuthController, OidcController, AdminUsersController, StaffController],
  providers: [
    UsersRepository,
    StaffRepository,
    StaffService,
    RefreshTokensRepository,
    SessionsRepository,
    SecurityEventsRepository,
    OidcLoginsRepository,
    PasswordService,
    TokensService,
    LoginThrottleService,
    SessionsService,
    SecurityEventsService,
    UsersService,
    AuthService,
    OidcService,
    AgencyScopeService,
    JwtStrategy,
    LocalStrategy,
    PassportService,
    IdentityAuthenticator,
    { provide: Authenticator, useExisting: IdentityAuthenticator },
  ],
  exports: [Authenticator, AgencyScopeService, UsersService, SecurityEventsService, TokensService],
})
export class IdentityModule {}
