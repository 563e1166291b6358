import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ConfirmEmailChangeDocument, formErrorsFrom, useCurrentUser } from '@crossroads/web-data-access';
import { LinkProblem } from './password-reset-pages.js';

/** /confirm-email?token=…: the change-of-address link, sent to the new address; it works signed in or not. */
export function ConfirmEmailPage() {
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const { user } = useCurrentUser();
  const [confirm] = useMutation(ConfirmEmailChangeDocument);
  const [state, setState] = useState<
    { kind: 'pending' } | { kind: 'done'; email: string | null } | { kind: 'failed'; reason: string }
  >({ kind: 'pending' });
  // The link is single-use: a second effect run (Strict Mode) must not spend it again.
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    confirm({ variables: { token } }).then(
      (res) => setState({ kind: 'done', email: res.data?.confirmEmailChange.email ?? null }),
      (e: unknown) => {
        const errors = formErrorsFrom(e, ['token'] as const);
        setState({ kind: 'failed', reason: errors.fields.token ?? errors.form ?? 'The link could not be used.' });
      },
    );
  }, [token, confirm]);

  const again = user
    ? { to: '/settings/email', label: 'Ask for a new link' }
    : { to: '/sign-in?next=%2Fsettings%2Femail', label: 'Sign in to ask for a new link' };
  if (!token) return <LinkProblem what="change of address" again={again} />;
  if (state.kind === 'failed') return <LinkProblem what="change of address" reason={state.reason} again={again} />;
  return (
    <section className="message-page" aria-labelledby="confirm-email-title">
      <title>Confirm your new address · Crossroads</title>
      <h1 id="confirm-email-title">
        {state.kind === 'done' ? 'Your email address is changed' : 'Changing your email address…'}
      </h1>
      {state.kind === 'done' ? (
        <p role="status">
          {state.email ? `From now on we write to ${state.email}. ` : ''}
          <Link to="/">Go to the questions</Link>
        </p>
      ) : null}
    </section>
  );
}
