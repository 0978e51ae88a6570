import { Controller, Get, Redirect, Req } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Access } from '../../common/auth/access.decorator.js';
import type { RequestOrigin } from '../../common/auth/authenticator.js';
import { OidcService } from './oidc.service.js';
import { Origin } from './request-origin.decorator.js';

interface RedirectTo {
  url: string;
  statusCode: number;
}

@ApiTags('identity')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @Access('public')
  @Get('login')
  @Redirect()
  @ApiFoundResponse({ description: 'To the digital-ID provider' })
  @ApiNotFoundResponse({ description: 'Digital-ID login is not configured' })
  async login(): Promise<RedirectTo> {
    return { url: await this.oidc.authorizationUrl(), statusCode: 302 };
  }

  @Access('public')
  @Get('callback')
  @Redirect()
  @ApiFoundResponse({
    description: 'To `/login/callback#accessToken=…&refreshToken=…&expiresIn=…`, or `/login?error=oidc`',
  })
  @ApiNotFoundResponse({ description: 'Digital-ID login is not configured' })
  async callback(@Req() req: Request, @Origin() origin: RequestOrigin): Promise<RedirectTo> {
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    return { url: await this.oidc.callback(query, origin), statusCode: 302 };
  }
}
