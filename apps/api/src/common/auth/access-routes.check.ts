import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { isPermission } from '@motcua/shared';
import { declaredAccess } from './access.decorator.js';

/**
 * Fail closed at boot: every controller route must declare exactly one permission of the shared
 * table. A route with none or two (or a name the table lacks) stops the app from starting, so a
 * forgotten decision never reaches a running server (the AccessGuard would refuse it anyway).
 */
@Injectable()
export class AccessRoutesCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const wrong: string[] = [];
    for (const { instance, metatype } of this.discovery.getControllers()) {
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, object>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue; // not a route
        const declared = declaredAccess(handler);
        if (declared.length !== 1 || !isPermission(declared[0])) {
          wrong.push(`${metatype.name}.${name}: ${declared.length ? declared.join(', ') : 'no permission'}`);
        }
      }
    }
    if (wrong.length) {
      throw new Error(`Every route declares exactly one permission (@Access); these do not: ${wrong.join('; ')}`);
    }
  }
}
