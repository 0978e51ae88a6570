import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { pdfResponse } from '../dossiers/dossiers.openapi.js';
import { contentDisposition } from '../dossiers/multipart-upload.js';
import { ApologyLettersService } from './apology-letters.service.js';

/** The issued apology letter (api.md, Notifications and apologies). */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class ApologyController {
  constructor(private readonly letters: ApologyLettersService) {}

  @Get(':id/apology.pdf')
  @Access('dossier.read')
  @ApiOperation({ summary: 'The last apology letter (thư xin lỗi) issued for the dossier; 404 before one is issued' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(pdfResponse)
  async apology(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { letter, stream } = await this.letters.latestFor(id, user);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, {
      type: 'application/pdf',
      length: Number(letter.size),
      disposition: contentDisposition('inline', `thu-xin-loi-${letter.letterNumber.replace(/\//g, '-')}.pdf`),
    });
  }
}
