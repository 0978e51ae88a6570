import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  notificationLanguage,
  notificationListQuerySchema,
  notificationListSchema,
  notificationPreferencesInputSchema,
  notificationPreferencesSchema,
  type NotificationList,
  type NotificationListQuery,
  type NotificationPreferences,
  type NotificationPreferencesInput,
} from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { openApiSchema } from '../dossiers/dossiers.openapi.js';
import { unsubscribedPage, unsubscribeInvalidPage } from './notification-pages.js';
import { NotificationError } from './notifications.errors.js';
import { NotificationsService } from './notifications.service.js';

/** api.md, "Notifications and apologies": the caller's own inbox; preferences and unsubscribe are our addition. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caller's notifications, newest first (texts in the Accept-Language, vi by default)" })
  @ApiQuery({ name: 'unread', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1-100, default 20' })
  @ApiOkResponse({ schema: openApiSchema(notificationListSchema) })
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(notificationListQuerySchema)) query: NotificationListQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<NotificationList> {
    return this.notifications.list(user.id, query, notificationLanguage(acceptLanguage));
  }

  @Post('read-all')
  @Access('authenticated')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Every one of the caller's notifications is read" })
  async readAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @Access('authenticated')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Read; 404 when it is not one of the caller’s' })
  async read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    await this.notifications.markRead(user.id, id);
  }

  @Get('preferences')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Channels of the non-essential notifications, and the consent to SMS (our addition)' })
  @ApiOkResponse({ schema: openApiSchema(notificationPreferencesSchema) })
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferences> {
    return this.notifications.preferences(user.id);
  }

  @Put('preferences')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiBody({ schema: openApiSchema(notificationPreferencesInputSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(notificationPreferencesSchema) })
  savePreferences(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(notificationPreferencesInputSchema)) body: NotificationPreferencesInput,
  ): Promise<NotificationPreferences> {
    return this.notifications.savePreferences(user.id, body);
  }

  /** The link in non-essential e-mails: signed, no login, one click (also RFC 8058's POST). */
  @Get('unsubscribe')
  @Access('public')
  @ApiOperation({ summary: 'Switch non-essential e-mail off from a signed link (no login); an HTML page' })
  @ApiProduces('text/html')
  async unsubscribe(
    @Query('token') token: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const ok = await this.notifications.unsubscribe(typeof token === 'string' ? token : undefined);
    // A browser (the person who clicked) gets a page; any other client the API's problem+json.
    if (!ok && req.accepts(['html', 'json']) !== 'html') throw NotificationError.badUnsubscribeToken();
    const settings = `${this.config.publicUrl}/account/notifications`;
    res
      .status(ok ? 200 : 400)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .send(ok ? unsubscribedPage(settings) : unsubscribeInvalidPage(settings));
  }
}
