import { LIMITS } from '@crossroads/shared-domain';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useSignUp } from '@crossroads/web-data-access';
import { FormAlert, TextField } from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';
import { HINTS, SIGN_UP_FIELDS, normalizeSignUp, validateSignUp } from './auth-validation.js';
import { PasswordStrengthMeter } from './password-strength-meter.js';
import { returnPathFrom } from './return-path.js';

export function SignUpPage() {
  const { user } = useCurrentUser();
  const { signUp } = useSignUp();
  const navigate = useNavigate();
  const location = useLocation();
  const next = returnPathFrom(location.search);

  const form = useForm({
    fields: SIGN_UP_FIELDS,
    initial: { displayName: '', handle: '', email: '', password: '' },
    validate: (values) => validateSignUp(normalizeSignUp(values)),
    submit: async (values) => {
      await signUp(normalizeSignUp(values));
      await navigate(next, { replace: true });
    },
  });
  // A callback ref, destructured: render reads no ref through `form`.
  const { setFormElement } = form;

  if (user && !form.submitting) return <Navigate to={next} replace />;

  return (
    <section className="auth-card" aria-labelledby="sign-up-title">
      <title>Sign up · Crossroads</title>
      <h1 id="sign-up-title">Create your account</h1>
      <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate>
        <FormAlert message={form.errors.form} />
        <TextField
          name="displayName"
          label="Name"
          hint="Shown next to your questions and answers."
          autoComplete="name"
          required
          maxLength={LIMITS.displayName.max}
          value={form.values.displayName}
          onChange={form.onChange}
          error={form.errors.fields.displayName}
        />
        <TextField
          name="handle"
          label="Handle"
          hint={HINTS.handle}
          autoComplete="nickname"
          autoCapitalize="none"
          spellCheck={false}
          required
          minLength={LIMITS.handle.min}
          maxLength={LIMITS.handle.max}
          value={form.values.handle}
          onChange={form.onChange}
          error={form.errors.fields.handle}
        />
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          maxLength={LIMITS.email.max}
          value={form.values.email}
          onChange={form.onChange}
          error={form.errors.fields.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          hint={HINTS.password}
          autoComplete="new-password"
          required
          minLength={LIMITS.password.min}
          maxLength={LIMITS.password.max}
          value={form.values.password}
          onChange={form.onChange}
          error={form.errors.fields.password}
        />
        <PasswordStrengthMeter
          password={form.values.password}
          userInputs={[form.values.email, form.values.handle, form.values.displayName]}
        />
        <button type="submit" className="button button--large button--block" disabled={form.submitting}>
          {form.submitting ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="auth-card__switch">
        Already have an account? <Link to={{ pathname: '/sign-in', search: location.search }}>Sign in</Link>
      </p>
    </section>
  );
}
