import { Controller, Get, HttpCode, Ip, Param, Post, Req } from '@nestjs/common';
import {
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Access } from '../../common/auth/access.decorator.js';
import { multipartUpload } from '../dossiers/multipart-upload.js';
import { VerificationService, type FileVerificationDto, type VerificationDto } from './verification.service.js';

const verificationSchema = {
  type: 'object',
  required: ['valid', 'dossierCode', 'procedureName', 'agencyName', 'issuedAt', 'signer', 'sha256', 'revoked'],
  properties: {
    valid: { type: 'boolean' },
    dossierCode: { type: 'string' },
    procedureName: { type: 'string' },
    agencyName: { type: 'string' },
    issuedAt: { type: 'string', format: 'date-time' },
    signer: { type: 'string' },
    sha256: { type: 'string' },
    revoked: { type: 'boolean' },
  },
};

const fileVerificationSchema = {
  type: 'object',
  required: ['valid'],
  properties: {
    valid: { type: 'boolean' },
    reason: { type: 'string' },
    dossierCode: { type: 'string' },
    issuedAt: { type: 'string', format: 'date-time' },
    signer: { type: 'string' },
  },
};

/** Public verification of signed results (api.md, Electronic results): no login, no personal data. */
@ApiTags('verify')
@Controller('verify')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Get(':code')
  @Access('public')
  @ApiOperation({ summary: 'An issued result by its verification code (no personal data)' })
  @ApiOkResponse({ schema: verificationSchema })
  @ApiNotFoundResponse({ description: 'No issued result has this code' })
  @ApiTooManyRequestsResponse({ description: 'Too many lookups from this address (Retry-After)' })
  byCode(@Param('code') code: string, @Ip() ip: string | undefined): Promise<VerificationDto> {
    return this.verification.byCode(code, ip ?? 'unknown');
  }

  @Post()
  @HttpCode(200)
  @Access('public')
  @ApiOperation({ summary: 'Check an uploaded PDF: its signature and that it is an issued result' })
  @ApiConsumes('multipart/form-data')
  @ApiOkResponse({ schema: fileVerificationSchema })
  @ApiTooManyRequestsResponse({ description: 'Too many checks from this address (Retry-After)' })
  file(@Req() req: Request, @Ip() ip: string | undefined): Promise<FileVerificationDto> {
    return this.verification.file(multipartUpload(req), ip ?? 'unknown');
  }
}
