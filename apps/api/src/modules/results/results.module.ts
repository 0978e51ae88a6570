import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { FilesModule } from '../files/files.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ResultsController } from './results.controller.js';
import { ResultsService } from './results.service.js';
import { SigningKeys } from './signing-keys.service.js';
import { VerificationController } from './verification.controller.js';
import { VerificationService } from './verification.service.js';

/**
 * Electronic results (issue 14): upload, signing with the agency's certificate, download and
 * public verification. Depends on dossiers (its transition hooks); dossiers never imports it.
 */
@Module({
  imports: [CatalogModule, DossiersModule, FilesModule, IdentityModule],
  controllers: [ResultsController, VerificationController],
  providers: [ResultsService, SigningKeys, VerificationService],
  exports: [ResultsService, SigningKeys],
})
export class ResultsModule {}
