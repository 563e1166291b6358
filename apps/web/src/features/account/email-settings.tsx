import { FormAlert, TextField, alertClassName } from '@crossroads/web-ui';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  MyProfileDocument,
  RequestEmailChangeDocument,
  ResendVerificationEmailDocument,
  formErrorsFrom,
} from '@crossroads/web-data-access';
import { useForm } from '../../ui/use-form.js';
import { validateEmail } from '../auth/auth-validation.js';

const CHANGE_FIELDS = ['newEmail', 'password'] as const;

/** /settings/email: the address, whether it is verified, a new verification link, and a change of address. */
export function EmailSettings() {
  const { data } = useQuery(MyProfileDocument);
  const [resend, { loading }] = useMutation(ResendVerificationEmailDocument);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  const me = data?.me;
  return (
    <section aria-labelledby="email-title">
      <title>Email settings · Crossroads</title>
      <h1 id="email-title">Email</h1>
      {me ? (
        <>
          <p>
            Your address: <strong data-testid="email-address">{me.email}</strong>{' '}
            {me.emailVerified ? (
              <span className="badge">Verified</span>
            ) : (
              <span className="badge badge--warning">Not verified yet</span>
            )}
          </p>
          {me.emailVerified ? null : (
            <>
              <p className="muted">Follow the link we emailed you to confirm the address is yours.</p>
              <button
                type="button"
                className="button"
                disabled={loading}
                onClick={() =>
                  void resend().then(
                    () => setStatus({ text: `A new link is on its way to ${me.email}.`, problem: false }),
                    (e: unknown) =>
                      setStatus({
                        text: formErrorsFrom(e, [] as const).form ?? 'The link could not be sent.',
                        problem: true,
                      }),
                  )
                }
              >
                Send a new verification link
              </button>
            </>
          )}
          <p role="status" className={status?.problem ? alertClassName : 'settings__status'}>
            {status?.text ?? ''}
          </p>
          <ChangeEmailForm />
        </>
      ) : null}
    </section>
  );
}

/** The address changes only once the link sent to the new one is followed. */
export function ChangeEmailForm() {
  const [request] = useMutation(RequestEmailChangeDocument);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    fields: CHANGE_FIELDS,
    initial: { newEmail: '', password: '' },
    validate: (v) => ({
      newEmail: validateEmail(v.newEmail.trim()),
      password: v.password ? undefined : 'Enter your current password.',
    }),
    submit: async (v) => {
      setSentTo(null);
      const newEmail = v.newEmail.trim().toLowerCase();
      await request({ variables: { input: { newEmail, password: v.password } } });
      form.reset();
      setSentTo(newEmail);
    },
  });
  const { setFormElement } = form;
  return (
    <form
      ref={setFormElement}
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="settings-form"
      aria-labelledby="change-email-title"
    >
      <h2 id="change-email-title">Change address</h2>
      <FormAlert message={form.errors.form} />
      <TextField
        name="newEmail"
        label="New address"
        type="email"
        autoComplete="email"
        required
        value={form.values.newEmail}
        onChange={form.onChange}
        error={form.errors.fields.newEmail}
      />
      <TextField
        name="password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={form.values.password}
        onChange={form.onChange}
        error={form.errors.fields.password}
      />
      <p className="muted">
        We email a link to the new address; your address changes when you follow it, within an hour.
      </p>
      <button type="submit" className="button" disabled={form.submitting}>
        {form.submitting ? 'Sending…' : 'Change address'}
      </button>
      <p role="status" className="settings__status">
        {sentTo ? `Check ${sentTo}: follow the link there to switch to it.` : ''}
      </p>
    </form>
  );
}
