import { alertClassName } from '@crossroads/web-ui';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { MyProfileDocument, ResendVerificationEmailDocument, formErrorsFrom } from '@crossroads/web-data-access';

/** /settings/email: the address, whether it is verified, and a new verification link. */
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
            {me.emailVerified ? <span className="badge">Verified</span> : <span className="badge badge--warning">Not verified yet</span>}
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
                    (e: unknown) => setStatus({ text: formErrorsFrom(e, [] as const).form ?? 'The link could not be sent.', problem: true }),
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
        </>
      ) : null}
    </section>
  );
}
