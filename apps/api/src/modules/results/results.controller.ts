import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { revokeResultSchema, type RevokeResultRequest } from '@motcua/shared';
import type { Request, Response } from 'express';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { openApiSchema } from '../dossiers/dossiers.openapi.js';
import { contentDisposition, multipartUpload } from '../dossiers/multipart-upload.js';
import { ResultsService, type ResultDto, type RevokedResultDto } from './results.service.js';

const resultDtoSchema = {
  type: 'object',
  required: ['id', 'fileName', 'size', 'sha256', 'signed'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    fileName: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    signed: { type: 'boolean' },
  },
};

/** The result document of a dossier (api.md, Electronic results). */
@ApiTags('results')
@Controller('dossiers')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Post(':id/result')
  @HttpCode(201)
  @Access('result.upload')
  @ApiOperation({ summary: 'Upload the result PDF (signed at upload once the dossier is decided)' })
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({ schema: resultDtoSchema })
  upload(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: Request): Promise<ResultDto> {
    return this.results.upload(id, user, multipartUpload(req));
  }

  @Post(':id/result/generate')
  @HttpCode(201)
  @Access('result.upload')
  @ApiOperation({
    summary: "Generate the result PDF from the procedure's template (our addition; signed at once after the decision)",
  })
  @ApiCreatedResponse({ schema: resultDtoSchema })
  generate(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ResultDto> {
    return this.results.generate(id, user);
  }

  @Post(':id/result/revoke')
  @HttpCode(200)
  @Access('result.revoke')
  @ApiOperation({ summary: 'Revoke the issued result with a reason (an approver of the agency; our addition)' })
  @ApiBody({ schema: openApiSchema(revokeResultSchema, 'input') })
  @ApiOkResponse({
    schema: {
      ...resultDtoSchema,
      required: [...resultDtoSchema.required, 'revokedAt', 'revokedReason'],
      properties: {
        ...resultDtoSchema.properties,
        revokedAt: { type: 'string', format: 'date-time' },
        revokedReason: { type: 'string' },
      },
    },
  })
  revoke(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(revokeResultSchema)) body: RevokeResultRequest,
  ): Promise<RevokedResultDto> {
    return this.results.revoke(id, user, body.reason.trim());
  }

  @Get(':id/result.pdf')
  @Access('dossier.read')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The signed result: to the applicant once returned, to agency staff at any time' })
  async download(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { result, stream } = await this.results.download(id, user);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, {
      type: 'application/pdf',
      length: Number(result.size),
      disposition: contentDisposition('attachment', result.fileName),
    });
  }
}
