import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Test } from '@nestjs/testing';
import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../../common/clock.js';
import { APP_CONFIG, loadConfig } from '../../config/config.js';
import { FileStorage, LocalFileStorage } from './file-storage.js';
import { JobsModule } from '../../jobs/jobs.module.js';
import { FilesModule } from './files.module.js';
import { storeUpload } from './store-upload.js';

const upload = (content: Buffer) => Readable.from([content.subarray(0, 3), content.subarray(3)], { objectMode: false });

describe('storeUpload', () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'motcua-upload-'));
    storage = new LocalFileStorage(root);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores a PDF with its type from the content, its sha256 and size', async () => {
    const pdf = Buffer.from('%PDF-1.4\n' + 'x'.repeat(5000));
    const stored = await storeUpload(storage, upload(pdf), 10_000);
    expect(stored).toEqual({
      mimeType: 'application/pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size: pdf.length,
    });
    expect(await storage.exists(stored.sha256)).toBe(true);
  });

  it('refuses an executable renamed .pdf with FILE_TYPE_NOT_ACCEPTED (415) and stores nothing', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]);
    const source = upload(elf);
    await expect(storeUpload(storage, source, 10_000)).rejects.toMatchObject({
      code: 'FILE_TYPE_NOT_ACCEPTED',
      status: 415,
    });
    expect(source.destroyed).toBe(true);
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a PNG over the document limit with FILE_TOO_LARGE (413)', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000)]);
    await expect(storeUpload(storage, upload(png), 1000)).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      status: 413,
    });
  });
});

describe('FilesModule', () => {
  it('provides a FileStorage under DATA_DIR/files', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-data-'));
    try {
      @Global()
      @Module({
        providers: [
          { provide: APP_CONFIG, useValue: loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, JOBS_ENABLED: 'false' }) },
          { provide: Clock, useValue: new SystemClock() },
        ],
        exports: [APP_CONFIG, Clock],
      })
      class ConfigModule {}
      // The job queue off (nothing sent or run): FilesModule only defines its hourly sweep.
      const moduleRef = await Test.createTestingModule({
        imports: [ConfigModule, JobsModule.forRoot('postgres://unused'), FilesModule],
      }).compile();
      const storage = moduleRef.get(FileStorage);
      const stored = await storage.put(upload(Buffer.from('%PDF-1.7')), { maxBytes: 100 });
      const h = stored.sha256;
      expect(await readdir(path.join(dataDir, 'files', h.slice(0, 2), h.slice(2, 4)))).toEqual([h]);
      await moduleRef.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
