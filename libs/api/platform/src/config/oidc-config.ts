/** One OpenID Connect provider people may sign in with (OIDC_PROVIDERS and its OIDC_<ID>_* variables). */
export interface OidcProviderConfig {
  /** Lower-case id used in URLs: `/auth/oidc/<id>`. */
  id: string;
  /** Shown on the sign-in button ("Sign in with …"). */
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

/**
 * `OIDC_PROVIDERS=google,corp` names the providers; each needs `OIDC_<ID>_ISSUER`, `_CLIENT_ID` and
 * `_CLIENT_SECRET`, and may have `_NAME`. An `http:` issuer is refused in production (tokens in the clear).
 */
export function readOidcProviders(
  value: (name: string) => string | undefined,
  isProduction: boolean,
  problems: string[],
): OidcProviderConfig[] {
  const list = value('OIDC_PROVIDERS');
  if (!list) return [];
  const providers: OidcProviderConfig[] = [];
  for (const raw of list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    if (!ID_PATTERN.test(raw)) {
      problems.push(`OIDC_PROVIDERS: "${raw}" is not a valid id (a–z, 0–9 and -, up to 32 characters)`);
      continue;
    }
    if (providers.some((p) => p.id === raw)) {
      problems.push(`OIDC_PROVIDERS names "${raw}" twice`);
      continue;
    }
    const prefix = `OIDC_${raw.toUpperCase().replace(/-/g, '_')}_`;
    const issuer = value(`${prefix}ISSUER`);
    const clientId = value(`${prefix}CLIENT_ID`);
    const clientSecret = value(`${prefix}CLIENT_SECRET`);
    if (!issuer || !clientId || !clientSecret) {
      const missing = Object.entries({ ISSUER: issuer, CLIENT_ID: clientId, CLIENT_SECRET: clientSecret }).filter(
        ([, v]) => !v,
      );
      problems.push(`${missing.map(([k]) => prefix + k).join(', ')} must be set for the OIDC provider "${raw}"`);
      continue;
    }
    const protocol = URL.canParse(issuer) ? new URL(issuer).protocol : '';
    if (!['https:', 'http:'].includes(protocol) || (isProduction && protocol !== 'https:')) {
      problems.push(
        `${prefix}ISSUER must be an https:// URL${isProduction ? '' : ' (http:// only outside production)'}`,
      );
      continue;
    }
    providers.push({ id: raw, displayName: value(`${prefix}NAME`) ?? raw, issuer, clientId, clientSecret });
  }
  return providers;
}
