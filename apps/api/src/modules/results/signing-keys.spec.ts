import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../../config/config.js';
import { DevPki } from './pki.js';
import { SigningKeys } from './signing-keys.service.js';

const AGENCY = { code: '000.30.01.H17', name: 'UBND phường Hải Châu' };

describe('SigningKeys: where an agency certificate comes from', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'motcua-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const config = (over: Partial<AppConfig>): AppConfig => ({
    ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }),
    ...over,
  });

  it('outside production: the first start makes the dev CA in DATA_DIR/pki (0600), then one P12 per agency, kept', () => {
    const keys = new SigningKeys(config({ env: 'development', signing: null }));
    keys.onApplicationBootstrap();
    const ca = path.join(dir, 'pki', 'dev-ca.p12');
    expect(existsSync(ca)).toBe(true);
    expect(statSync(ca).mode & 0o077).toBe(0);
    const first = keys.forAgency(AGENCY);
    expect(first.signer).toBe(`CN=${AGENCY.name}, O=${AGENCY.code}`);
    // A restart reads the same file rather than issuing a new certificate.
    const again = new SigningKeys(config({ env: 'development', signing: null })).forAgency(AGENCY);
    expect(again.p12.equals(first.p12)).toBe(true);
    expect(readFileSync(path.join(dir, 'pki', `${AGENCY.code}.p12`)).equals(first.p12)).toBe(true);
  });

  it('production without SIGNING_P12_DIR refuses to sign: 503 SIGNING_KEY_MISSING, nothing written', () => {
    const keys = new SigningKeys(config({ env: 'production', signing: null }));
    keys.onApplicationBootstrap();
    expect(() => keys.forAgency(AGENCY)).toThrow(expect.objectContaining({ status: 503, code: 'SIGNING_KEY_MISSING' }));
    expect(existsSync(path.join(dir, 'pki'))).toBe(false);
  });

  it('SIGNING_P12_DIR: the agency file with its passphrase; missing file or wrong passphrase is 503', () => {
    const p12Dir = path.join(dir, 'p12');
    mkdirSync(p12Dir);
    const made = new DevPki(path.join(dir, 'ca'), 'secret-pass').identity(AGENCY);
    writeFileSync(path.join(p12Dir, `${AGENCY.code}.p12`), made.p12);
    const ok = new SigningKeys(config({ env: 'production', signing: { p12Dir, passphrase: 'secret-pass' } }));
    expect(ok.forAgency(AGENCY).signer).toBe(`CN=${AGENCY.name}, O=${AGENCY.code}`);
    const wrong = new SigningKeys(config({ env: 'production', signing: { p12Dir, passphrase: 'nope' } }));
    expect(() => wrong.forAgency(AGENCY)).toThrow(expect.objectContaining({ status: 503 }));
    expect(() => ok.forAgency({ code: 'OTHER', name: 'Khác' })).toThrow(expect.objectContaining({ status: 503 }));
  });

  it('the environment names the folder and passphrase', () => {
    const c = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, SIGNING_P12_DIR: 'p12', SIGNING_P12_PASSWORD: 'pw' });
    expect(c.signing).toEqual({ p12Dir: path.resolve('p12'), passphrase: 'pw' });
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }).signing).toBeNull();
  });
});
