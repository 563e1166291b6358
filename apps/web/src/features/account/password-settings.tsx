import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { LIMITS } from '@crossroads/shared-domain';
import { ChangePasswordDocument, MySignInMethodsDocument } from '@crossroads/web-data-access';
import { FormAlert, TextField } from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';
import { HINTS } from '../auth/auth-validation.js';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** /settings/password: the current password is required; every other session ends. */
export function PasswordSettings() {
  const { data } = useQuery(MySignInMethodsDocument);
  const [change] = useMutation(ChangePasswordDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    fields: FIELDS,
    initial: { currentPassword: '', newPassword: '' },
    validate: (v) => ({
      currentPassword: v.currentPassword ? undefined : 'Enter your current password.',
      newPassword:
        v.newPassword.length < LIMITS.password.min || v.newPassword.length > LIMITS.password.max
          ? `Use ${LIMITS.password.min} to ${LIMITS.password.max} characters.`
          : undefined,
    }),
    submit: async (v) => {
      setSaved(false);
      await change({ variables: { input: v } });
      form.reset();
      setSaved(true);
    },
  });
  const { setFormElement } = form;
  if (data && !data.mySignInMethods.hasPassword) {
    return (
      <section aria-labelledby="password-title">
        <title>Password · Crossroads</title>
        <h1 id="password-title">Password</h1>
        <p>
          You sign in with a provider and have no password yet. To set one, use{' '}
          <Link to="/forgot-password">Forgot password</Link> with your email address.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="password-title">
      <title>Password · Crossroads</title>
      <h1 id="password-title">Password</h1>
      <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate className="settings-form">
        <FormAlert message={form.errors.form} />
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.currentPassword}
          onChange={form.onChange}
          error={form.errors.fields.currentPassword}
        />
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
        <p className="muted">Your other devices will be signed out; this one stays signed in.</p>
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Change password'}
        </button>
        <p role="status" className="settings__status">
          {saved ? 'Your password is changed. Other sessions were signed out.' : ''}
        </p>
      </form>
    </section>
  );
}
