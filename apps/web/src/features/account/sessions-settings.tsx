import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  MySessionsDocument,
  RevokeSessionDocument,
  SignOutEverywhereDocument,
  useSignOut,
} from '@crossroads/web-data-access';
import { alertClassName, RelativeTime } from '@crossroads/web-ui';

/** A readable name for a user agent: enough to recognise one's own devices. */
export function describeBrowser(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'A browser';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return os ? `${browser} on ${os}` : browser;
}

/** /settings/sessions: every signed-in device; end one, or all of them. */
export function SessionsSettings() {
  const { data, loading, refetch } = useQuery(MySessionsDocument, { fetchPolicy: 'cache-and-network' });
  const [revoke] = useMutation(RevokeSessionDocument);
  const [everywhere, { loading: endingAll }] = useMutation(SignOutEverywhereDocument);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const afterReset = new URLSearchParams(useLocation().search).has('reset');
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(
    afterReset ? { text: 'Your new password is saved. Every other session was signed out.', problem: false } : null,
  );

  const end = async (id: string, current: boolean) => {
    try {
      await revoke({ variables: { id } });
      if (current) {
        await signOut();
        await navigate('/sign-in');
        return;
      }
      await refetch();
      setStatus({ text: 'That session was signed out.', problem: false });
    } catch {
      setStatus({ text: 'The session could not be signed out. Try again.', problem: true });
    }
  };

  return (
    <section aria-labelledby="sessions-title">
      <title>Sessions · Crossroads</title>
      <h1 id="sessions-title">Sessions</h1>
      <p className="muted">
        Where your account is signed in. Places are approximate: only the network is kept, never the full address.
      </p>
      <p role="status" className={status?.problem ? alertClassName : 'settings__status'} data-testid="sessions-status">
        {status?.text ?? ''}
      </p>
      {loading && !data ? <p role="status">Loading your sessions…</p> : null}
      <ul className="settings-list" data-testid="sessions">
        {data?.mySessions.map((s) => (
          <li key={s.id} className="settings-row">
            <span className="settings-row__name">
              {describeBrowser(s.userAgent)} {s.current ? <span className="badge">This device</span> : null}
              <br />
              <small className="muted">
                {s.ipPrefix ? `Network ${s.ipPrefix} · ` : ''}signed in <RelativeTime iso={s.createdAt} /> · last used{' '}
                <RelativeTime iso={s.lastUsedAt} />
              </small>
            </span>
            <button type="button" className="button button--quiet" onClick={() => void end(s.id, s.current)}>
              {s.current ? 'Sign out' : 'End session'}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        disabled={endingAll}
        onClick={() =>
          void everywhere().then(
            async () => {
              await signOut();
              await navigate('/sign-in');
            },
            () => setStatus({ text: 'Could not sign out everywhere. Try again.', problem: true }),
          )
        }
      >
        Sign out everywhere
      </button>
    </section>
  );
}
