import path from 'node:path';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { FileStorage, LocalFileStorage } from './file-storage.js';
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
export class FilesModule {}
