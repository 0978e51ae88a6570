import path from 'node:path';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { FileStorage, LocalFileStorage } from './file-storage.js';

/** The file store, local disk under `${DATA_DIR}/files`; inject `FileStorage`. */
@Module({
  providers: [
    {
      provide: FileStorage,
      useFactory: (config: AppConfig) => new LocalFileStorage(path.join(config.dataDir, 'files')),
      inject: [APP_CONFIG],
    },
  ],
  exports: [FileStorage],
})
export class FilesModule {}
