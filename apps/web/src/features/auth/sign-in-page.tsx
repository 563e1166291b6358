import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useSignIn } from '@crossroads/web-data-access';
import { FormAlert, TextField } from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';
import { SIGN_IN_FIELDS, validateSignIn } from './auth-validation.js';
import { returnPathFrom } from './return-path.js';

export function SignInPage() {
  const { user } = useCurrentUser();
  const { signIn } = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const next = returnPathFrom(location.search);

  const form = useForm({
    fields: SIGN_IN_FIELDS,
    initial: { email: '', password: '' },
    validate: validateSignIn,
    submit: async (values) => {
      await signIn({ email: values.email.trim(), password: values.password });
      await navigate(next, { replace: true });
    },
  });

  const { setFormElement } = form;
  if (user && !form.submitting) return <Navigate to={next} replace />;

  return (
    <section className="auth-card" aria-labelledby="sign-in-title">
      <title>Sign in · Crossroads</title>
      <h1 id="sign-in-title">Sign in</h1>
      <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate>
        <FormAlert message={form.errors.form} />
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={form.values.email}
          onChange={form.onChange}
          error={form.errors.fields.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.password}
          onChange={form.onChange}
          error={form.errors.fields.password}
        />
        <button type="submit" className="button button--large button--block" disabled={form.submitting}>
          {form.submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth-card__switch">
        New to Crossroads? <Link to={{ pathname: '/sign-up', search: location.search }}>Create an account</Link>
      </p>
    </section>
  );
}
