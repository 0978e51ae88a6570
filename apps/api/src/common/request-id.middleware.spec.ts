import { loggableUrl } from './request-id.middleware.js';

describe('the request log line', () => {
  it('never holds a credential of the query string (the OIDC callback code, tokens)', () => {
    const logged = loggableUrl('/api/v1/auth/oidc/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj&iss=x');
    expect(logged).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
    expect(logged).not.toContain('af0ifjsldkj');
    expect(logged).toBe('/api/v1/auth/oidc/callback?code=***&state=***&iss=x');
    expect(loggableUrl('/x?access_token=abc&Refresh_Token=def')).toBe('/x?access_token=***&Refresh_Token=***');
  });

  it('keeps other URLs as they came', () => {
    expect(loggableUrl('/api/v1/dossiers?status=RECEIVED&page=2')).toBe('/api/v1/dossiers?status=RECEIVED&page=2');
    expect(loggableUrl('/api/v1/health')).toBe('/api/v1/health');
  });
});
