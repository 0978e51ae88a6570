import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { Clock, SystemClock } from './common/clock.js';
import { AccessGuard } from './common/auth/access.guard.js';
import { AccessModule } from './common/auth/access.module.js';
import { ProblemFilter } from './common/problem.filter.js';
import { ShutdownHooks } from './common/shutdown/shutdown-hooks.js';
import { RateLimitService } from './common/rate-limit/rate-limit.service.js';
import { JobsModule } from './jobs/jobs.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { CatalogModule } from './modules/catalog/catalog.module.js';
import { DossiersModule } from './modules/dossiers/dossiers.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { PaymentsModule } from './modules/payments/payments.module.js';
import { QueueModule } from './modules/queue/queue.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { ResultsModule } from './modules/results/results.module.js';
import type { SlaNotifier } from './modules/sla/sla-notifier.js';
import { SlaModule } from './modules/sla/sla.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Tests pass a FixedClock. */
  clock?: Clock;
  /** Tests pass a recording notifier; by default the outbox (until the inbox binds SLA_NOTIFIER). */
  slaNotifier?: SlaNotifier;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, clock, slaNotifier }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          autoLoadEntities: true,
          synchronize: false,
          // The pool's role owns nothing and may not create extensions; migrations (as the owner) did.
          installExtensions: false,
          extra: { max: 20 },
        }),
        JobsModule.forRoot(databaseUrl),
        AccessModule,
        AuditModule,
        HealthModule,
        IdentityModule,
        CatalogModule,
        NotificationsModule.forRoot({ smsSandbox: config.sms?.sandbox ?? false }),
        DossiersModule,
        QueueModule,
        ReportsModule,
        PaymentsModule.forRoot({ sandbox: config.vnpay?.sandbox ?? false }),
        ResultsModule,
        SlaModule.forRoot({ notifier: slaNotifier, demo: config.env !== 'production' }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock ?? new SystemClock() },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        RateLimitService,
        ShutdownHooks,
      ],
      exports: [APP_CONFIG, Clock, RateLimitService, ShutdownHooks],
    };
  }
}
