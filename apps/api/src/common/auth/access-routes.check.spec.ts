import { Controller, Get, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PERMISSIONS, type Permission } from '@motcua/shared';
import { Access } from './access.decorator.js';
import { AccessModule } from './access.module.js';

/** Boot an app holding only the access module and one controller; resolves when it started. */
async function boot(controller: new (...args: never[]) => unknown): Promise<void> {
  const moduleRef = await Test.createTestingModule({ imports: [AccessModule], controllers: [controller] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

@Controller('throwaway')
class OnePermissionEach {
  @Get()
  @Access('public')
  read() {}

  @Post()
  @Access('dossier.own')
  write() {}

  /** Not a route: needs no permission. */
  helper() {}
}

@Controller('throwaway')
class RouteWithout {
  @Get()
  @Access('public')
  read() {}

  @Post()
  forgotten() {}
}

@Controller('throwaway')
class RouteWithTwo {
  @Get()
  @Access('public')
  @Access('report.read')
  confused() {}
}

@Controller('throwaway')
class UnknownPermission {
  @Get()
  @Access('report.write' as Permission)
  typo() {}
}

describe('every route declares exactly one permission, or the app does not start', () => {
  it('starts when every route declares one', async () => {
    await expect(boot(OnePermissionEach)).resolves.toBeUndefined();
  });

  it('refuses to start with a route that declares none, naming it', async () => {
    await expect(boot(RouteWithout)).rejects.toThrow('RouteWithout.forgotten: no permission');
  });

  it('refuses to start with a route that declares two', async () => {
    await expect(boot(RouteWithTwo)).rejects.toThrow(
      /RouteWithTwo\.confused: (report\.read, public|public, report\.read)/,
    );
  });

  it('refuses to start with a permission the shared table does not hold', async () => {
    expect(PERMISSIONS).not.toContain('report.write');
    await expect(boot(UnknownPermission)).rejects.toThrow('UnknownPermission.typo: report.write');
  });
});
