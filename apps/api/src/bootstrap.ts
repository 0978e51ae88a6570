import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { answerClientErrorsAsProblems } from './common/client-error.js';
import { compressResponses } from './common/compress-responses.middleware.js';
import { compressedAssets, revalidateUnhashed } from './common/compressed-assets.js';
import { sendProblem, toProblem } from './common/problem.filter.js';
import { requestLogging } from './common/request-id.middleware.js';
import { encodedPageHtml } from './common/route-preloads.js';
import { refuseUnsafeBody, refuseUnsafeUrl } from './common/safe-input.middleware.js';

export const API_PREFIX = 'api/v1';

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/** Build the whole HTTP application (used by main.ts and by HTTP tests). */
export async function createApp(options: AppModuleOptions): Promise<NestExpressApplication> {
  const { config } = options;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1),
  });
  app.set('trust proxy', config.trustProxy);
  answerClientErrorsAsProblems(app.getHttpServer());
  app.use(requestLogging);
  // JSON answers are 9–15 KiB on the citizen pages: compressed, they cost a slow phone far less (bench/README.md).
  app.use('/api', compressResponses);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'upgrade-insecure-requests': null,
          'img-src': ["'self'", 'data:', 'blob:'],
          'frame-src': ["'self'", 'blob:'],
        },
      },
    }),
  );
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
  // Bad text is refused at the edge, before guards (the login's reads the body) and pipes.
  app.use(refuseUnsafeUrl);
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(refuseUnsafeBody);
  // Errors of these middlewares never reach Nest's filters: answer them as problem+json here.
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    sendProblem(res, toProblem(err, req.originalUrl));
  });
  app.setGlobalPrefix(API_PREFIX);

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('MotCua API')
      .setDescription('Electronic one-stop shop for public services (một cửa điện tử)')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  serveWeb(app, config.webDist);
  return app;
}

/** The built web app at `/`; client-side routes fall back to index.html, never /api. */
function serveWeb(app: NestExpressApplication, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.use(compressedAssets(webDist));
  app.useStaticAssets(webDist, {
    index: false,
    maxAge: '1y',
    immutable: true,
    setHeaders: revalidateUnhashed(webDist),
  });
  const page = encodedPageHtml(webDist);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    const { body, encoding } = page(req.path, req.headers['accept-encoding']);
    res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.type('html').send(body);
  });
}
