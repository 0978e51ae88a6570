import path from 'node:path';
import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { FileStorage, LocalFileStorage } from './file-storage.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { FileSweeper } from './file-sweeper.js';

/**
 * The file store, local disk under `${DATA_DIR}/files`; inject `FileStorage`. `FileSweeper` removes
 * what nothing references; modules that reference files register their check with it.
 */
@Module({
  providers: [
    {
      provide: FileStorage,
      useFactory: (config: AppConfig) => new LocalFileStorage(path.join(config.dataDir, 'files')),
      inject: [APP_CONFIG],
    },
    FileSweeper,
  ],
  exports: [FileStorage, FileSweeper],
})
export class FilesModule implements OnModuleInit {
  private readonly logger = new Logger('FileSweeper');

  constructor(
    private readonly jobs: JobsService,
    private readonly sweeper: FileSweeper,
  ) {}

  onModuleInit(): void {
    // Hourly, once across all API processes; a sweep is idempotent (it removes what is still unreferenced).
    this.jobs.define({
      name: 'files.sweep-orphans',
      cron: '17 * * * *',
      retryLimit: 2,
      expireInSeconds: 1800,
      handler: async (_data, { now }) => {
        const r = await this.sweeper.sweepOrphans(now);
        if (r.removed || r.partials)
          this.logger.log(`Removed ${r.removed} orphaned files and ${r.partials} partial uploads`);
        return r;
      },
    });
  }
}
