import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createStaffUserSchema, type CreateStaffUserRequest, type UserDto } from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { UsersService } from './users.service.js';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  /** A staff account. An unknown agencyCode is a 400 naming `agencyCode`; a taken username 409. */
  @Access('admin.user.write')
  @Post()
  @ApiBody({
    schema: z.toJSONSchema(createStaffUserSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  })
  @ApiCreatedResponse({ description: 'The created user' })
  create(
    @Body(new ZodPipe(createStaffUserSchema)) body: CreateStaffUserRequest,
    @CurrentUser() admin: AuthUser,
  ): Promise<UserDto> {
    return this.users.createStaff(body, admin);
  }
}
