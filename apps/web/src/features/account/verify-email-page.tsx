import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { VerifyEmailDocument, formErrorsFrom, useCurrentUser } from '@crossroads/web-data-access';
import { LinkProblem } from './password-reset-pages.js';

/** /verify-email?token=…: the link is the credential, so it works signed in or not. */
export function VerifyEmailPage() {
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const { user } = useCurrentUser();
  const [verify] = useMutation(VerifyEmailDocument);
  const [state, setState] = useState<{ kind: 'pending' } | { kind: 'done' } | { kind: 'failed'; reason: string }>({
    kind: 'pending',
  });
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    verify({ variables: { token } }).then(
      () => setState({ kind: 'done' }),
      (e: unknown) =>
        setState({
          kind: 'failed',
          reason:
            formErrorsFrom(e, ['token'] as const).fields.token ??
            formErrorsFrom(e, ['token'] as const).form ??
            'The link could not be used.',
        }),
    );
  }, [token, verify]);

  const again = user
    ? { to: '/settings/email', label: 'Send a new link' }
    : { to: '/sign-in?next=%2Fsettings%2Femail', label: 'Sign in to get a new link' };
  if (!token) return <LinkProblem what="verification" again={again} />;
  if (state.kind === 'failed') return <LinkProblem what="verification" reason={state.reason} again={again} />;
  return (
    <section className="message-page" aria-labelledby="verify-title">
      <title>Verify your email · Crossroads</title>
      <h1 id="verify-title">
        {state.kind === 'done' ? 'Your email address is verified' : 'Verifying your email address…'}
      </h1>
      {state.kind === 'done' ? (
        <p role="status">
          Thank you. <Link to="/">Go to the questions</Link>
        </p>
      ) : null}
    </section>
  );
}
