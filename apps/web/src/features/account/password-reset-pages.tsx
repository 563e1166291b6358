import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { LIMITS } from '@crossroads/shared-domain';
import { RequestPasswordResetDocument, ResetPasswordDocument, useAuthSession } from '@crossroads/web-data-access';
import { FormAlert, TextField } from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';
import { HINTS, validateEmail } from '../auth/auth-validation.js';

const EMAIL_FIELDS = ['email'] as const;
const RESET_FIELDS = ['newPassword', 'token'] as const;

/** /forgot-password: asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [request] = useMutation(RequestPasswordResetDocument);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    fields: EMAIL_FIELDS,
    initial: { email: '' },
    validate: (v) => ({ email: validateEmail(v.email.trim()) }),
    submit: async (v) => {
      await request({ variables: { email: v.email.trim().toLowerCase() } });
      setSentTo(v.email.trim());
    },
  });
  const { setFormElement } = form;
  return (
    <section className="auth-card" aria-labelledby="forgot-title">
      <title>Forgot your password · Crossroads</title>
      <h1 id="forgot-title">Forgot your password?</h1>
      {sentTo ? (
        <p role="status" data-testid="reset-requested">
          If <strong>{sentTo}</strong> belongs to an account, a link to choose a new password is on its way. It works
          once, for one hour.
        </p>
      ) : (
        <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate>
          <p className="muted">
            Enter the email address of your account and we will send a link to choose a new password.
          </p>
          <FormAlert message={form.errors.form} />
          <TextField
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={form.values.email}
            onChange={form.onChange}
            error={form.errors.fields.email}
          />
          <button type="submit" className="button button--large button--block" disabled={form.submitting}>
            {form.submitting ? 'Sending…' : 'Send the link'}
          </button>
        </form>
      )}
      <p className="auth-card__switch">
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </section>
  );
}

/** /reset-password?token=…: chooses a new password from the emailed link; every other session ends. */
export function ResetPasswordPage() {
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const session = useAuthSession();
  const navigate = useNavigate();
  const [reset] = useMutation(ResetPasswordDocument);
  const form = useForm({
    fields: RESET_FIELDS,
    initial: { newPassword: '', token },
    validate: (v) => ({
      newPassword:
        v.newPassword.length < LIMITS.password.min || v.newPassword.length > LIMITS.password.max
          ? `Use ${LIMITS.password.min} to ${LIMITS.password.max} characters.`
          : undefined,
    }),
    submit: async (v) => {
      const { data } = await reset({ variables: { input: { token, newPassword: v.newPassword } } });
      if (!data) throw new Error('resetPassword returned no data');
      session.signIn(data.resetPassword);
      await navigate('/settings/sessions?reset=1', { replace: true });
    },
  });
  const { setFormElement } = form;
  if (!token)
    return <LinkProblem what="password reset" again={{ to: '/forgot-password', label: 'Ask for a new link' }} />;
  // An expired or used link: the form's error names the token; say it plainly and offer a new one.
  if (form.errors.fields.token)
    return (
      <LinkProblem
        what="password reset"
        reason={form.errors.fields.token}
        again={{ to: '/forgot-password', label: 'Ask for a new link' }}
      />
    );
  return (
    <section className="auth-card" aria-labelledby="reset-title">
      <title>Choose a new password · Crossroads</title>
      <h1 id="reset-title">Choose a new password</h1>
      <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate>
        <FormAlert message={form.errors.form} />
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint={HINTS.password}
          value={form.values.newPassword}
          onChange={form.onChange}
          error={form.errors.fields.newPassword}
        />
        <p className="muted">Every device signed in to your account will be signed out.</p>
        <button type="submit" className="button button--large button--block" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save the new password'}
        </button>
      </form>
    </section>
  );
}

/** An emailed link that cannot be used (missing, expired, already used): say so, and how to get another. */
export function LinkProblem({
  what,
  reason,
  again,
}: {
  what: string;
  reason?: string;
  again: { to: string; label: string };
}) {
  return (
    <section className="message-page" aria-labelledby="link-problem-title">
      <title>{`This link no longer works · Crossroads`}</title>
      <h1 id="link-problem-title">This {what} link no longer works</h1>
      <p data-testid="link-problem">
        {reason ?? 'The link is incomplete: open it again from the email, or ask for a new one.'}
      </p>
      <p>
        <Link to={again.to} className="button">
          {again.label}
        </Link>
      </p>
    </section>
  );
}
