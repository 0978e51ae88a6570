import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { DemoOverdueService } from './demo-overdue.service.js';

const demoOverdueSchema = z.strictObject({
  code: z.string().trim().min(1).max(64),
  state: z.enum(['OVERDUE', 'DUE_SOON']).default('OVERDUE'),
});

/** The demo command's route (README, `npm run demo:overdue`): mounted outside production only, for ADMIN. */
@ApiExcludeController()
@Controller('sandbox/demo')
export class DemoController {
  constructor(private readonly demo: DemoOverdueService) {}

  @Post('overdue')
  @HttpCode(200)
  @Access('demo.control')
  push(@Body(new ZodPipe(demoOverdueSchema)) body: z.infer<typeof demoOverdueSchema>) {
    return this.demo.push(body.code, body.state);
  }
}
