// A real OpenID Connect provider (oidc-provider 9) standing in for the national
// digital-ID SSO (VNeID) in tests. Run as its own Node process, because
// oidc-provider is ESM-only and jest runs in CommonJS (see oidc-test-provider.ts).
//
//   node oidc-provider-process.mjs <clientId> <clientSecret> <redirectUri>
//
// Prints `{"port": N}` on stdout when ready. Interactions (login, consent) complete
// on their own with the "current" account, which the test sets beforehand with
// POST /__test/account {sub, claims, acr?}.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const [clientId, clientSecret, redirectUri] = process.argv.slice(2);
if (!clientId || !clientSecret || !redirectUri) {
  console.error('usage: oidc-provider-process.mjs <clientId> <clientSecret> <redirectUri>');
  process.exit(2);
}

/** sub -> claims */
const accounts = new Map();
let current = null;

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: ['test-cookie-key-not-secret'] },
  acrValues: ['urn:vneid:loa:1', 'urn:vneid:loa:2'],
  // VNeID-like claims: the 12-digit national ID (SoDinhDanh) and an assurance level.
  claims: {
    openid: ['sub', 'acr'],
    profile: ['name', 'birthdate', 'SoDinhDanh', 'national_id', 'LoA'],
  },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (_ctx, sub) => {
    const claims = accounts.get(sub);
    if (!claims) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...claims }) };
  },
});

// Auto-complete the login and consent prompts with the current account.
provider.use(async (ctx, next) => {
  if (ctx.path === '/__test/account' && ctx.method === 'POST') {
    const body = await new Promise((resolve) => {
      let s = '';
      ctx.req.on('data', (c) => (s += c));
      ctx.req.on('end', () => resolve(JSON.parse(s)));
    });
    accounts.set(body.sub, body.claims);
    current = body;
    ctx.status = 204;
    return;
  }
  if (ctx.path.startsWith('/interaction/')) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (!current) {
      ctx.status = 500;
      ctx.body = 'no current account';
      return;
    }
    let result;
    if (details.prompt.name === 'login') {
      result = { login: { accountId: current.sub, ...(current.acr ? { acr: current.acr } : {}) } };
    } else {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope(String(details.params.scope));
      result = { consent: { grantId: await grant.save() } };
    }
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: true });
    ctx.status = 303;
    ctx.redirect(returnTo);
    return;
  }
  await next();
});

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ port, issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
