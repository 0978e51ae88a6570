import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OidcTestAccount {
  sub: string;
  /** Profile claims: SoDinhDanh, name, birthdate, LoA… */
  claims: Record<string, unknown>;
  /** Put in the ID token's `acr`. */
  acr?: string;
}

export interface OidcTestProvider {
  issuer: string;
  /** The account the next login completes with. */
  useAccount(account: OidcTestAccount): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Start a real oidc-provider in a child Node process (it is ESM-only; jest runs
 * CommonJS), with one confidential client. Resolves when it listens.
 */
export async function startOidcTestProvider(
  clientId: string,
  clientSecret: string,
  redirectUri: string,
): Promise<OidcTestProvider> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'oidc-provider-process.mjs');
  const child: ChildProcess = spawn(process.execPath, [script, clientId, clientSecret, redirectUri], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += String(d)));
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
    child.once('exit', (code) => reject(new Error(`OIDC test provider exited (${code}): ${stderr}`)));
  });
  return {
    issuer,
    async useAccount(account) {
      const res = await fetch(`${issuer}/__test/account`, { method: 'POST', body: JSON.stringify(account) });
      if (res.status !== 204) throw new Error(`OIDC test provider refused the account: ${res.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
