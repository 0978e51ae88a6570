import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { staffListSchema, staffQuerySchema, STAFF_ROLES, type StaffList, type StaffQuery } from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { openApiSchema } from '../catalog/catalog.openapi.js';
import { StaffService } from './staff.service.js';

/** The staff of the caller's agency, for assignment (api.md, Staff). */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Access('staff.read')
  @ApiQuery({ name: 'role', required: false, enum: STAFF_ROLES, description: 'Only the staff holding this role' })
  @ApiOkResponse({ schema: openApiSchema(staffListSchema) })
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(staffQuerySchema)) query: StaffQuery): Promise<StaffList> {
    return this.staff.list(user, query);
  }
}
