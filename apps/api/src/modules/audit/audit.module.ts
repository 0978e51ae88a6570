import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AUDIT_KEY, resolveAuditKey } from './audit-key.js';
import { AuditService } from './audit.service.js';

/** The keyed audit chain, for the dossier workflow and `npm run audit:verify`. */
@Global()
@Module({
  providers: [
    { provide: AUDIT_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => resolveAuditKey(config) },
    AuditService,
  ],
  exports: [AuditService],
})
export class AuditModule {}
