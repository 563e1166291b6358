import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** What the provider says about a person it signs in. */
export interface ProviderAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
  preferred_username?: string;
}

/** What happens at the provider's login step: a person signs in, or they press "Cancel". */
export type ProviderChoice = { login: string } | 'deny';

/**
 * A real OpenID provider (the `oidc-provider` package) on a local port, with one confidential
 * client. Its login step is automatic: `next` says who signs in (or that the person refuses).
 */
export class TestOidcProvider {
  readonly accounts = new Map<string, ProviderAccount>();
  next: ProviderChoice = 'deny';
  private server: Server | undefined;
  private provider: Provider | undefined;
  issuer = '';
  readonly clientId = 'crossroads-test';
  readonly clientSecret = randomBytes(24).toString('base64url');

  /** Binds the port first (so the app can be configured with the issuer), then `configure` once the redirect URI is known. */
  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      if (!this.provider) {
        res.statusCode = 503;
        res.end();
        return;
      }
      if (req.url?.startsWith('/interaction/')) {
        this.interact(req, res).catch((e: unknown) => {
          res.statusCode = 500;
          res.end(String(e));
        });
        return;
      }
      this.provider.callback()(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.issuer = `http://127.0.0.1:${port}`;
    return this.issuer;
  }

  configure(redirectUri: string): void {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const accounts = this.accounts;
    const config: Configuration = {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: {
        keys: [{ ...(privateKey.export({ format: 'jwk' }) as object), kid: 'test', use: 'sig', alg: 'RS256' } as never],
      },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      pkce: { required: () => true },
      // Set explicitly so the provider does not print a notice per artifact.
      ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
      findAccount: (_ctx, id) => {
        const account = accounts.get(id);
        return account ? { accountId: id, claims: () => ({ ...account }) } : undefined;
      },
      // First-party client: consent is implied, so the only interaction is the login step.
      loadExistingGrant: async (ctx) => {
        const grant = new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client!.clientId,
          accountId: ctx.oidc.session!.accountId!,
        });
        grant.addOIDCScope('openid email profile');
        await grant.save();
        return grant;
      },
    };
    this.provider = new Provider(this.issuer, config);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async interact(
    req: Parameters<Provider['interactionDetails']>[0],
    res: Parameters<Provider['interactionDetails']>[1],
  ): Promise<void> {
    const provider = this.provider!;
    await provider.interactionDetails(req, res);
    const choice = this.next;
    const result =
      choice === 'deny'
        ? { error: 'access_denied', error_description: 'The person cancelled.' }
        : { login: { accountId: choice.login } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
}

/** A port nothing listens on right now (the app under test needs its address before it starts). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A browser's cookies, per origin (paths ignored: sending a cookie too many is harmless here). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? new Map<string, string>()).entries()]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }

  get(origin: string, name: string): string | undefined {
    return this.byOrigin.get(origin)?.get(name);
  }

  take(url: URL, res: Response): void {
    const jar = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, jar);
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired =
        attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()) ||
        attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
  }
}

/**
 * Follows redirects like a browser until one leaves for `stopAt` (the web app's pages), or until
 * `stopWhen` says so; returns that address. Cookies go into and come from `jar`.
 */
export async function followRedirects(start: string, jar: CookieJar, stop: (url: URL) => boolean): Promise<URL> {
  let url = new URL(start);
  for (let hop = 0; hop < 20; hop += 1) {
    if (stop(url)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.take(url, res);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location)
      throw new Error(`${url.href} answered ${res.status} without a redirect: ${await res.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}
