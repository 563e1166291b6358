import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ConfirmOidcLinkDocument, OidcProvidersDocument, useAuthSession } from '@crossroads/web-data-access';
import { alertClassName, FormAlert, TextField } from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';
import { oidcErrorMessage } from './oidc-messages.js';
import { LinkProblem } from './password-reset-pages.js';

/** The provider buttons under the sign-in form, and what went wrong on the way back (`?oidcError=`). */
export function OidcSignInOptions() {
  const { data } = useQuery(OidcProvidersDocument);
  const failure = new URLSearchParams(useLocation().search).get('oidcError');
  const providers = data?.oidcProviders ?? [];
  return (
    <>
      {failure ? (
        <div role="alert" className={alertClassName} data-testid="oidc-error">
          {oidcErrorMessage(failure)}
        </div>
      ) : null}
      {providers.length ? (
        <div className="oidc-options">
          <p className="muted">or</p>
          {providers.map((p) => (
            // A full page load: the API sends the browser on to the provider.
            <a key={p.id} href={`/auth/oidc/${encodeURIComponent(p.id)}`} className="button button--block">
              Sign in with {p.displayName}
            </a>
          ))}
        </div>
      ) : null}
    </>
  );
}

const FIELDS = ['password', 'token'] as const;

/** /sign-in/link?token=…&provider=…: the provider's email has an account here; its password links the two. */
export function OidcLinkPage() {
  const params = new URLSearchParams(useLocation().search);
  const token = params.get('token') ?? '';
  const { data } = useQuery(OidcProvidersDocument);
  const providerName = data?.oidcProviders.find((p) => p.id === params.get('provider'))?.displayName ?? 'the provider';
  const session = useAuthSession();
  const navigate = useNavigate();
  const [confirm] = useMutation(ConfirmOidcLinkDocument);
  const form = useForm({
    fields: FIELDS,
    initial: { password: '', token },
    validate: (v) => ({ password: v.password ? undefined : 'Enter the password of your Crossroads account.' }),
    submit: async (v) => {
      const { data: linked } = await confirm({ variables: { input: { token, password: v.password } } });
      if (!linked) throw new Error('confirmOidcLink returned no data');
      session.signIn(linked.confirmOidcLink);
      await navigate('/', { replace: true });
    },
  });
  const { setFormElement } = form;
  if (!token || form.errors.fields.token)
    return (
      <LinkProblem
        what="sign-in"
        reason={form.errors.fields.token}
        again={{ to: '/sign-in', label: 'Sign in again' }}
      />
    );
  return (
    <section className="auth-card" aria-labelledby="link-title">
      <title>Link your account · Crossroads</title>
      <h1 id="link-title">You already have an account</h1>
      <p>
        The email address from {providerName} belongs to a Crossroads account. Enter its password once to link them;
        from then on {providerName} signs you in.
      </p>
      <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate>
        <FormAlert message={form.errors.form} />
        <TextField
          name="password"
          label="Crossroads password"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.password}
          onChange={form.onChange}
          error={form.errors.fields.password}
        />
        <button type="submit" className="button button--large button--block" disabled={form.submitting}>
          {form.submitting ? 'Linking…' : 'Link and sign in'}
        </button>
      </form>
      <p className="auth-card__switch">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </section>
  );
}
