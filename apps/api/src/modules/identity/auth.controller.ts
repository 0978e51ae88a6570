import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import {
  loginSchema,
  logoutSchema,
  refreshSchema,
  registerSchema,
  type AuthProvidersResponse,
  type LoginResponse,
  type LogoutRequest,
  type RefreshRequest,
  type RegisterRequest,
  type RegisterResponse,
  type UserDto,
} from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import type { RequestOrigin } from '../../common/auth/authenticator.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { AuthService } from './auth.service.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { OidcService } from './oidc.service.js';
import { Origin } from './request-origin.decorator.js';
import { UsersService } from './users.service.js';

const jsonSchema = (s: z.ZodType) =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

const loginResponseExample = {
  accessToken: 'eyJhbGciOiJIUzI1NiJ9…',
  refreshToken: 'Q2hp…',
  expiresIn: 900,
  user: { id: '7f1c…', fullName: 'Nguyễn Văn An', roles: ['CITIZEN'], agencyCode: null },
};

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly oidc: OidcService,
  ) {}

  @Access('public')
  @Post('register')
  @ApiBody({ schema: jsonSchema(registerSchema) })
  @ApiCreatedResponse({
    schema: { example: { id: '7f1c…', nationalId: '048090000123', fullName: 'Nguyễn Văn An', roles: ['CITIZEN'] } },
  })
  register(
    @Body(new ZodPipe(registerSchema)) body: RegisterRequest,
    @Origin() origin: RequestOrigin,
  ): Promise<RegisterResponse> {
    return this.users.register(body, origin);
  }

  /** Passport's local strategy (LocalAuthGuard) checks the body and the credentials; this starts the session. */
  @Access('public')
  @Post('login')
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiBody({ schema: jsonSchema(loginSchema) })
  @ApiOkResponse({ schema: { example: loginResponseExample } })
  login(@CurrentUser() user: AuthUser): Promise<LoginResponse> {
    return this.auth.startSession(user);
  }

  /** Public: the refresh token is the credential (the access token may have expired). */
  @Access('public')
  @Post('refresh')
  @HttpCode(200)
  @ApiBody({ schema: jsonSchema(refreshSchema) })
  @ApiOkResponse({ schema: { example: loginResponseExample } })
  refresh(
    @Body(new ZodPipe(refreshSchema)) body: RefreshRequest,
    @Origin() origin: RequestOrigin,
  ): Promise<LoginResponse> {
    return this.auth.refresh(body.refreshToken, origin);
  }

  @Access('public')
  @Post('logout')
  @HttpCode(204)
  @ApiBody({ schema: jsonSchema(logoutSchema) })
  @ApiNoContentResponse({ description: 'The refresh token and its family are revoked' })
  async logout(@Body(new ZodPipe(logoutSchema)) body: LogoutRequest): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Access('authenticated')
  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The signed-in user' })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user.id);
  }

  /** Which login methods the web should offer. */
  @Access('public')
  @Get('providers')
  @ApiOkResponse({ schema: { example: { oidc: true } } })
  providers(): AuthProvidersResponse {
    return { oidc: this.oidc.enabled };
  }
}
