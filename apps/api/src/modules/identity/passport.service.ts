import { Injectable } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { Passport } from 'passport';
import { JwtStrategy } from './jwt.strategy.js';
import { LocalStrategy } from './local.strategy.js';

/**
 * The identity module's passport, with its 'jwt' and 'local' strategies. A passport of its
 * own rather than the package's global one: the strategies hold this app's config and
 * Clock, and two apps in one process (tests) must not authenticate with each other's.
 */
@Injectable()
export class PassportService {
  private readonly passport = new Passport();

  constructor(jwt: JwtStrategy, local: LocalStrategy) {
    this.passport.use(jwt);
    this.passport.use(local);
  }

  /**
   * Run one strategy on a request, without a session: the user it authenticates, or null
   * when it refuses the credentials. A strategy's error (e.g. a coded AppError thrown by
   * validate()) rejects.
   */
  authenticate<U>(strategy: 'jwt' | 'local', req: Request, res: Response): Promise<U | null> {
    return new Promise((resolve, reject) => {
      const middleware = this.passport.authenticate(strategy, { session: false }, (err: unknown, user: unknown) => {
        if (err)
          reject(err instanceof Error ? err : new Error(`Passport strategy '${strategy}' failed`, { cause: err }));
        else resolve((user || null) as U | null);
      }) as RequestHandler;
      // Passport calls next only when a strategy passes or is unknown, neither of which should happen here.
      void middleware(req, res, (err?: unknown) =>
        reject(err instanceof Error ? err : new Error(`Passport strategy '${strategy}' did not decide`)),
      );
    });
  }
}
