import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { ACCOUNT_DELETION } from '@crossroads/shared-domain';
import { DeleteAccountDocument, MySignInMethodsDocument, useSignOut } from '@crossroads/web-data-access';
import { alertClassName, FormAlert, TextField } from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';

const FIELDS = ['password'] as const;

/** /settings/delete: the password again; signing in within the grace period undoes it. */
export function DeleteAccountSettings() {
  const [remove] = useMutation(DeleteAccountDocument);
  const { data } = useQuery(MySignInMethodsDocument);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const form = useForm({
    fields: FIELDS,
    initial: { password: '' },
    validate: (v) => ({ password: v.password ? undefined : 'Enter your password to confirm.' }),
    submit: async (v) => {
      await remove({ variables: { input: { password: v.password } } });
      await signOut();
      await navigate('/account-deleted', { replace: true });
    },
  });
  const { setFormElement } = form;
  return (
    <section aria-labelledby="delete-title">
      <title>Delete account · Crossroads</title>
      <h1 id="delete-title">Delete your account</h1>
      <p>
        You will be signed out everywhere. For {ACCOUNT_DELETION.graceDays} days you can change your mind by signing in
        again. After that your email, name, bio, avatar and sessions are erased; your questions and answers stay, shown
        as written by a deleted user, and your mentor profile and open mentorships end.
      </p>
      {data && !data.mySignInMethods.hasPassword ? (
        <p className={alertClassName}>
          Deleting needs your password, and you sign in with a provider only. Set a password first with{' '}
          <Link to="/forgot-password">Forgot password</Link>.
        </p>
      ) : null}
      <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate className="settings-form">
        <FormAlert message={form.errors.form} />
        <TextField
          name="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.password}
          onChange={form.onChange}
          error={form.errors.fields.password}
        />
        <button type="submit" className="button button--danger" disabled={form.submitting}>
          {form.submitting ? 'Deleting…' : 'Delete my account'}
        </button>
      </form>
    </section>
  );
}

export function AccountDeletedPage() {
  return (
    <section className="message-page">
      <title>Account deleted · Crossroads</title>
      <h1>Your account will be deleted</h1>
      <p>
        You are signed out. Sign in within {ACCOUNT_DELETION.graceDays} days to keep your account; after that it is
        erased.
      </p>
    </section>
  );
}
