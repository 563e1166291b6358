import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useLocation } from 'react-router';
import {
  MySignInMethodsDocument,
  OidcProvidersDocument,
  StartOidcLinkDocument,
  UnlinkIdentityDocument,
  formErrorsFrom,
} from '@crossroads/web-data-access';
import { alertClassName, RelativeTime } from '@crossroads/web-ui';
import { oidcErrorMessage } from './oidc-messages.js';

/** /settings/sign-ins: providers linked to the account; link another, or unlink one (never the last way in). */
export function SignInsSettings() {
  const params = new URLSearchParams(useLocation().search);
  const { data, refetch } = useQuery(MySignInMethodsDocument, { fetchPolicy: 'cache-and-network' });
  const { data: providers } = useQuery(OidcProvidersDocument);
  const [start] = useMutation(StartOidcLinkDocument);
  const [unlink] = useMutation(UnlinkIdentityDocument);
  const linked = params.get('linked');
  const failure = params.get('oidcError');
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(
    failure
      ? { text: oidcErrorMessage(failure), problem: true }
      : linked
        ? { text: 'The sign-in is linked to your account.', problem: false }
        : null,
  );
  const identities = data?.mySignInMethods.identities ?? [];
  const available = (providers?.oidcProviders ?? []).filter((p) => !identities.some((i) => i.provider === p.id));

  const link = async (provider: string) => {
    try {
      const { data: started } = await start({ variables: { provider } });
      if (started) window.location.assign(started.startOidcLink);
    } catch (e) {
      setStatus({ text: formErrorsFrom(e, [] as const).form ?? 'Could not start linking.', problem: true });
    }
  };
  const remove = async (id: string) => {
    try {
      await unlink({ variables: { id } });
      await refetch();
      setStatus({ text: 'The sign-in was unlinked.', problem: false });
    } catch (e) {
      setStatus({ text: formErrorsFrom(e, [] as const).form ?? 'Could not unlink it.', problem: true });
    }
  };

  return (
    <section aria-labelledby="sign-ins-title">
      <title>Linked sign-ins · Crossroads</title>
      <h1 id="sign-ins-title">Linked sign-ins</h1>
      <p className="muted">
        Sign in with another account you already have.{' '}
        {data && !data.mySignInMethods.hasPassword
          ? 'You have no password, so your last linked sign-in cannot be unlinked.'
          : ''}
      </p>
      <p role="status" className={status?.problem ? alertClassName : 'settings__status'} data-testid="sign-ins-status">
        {status?.text ?? ''}
      </p>
      <ul className="settings-list" data-testid="linked-sign-ins">
        {identities.map((i) => (
          <li key={i.id} className="settings-row">
            <span className="settings-row__name">
              {i.providerName}
              {i.email ? ` (${i.email})` : ''}
              <br />
              <small className="muted">
                linked <RelativeTime iso={i.createdAt} />
              </small>
            </span>
            <button type="button" className="button button--quiet" onClick={() => void remove(i.id)}>
              Unlink
            </button>
          </li>
        ))}
        {data && identities.length === 0 ? <li className="muted">No provider is linked.</li> : null}
      </ul>
      {available.map((p) => (
        <button key={p.id} type="button" className="button" onClick={() => void link(p.id)}>
          Link {p.displayName}
        </button>
      ))}
    </section>
  );
}
