// A real OpenID provider (the `oidc-provider` package) for the browser tests, with a plain login
// page: type an email and Continue (the email is the account; one starting with "unverified" has
// email_verified false), or Cancel (access_denied). Its id in the API's config is `test-id`.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

export const OIDC_PROVIDER_ID = 'test-id';

export async function startOidcProvider() {
  let provider;
  const server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      interaction(provider, req, res).catch((e) => {
        res.statusCode = 500;
        res.end(String(e));
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const clientId = 'crossroads-e2e';
  const clientSecret = randomBytes(24).toString('base64url');

  return {
    issuer,
    clientId,
    clientSecret,
    /** Called once the API's address (and so its callback) is known. */
    configure(redirectUri) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'e2e', use: 'sig', alg: 'RS256' }] },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        pkce: { required: () => true },
        ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
        findAccount: (_ctx, id) => ({
          accountId: id,
          claims: () => ({
            sub: id,
            email: id,
            email_verified: !id.startsWith('unverified'),
            name: `${id.split('@')[0]} (provider)`,
          }),
        }),
        loadExistingGrant: async (ctx) => {
          const grant = new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client.clientId,
            accountId: ctx.oidc.session.accountId,
          });
          grant.addOIDCScope('openid email profile');
          await grant.save();
          return grant;
        },
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function interaction(provider, req, res) {
  await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><title>Test ID</title><h1>Sign in to Test ID</h1>
<form method="post"><label>Email <input name="email" type="email" required></label>
<button type="submit" name="action" value="continue">Continue</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button></form></html>`);
    return;
  }
  const body = new URLSearchParams(
    await new Promise((resolve) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => resolve(text));
    }),
  );
  const result =
    body.get('action') === 'cancel'
      ? { error: 'access_denied', error_description: 'Cancelled.' }
      : { login: { accountId: body.get('email') } };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}
