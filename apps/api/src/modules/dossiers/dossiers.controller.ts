import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import {
  attachmentDtoSchema,
  auditResponseSchema,
  createDossierResponseSchema,
  createDossierSchema,
  DOSSIER_STATUSES,
  dossierActionSchema,
  dossierDtoSchema,
  dossierListQuerySchema,
  dossierListResponseSchema,
  IDEMPOTENCY_KEY_HEADER,
  ratingDtoSchema,
  ratingSchema,
  submitDossierResponseSchema,
  submitDossierSchema,
  supplementDossierSchema,
  updateDossierSchema,
  withdrawDossierSchema,
  type AttachmentDto,
  type AuditResponse,
  type CreateDossierResponse,
  type DossierDto,
  type DossierListQuery,
  type DossierListResponse,
  type RatingDto,
  type SubmitDossierResponse,
} from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { AttachmentsService } from './attachments.service.js';
import { DossierDocumentsService, type PdfFile } from './dossier-documents.service.js';
import { DossiersService } from './dossiers.service.js';
import { attachmentUploadSchema, openApiSchema, pdfResponse } from './dossiers.openapi.js';
import { contentDisposition, multipartUpload } from './multipart-upload.js';

/** Personal documents: never cached by a shared cache or sniffed into another type. */
function privateFileHeaders(res: Response): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
}

function pdf(res: Response, file: PdfFile): StreamableFile {
  privateFileHeaders(res);
  return new StreamableFile(file.content, {
    type: 'application/pdf',
    length: file.content.length,
    disposition: contentDisposition('inline', file.fileName),
  });
}

/** api.md, "Dossiers". */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly dossiers: DossiersService,
    private readonly attachments: AttachmentsService,
    private readonly documents: DossierDocumentsService,
  ) {}

  @Post()
  @Access('dossier.own')
  @ApiOperation({ summary: 'Start a draft dossier for a procedure' })
  @ApiBody({ schema: openApiSchema(createDossierSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(createDossierResponseSchema) })
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createDossierSchema)) body: z.output<typeof createDossierSchema>,
  ): Promise<CreateDossierResponse> {
    return this.dossiers.createDraft(user, body);
  }

  @Get()
  @Access('dossier.read')
  @ApiOperation({ summary: 'A citizen’s own dossiers, or the dossiers of a staff member’s agency scope' })
  @ApiQuery({ name: 'status', required: false, enum: DOSSIER_STATUSES })
  @ApiQuery({ name: 'procedureCode', required: false, description: 'Only this procedure’s dossiers' })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 100, default 20' })
  @ApiOkResponse({ schema: openApiSchema(dossierListResponseSchema) })
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(dossierListQuerySchema)) query: DossierListQuery,
  ): Promise<DossierListResponse> {
    return this.dossiers.list(user, query);
  }

  @Get(':id')
  @Access('dossier.read')
  @ApiOkResponse({ schema: openApiSchema(dossierDtoSchema) })
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<DossierDto> {
    return this.dossiers.getDetail(id, user);
  }

  @Patch(':id')
  @Access('dossier.own')
  @ApiOperation({ summary: 'Edit a draft (form data checked for shape only)' })
  @ApiBody({ schema: openApiSchema(updateDossierSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(dossierDtoSchema) })
  update(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(updateDossierSchema)) body: z.output<typeof updateDossierSchema>,
  ): Promise<DossierDto> {
    return this.dossiers.updateDraft(id, user, body);
  }

  @Post(':id/attachments')
  @Access('dossier.own')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: attachmentUploadSchema })
  @ApiCreatedResponse({ schema: openApiSchema(attachmentDtoSchema) })
  upload(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: Request): Promise<AttachmentDto> {
    return this.attachments.upload(id, user, multipartUpload(req));
  }

  @Get(':id/attachments/:attachmentId')
  @Access('dossier.read')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  async download(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.download(id, attachmentId, user);
    privateFileHeaders(res);
    return new StreamableFile(stream, {
      type: attachment.mimeType,
      length: attachment.size,
      disposition: contentDisposition('attachment', attachment.fileName),
    });
  }

  @Delete(':id/attachments/:attachmentId')
  @HttpCode(204)
  @Access('dossier.own')
  @ApiOperation({ summary: 'Remove a file from a draft before sending it (our addition to the contract)' })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeAttachment(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.attachments.remove(id, attachmentId, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Access('dossier.own')
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: 'A unique key per submission' })
  @ApiBody({ required: false, schema: openApiSchema(submitDossierSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(submitDossierResponseSchema) })
  submit(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Headers(IDEMPOTENCY_KEY_HEADER.toLowerCase()) key: string | undefined,
    @Body(new ZodPipe(submitDossierSchema)) body: z.output<typeof submitDossierSchema>,
  ): Promise<SubmitDossierResponse> {
    return this.dossiers.submit(id, user, key, body);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @Access('dossier.act')
  @ApiOperation({ summary: 'A staff action on the dossier (the shared transition table decides)' })
  @ApiBody({ schema: openApiSchema(dossierActionSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(dossierDtoSchema) })
  act(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(dossierActionSchema)) body: z.output<typeof dossierActionSchema>,
  ): Promise<DossierDto> {
    return this.dossiers.takeAction(id, user, body);
  }

  @Post(':id/supplement')
  @HttpCode(200)
  @Access('dossier.own')
  @ApiOperation({ summary: 'The applicant hands in the requested supplement; the clock restarts' })
  @ApiBody({ schema: openApiSchema(supplementDossierSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(dossierDtoSchema) })
  supplement(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(supplementDossierSchema)) body: z.output<typeof supplementDossierSchema>,
  ): Promise<DossierDto> {
    return this.dossiers.applicantAction(id, user, 'supplement', body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Access('dossier.own')
  @ApiBody({ schema: openApiSchema(withdrawDossierSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(dossierDtoSchema) })
  withdraw(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(withdrawDossierSchema)) body: z.output<typeof withdrawDossierSchema>,
  ): Promise<DossierDto> {
    return this.dossiers.applicantAction(id, user, 'withdraw', body);
  }

  @Post(':id/rating')
  @Access('dossier.own')
  @ApiBody({ schema: openApiSchema(ratingSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(ratingDtoSchema) })
  rate(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(ratingSchema)) body: z.output<typeof ratingSchema>,
  ): Promise<RatingDto> {
    return this.dossiers.rate(id, user, body);
  }

  @Get(':id/receipt.pdf')
  @Access('dossier.read')
  @ApiOperation({ summary: 'The receipt and appointment slip (phiếu tiếp nhận và hẹn trả kết quả)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(pdfResponse)
  @ApiHeader({
    name: 'Claim-Code',
    required: false,
    description: 'The desk, right after intake: the claim code to print (only the dossier’s unspent code is printed)',
  })
  async receipt(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
    @Headers('claim-code') claimCode?: string,
  ): Promise<StreamableFile> {
    return pdf(res, await this.documents.receipt(id, user, claimCode));
  }

  @Get(':id/audit')
  @Access('audit.read')
  @ApiOperation({ summary: 'The timeline’s hash chain, checked' })
  @ApiOkResponse({ schema: openApiSchema(auditResponseSchema) })
  audit(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AuditResponse> {
    return this.dossiers.audit(id, user);
  }
}
