import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessRoutesCheck } from './access-routes.check.js';

/** The boot check that every route declares exactly one permission (the guard is the app's APP_GUARD). */
@Module({ imports: [DiscoveryModule], providers: [AccessRoutesCheck] })
export class AccessModule {}
