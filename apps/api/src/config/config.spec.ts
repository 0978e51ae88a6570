import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives every variable its documented default', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demoData).toBe(true);
    expect(c.adminPassword).toBe('Admin@12345');
    expect(c.corsOrigins).toEqual([]);
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it('names each invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' });
    } catch (e) {
      expect(String(e)).toContain('PORT');
      expect(String(e)).toContain('DATABASE_URL');
    }
  });

  it('requires a JWT secret and turns demo data off in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), AUDIT_KEY: 'k'.repeat(32) });
    expect(c.demoData).toBe(false);
  });

  it('refuses production without an audit key; reads the restricted role’s URL', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(base)).toThrow(/AUDIT_KEY/);
    expect(loadConfig({ ...base, AUDIT_KEY_FILE: '/run/secrets/audit' }).auditKey).toEqual({
      file: '/run/secrets/audit',
    });
    const external = { ...base, AUDIT_KEY: 'k'.repeat(32), DATABASE_URL: 'postgres://owner:pw@db/motcua' };
    expect(loadConfig(external).databaseAppUrl).toBeUndefined();
    expect(loadConfig({ ...external, DATABASE_APP_URL: 'postgres://app:pw@db/motcua' }).databaseAppUrl).toBe(
      'postgres://app:pw@db/motcua',
    );
  });
});
