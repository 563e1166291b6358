import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  FlagQueueDocument,
  LiftSuspensionDocument,
  ModerationLogDocument,
  ModerationWordsDocument,
  ResolveFlagsDocument,
  SetModerationWordsDocument,
  SetRoleDocument,
  SuspendUserDocument,
  formErrorsFrom,
  type ModerationAction,
  type Role,
} from '@crossroads/web-data-access';
import { RelativeTime } from '@crossroads/web-ui';
import { RequireRole } from '../../ui/require-role.js';
import { FormAlert, TextField } from '../../ui/text-field.js';

const PAGE = 20;

function errorText(e: unknown): string {
  const mapped = formErrorsFrom(e, [] as const);
  return mapped.form ?? 'That did not work. Try again.';
}

// ---------------------------------------------------------------- flags

export function FlagsPage() {
  const { data, loading, error, fetchMore, refetch } = useQuery(FlagQueueDocument, { variables: { first: PAGE }, fetchPolicy: 'cache-and-network' });
  const [resolve, { loading: resolving }] = useMutation(ResolveFlagsDocument);
  const [message, setMessage] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const queue = data?.flagQueue;

  const decide = async (postId: string, decision: 'DISMISS' | 'HIDE') => {
    setMessage(null);
    try {
      await resolve({ variables: { input: { postId, decision, reason: reasons[postId]?.trim() || undefined } } });
      setMessage(decision === 'HIDE' ? 'The post is hidden and its flags are resolved.' : 'The flags were dismissed; the post is visible.');
      await refetch();
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  return (
    <section aria-labelledby="flags-title">
      <title>Flags · Moderation · Crossroads</title>
      <h2 id="flags-title">Flagged posts</h2>
      <p role="status" className="muted">
        {message}
      </p>
      {loading && !data ? (
        <p className="loading" role="status">
          Loading flags…
        </p>
      ) : error && !data ? (
        <p className="form-alert" role="alert">
          The flags could not be loaded. {error.message}
        </p>
      ) : !queue?.edges.length ? (
        <p className="empty-state">No open flags. Members’ flags on posts appear here, oldest first.</p>
      ) : (
        <>
          <ol className="flag-list">
            {queue.edges.map(({ node: f }) => (
              <li key={f.postId} className="panel flag-item">
                <h3 className="flag-item__title">
                  {f.postType === 'QUESTION' ? <Link to={`/q/${encodeURIComponent(f.postId)}`}>Question {f.postId.slice(0, 8)}</Link> : `${f.postType.toLowerCase()} ${f.postId.slice(0, 8)}`}
                  {f.hidden ? <span className="status-badge"> Hidden by flags</span> : null}
                </h3>
                <p className="muted">
                  {f.openFlagCount} open {f.openFlagCount === 1 ? 'flag' : 'flags'} · first <RelativeTime iso={f.firstFlaggedAt} />
                </p>
                <ul className="flag-item__flags">
                  {f.flags.map((fl) => (
                    <li key={fl.id}>
                      <strong>{fl.reason.replace('_', ' ').toLowerCase()}</strong>
                      {fl.text ? `: ${fl.text}` : ''} — {fl.flagger ? `@${fl.flagger.handle}` : 'someone'}
                    </li>
                  ))}
                </ul>
                <div className="inline-actions">
                  <label className="visually-hidden" htmlFor={`flag-reason-${f.postId}`}>
                    Reason (optional)
                  </label>
                  <input
                    id={`flag-reason-${f.postId}`}
                    className="field__input"
                    placeholder="Reason (optional)"
                    value={reasons[f.postId] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setReasons((r) => ({ ...r, [f.postId]: value }));
                    }}
                  />
                  <button type="button" className="button button--quiet button--small" disabled={resolving} onClick={() => void decide(f.postId, 'DISMISS')}>
                    Dismiss
                  </button>
                  <button type="button" className="button button--danger button--small" disabled={resolving} onClick={() => void decide(f.postId, 'HIDE')}>
                    Hide
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {queue.pageInfo.hasNextPage ? (
            <button type="button" className="button button--quiet" onClick={() => void fetchMore({ variables: { after: queue.pageInfo.endCursor } })}>
              Load more
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- audit log

const ACTIONS: ModerationAction[] = [
  'APPROVE_COMMENT',
  'REJECT_COMMENT',
  'SPAM_COMMENT',
  'CLOSE_QUESTION',
  'REOPEN_QUESTION',
  'HIDE_POST',
  'RESTORE_POST',
  'DISMISS_FLAGS',
  'HIDE_FLAGGED',
  'SUSPEND',
  'LIFT_SUSPENSION',
  'SET_MODERATION_WORDS',
  'SET_ROLE',
  'VERIFY_MENTOR',
  'UNVERIFY_MENTOR',
];

export function actionLabel(a: string): string {
  const s = a.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function LogPage() {
  const [params, setParams] = useSearchParams();
  const actorHandle = params.get('actor') || null;
  const action = (ACTIONS as string[]).includes(params.get('action') ?? '') ? (params.get('action') as ModerationAction) : null;
  const targetId = params.get('target') || null;
  const [draft, setDraft] = useState({ actor: actorHandle ?? '', action: action ?? '', target: targetId ?? '' });
  const [more, setMore] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(ModerationLogDocument, { variables: { first: PAGE, actorHandle, action, targetId }, fetchPolicy: 'cache-and-network' });
  const log = data?.moderationLog;

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (draft.actor.trim()) next['actor'] = draft.actor.trim().replace(/^@/, '');
    if (draft.action) next['action'] = draft.action;
    if (draft.target.trim()) next['target'] = draft.target.trim();
    setParams(next);
  };

  return (
    <section aria-labelledby="log-title">
      <title>Audit log · Moderation · Crossroads</title>
      <h2 id="log-title">Audit log</h2>
      <form className="filter-form" onSubmit={onFilter} aria-label="Filter the audit log">
        <TextField name="actor" label="Moderator (handle)" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })} />
        <div className="field">
          <label htmlFor="log-action" className="field__label">
            Action
          </label>
          <select id="log-action" className="field__input" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}>
            <option value="">Any action</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <TextField name="target" label="Target id" value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.currentTarget.value })} />
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      {loading && !data ? (
        <p className="loading" role="status">
          Loading the log…
        </p>
      ) : error && !data ? (
        <p className="form-alert" role="alert">
          The log could not be loaded. {error.message}
        </p>
      ) : !log?.edges.length ? (
        <p className="empty-state">No actions match these filters.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="log-table">
              <caption className="visually-hidden">Moderation actions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {log.edges.map(({ node: l }) => (
                  <tr key={l.id} data-testid="log-row">
                    <td>
                      <RelativeTime iso={l.createdAt} />
                    </td>
                    <td>{l.actor ? `@${l.actor.handle}` : 'system'}</td>
                    <td>{actionLabel(l.action)}</td>
                    <td>
                      {l.targetType.toLowerCase().replace('_', ' ')} <code className="log-table__id">{l.targetId.slice(0, 8)}</code>
                    </td>
                    <td>{l.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {log.pageInfo.hasNextPage ? (
            <button
              type="button"
              className="button button--quiet"
              disabled={more}
              onClick={() => {
                setMore(true);
                void fetchMore({ variables: { after: log.pageInfo.endCursor } }).finally(() => setMore(false));
              }}
            >
              Load more
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- suspensions

export function SuspensionsPage() {
  const [suspend, s] = useMutation(SuspendUserDocument, { refetchQueries: [ModerationLogDocument] });
  const [lift, l] = useMutation(LiftSuspensionDocument, { refetchQueries: [ModerationLogDocument] });
  const [form, setForm] = useState({ handle: '', days: '7', forever: false, reason: '' });
  const [liftForm, setLiftForm] = useState({ handle: '', reason: '' });
  const [errors, setErrors] = useState<{ handle?: string; days?: string; reason?: string; form?: string | null }>({});
  const [liftError, setLiftError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const recent = useQuery(ModerationLogDocument, { variables: { first: 10, action: 'SUSPEND', actorHandle: null, targetId: null } });

  const onSuspend = async (e: FormEvent) => {
    e.preventDefault();
    const problems: typeof errors = {};
    const handle = form.handle.trim().replace(/^@/, '');
    const days = Number(form.days);
    if (!handle) problems.handle = 'Enter the member’s handle.';
    if (!form.forever && (!Number.isInteger(days) || days < 1 || days > 3650)) problems.days = 'Days must be a whole number from 1 to 3,650.';
    if (form.reason.trim().length < 3 || form.reason.trim().length > 500) problems.reason = 'Reason must be 3–500 characters.';
    setErrors(problems);
    setDone(null);
    if (Object.keys(problems).length) return;
    try {
      const { data } = await suspend({ variables: { input: { handle, days: form.forever ? undefined : days, reason: form.reason.trim() } } });
      const sus = data?.suspendUser;
      setDone(sus ? `@${sus.user?.handle ?? handle} is suspended ${sus.endsAt ? `until ${new Date(sus.endsAt).toLocaleString('en')}` : 'until lifted'}.` : null);
      setForm({ handle: '', days: '7', forever: false, reason: '' });
    } catch (err) {
      const mapped = formErrorsFrom(err, ['handle', 'days', 'reason'] as const);
      setErrors({ ...mapped.fields, form: mapped.form });
    }
  };

  const onLift = async (e: FormEvent) => {
    e.preventDefault();
    const handle = liftForm.handle.trim().replace(/^@/, '');
    setLiftError(null);
    setDone(null);
    if (!handle) {
      setLiftError('Enter the member’s handle.');
      return;
    }
    try {
      await lift({ variables: { input: { handle, reason: liftForm.reason.trim() || undefined } } });
      setDone(`The suspension of @${handle} is lifted.`);
      setLiftForm({ handle: '', reason: '' });
    } catch (err) {
      setLiftError(errorText(err));
    }
  };

  return (
    <section aria-labelledby="suspensions-title">
      <title>Suspensions · Moderation · Crossroads</title>
      <h2 id="suspensions-title">Suspensions</h2>
      <p role="status" className={done ? 'notice' : undefined}>
        {done}
      </p>
      <div className="two-columns">
        <form className="panel" onSubmit={(e) => void onSuspend(e)} noValidate aria-labelledby="suspend-title">
          <h3 id="suspend-title">Suspend a member</h3>
          <p className="muted">A suspended member can read, but cannot post, comment, vote or flag.</p>
          <TextField name="handle" label="Handle" value={form.handle} onChange={(e) => setForm({ ...form, handle: e.currentTarget.value })} error={errors.handle} autoComplete="off" />
          <TextField
            name="days"
            label="Days"
            type="number"
            min={1}
            max={3650}
            value={form.days}
            disabled={form.forever}
            onChange={(e) => setForm({ ...form, days: e.currentTarget.value })}
            error={errors.days}
          />
          <div className="field field--check">
            <input id="suspend-forever" type="checkbox" checked={form.forever} onChange={(e) => setForm({ ...form, forever: e.currentTarget.checked })} />
            <label htmlFor="suspend-forever">Forever (until lifted)</label>
          </div>
          <TextField name="reason" label="Reason" hint="Kept in the audit log." value={form.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} error={errors.reason} />
          <FormAlert message={errors.form ?? null} />
          <button type="submit" className="button button--danger" disabled={s.loading}>
            Suspend
          </button>
        </form>
        <form className="panel" onSubmit={(e) => void onLift(e)} noValidate aria-labelledby="lift-title">
          <h3 id="lift-title">Lift a suspension</h3>
          <TextField name="liftHandle" label="Handle" value={liftForm.handle} onChange={(e) => setLiftForm({ ...liftForm, handle: e.currentTarget.value })} autoComplete="off" />
          <TextField name="liftReason" label="Reason (optional)" value={liftForm.reason} onChange={(e) => setLiftForm({ ...liftForm, reason: e.currentTarget.value })} />
          <FormAlert message={liftError} />
          <button type="submit" className="button" disabled={l.loading}>
            Lift suspension
          </button>
        </form>
      </div>
      <h3>Recent suspensions</h3>
      {recent.loading && !recent.data ? (
        <p className="loading" role="status">
          Loading…
        </p>
      ) : recent.data?.moderationLog.edges.length ? (
        <ul className="result-list">
          {recent.data.moderationLog.edges.map(({ node }) => (
            <li key={node.id} className="result-item">
              <RelativeTime iso={node.createdAt} /> by {node.actor ? `@${node.actor.handle}` : 'system'}: {node.reason ?? 'no reason'}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">No suspensions yet.</p>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- admin: word list and roles

export function WordsPage() {
  return (
    <RequireRole role="ADMIN">
      <WordsEditor />
    </RequireRole>
  );
}

export function parseWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of text.split(/\r?\n|,/)) {
    const w = raw.trim();
    if (w && !seen.has(w.toLowerCase())) {
      seen.add(w.toLowerCase());
      words.push(w);
    }
  }
  return words;
}

function WordsEditor() {
  const { data, loading, error } = useQuery(ModerationWordsDocument);
  if (loading && !data) {
    return (
      <p className="loading" role="status">
        Loading the word list…
      </p>
    );
  }
  if (error && !data) {
    return (
      <p className="form-alert" role="alert">
        The word list could not be loaded. {error.message}
      </p>
    );
  }
  // Not keyed by the list: saving updates the cache, and the form keeps its text and message.
  return <WordsForm initial={data?.moderationWords ?? []} />;
}

function WordsForm({ initial }: { initial: string[] }) {
  const [text, setText] = useState(initial.join('\n'));
  const [save, { loading }] = useMutation(SetModerationWordsDocument, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: ModerationWordsDocument, data: { moderationWords: data.setModerationWords } });
    },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const words = parseWords(text);
    const bad = words.find((w) => w.length < 2 || w.length > 60);
    setDone(null);
    if (bad) return setProblem(`Each word or phrase must be 2–60 characters: “${bad}” is not.`);
    if (words.length > 500) return setProblem(`At most 500 words (now ${words.length}).`);
    setProblem(null);
    try {
      const { data } = await save({ variables: { input: { words } } });
      setDone(`Saved: ${data?.setModerationWords.length ?? words.length} words. Comments matching one of them are held.`);
    } catch (err) {
      setProblem(errorText(err));
    }
  };

  return (
    <section aria-labelledby="words-title">
      <title>Word list · Moderation · Crossroads</title>
      <h2 id="words-title">Moderation word list</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="panel">
        <div className={problem ? 'field field--invalid' : 'field'}>
          <label htmlFor="words" className="field__label">
            Words and phrases, one per line
          </label>
          <textarea
            id="words"
            name="words"
            className="field__input"
            rows={10}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'words-error words-hint' : 'words-hint'}
          />
          {problem ? (
            <p id="words-error" className="field__error">
              {problem}
            </p>
          ) : null}
          <p id="words-hint" className="field__hint">
            Whole words, any case. A comment matching one is held for moderation. Up to 500 entries of 2–60 characters.
          </p>
        </div>
        <p role="status" className={done ? 'notice' : undefined}>
          {done}
        </p>
        <button type="submit" className="button" disabled={loading}>
          Save word list
        </button>
      </form>
    </section>
  );
}

const ROLES: Role[] = ['MEMBER', 'MENTOR', 'MODERATOR', 'ADMIN'];

export function RolesPage() {
  return (
    <RequireRole role="ADMIN">
      <RolesForm />
    </RequireRole>
  );
}

function RolesForm() {
  const [setRole, { loading }] = useMutation(SetRoleDocument, { refetchQueries: [ModerationLogDocument] });
  const [handle, setHandle] = useState('');
  const [role, setRoleValue] = useState<Role>('MODERATOR');
  const [errors, setErrors] = useState<{ handle?: string; form?: string | null }>({});
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const h = handle.trim().replace(/^@/, '');
    setDone(null);
    if (!h) return setErrors({ handle: 'Enter the member’s handle.' });
    setErrors({});
    try {
      const { data } = await setRole({ variables: { input: { handle: h, role } } });
      if (data) setDone(`@${data.setRole.handle} is now ${data.setRole.role.toLowerCase()}.`);
    } catch (err) {
      const mapped = formErrorsFrom(err, ['handle'] as const);
      setErrors({ handle: mapped.fields.handle, form: mapped.form });
    }
  };

  return (
    <section aria-labelledby="roles-title">
      <title>Roles · Moderation · Crossroads</title>
      <h2 id="roles-title">Change a role</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="panel">
        <TextField name="handle" label="Handle" value={handle} onChange={(e) => setHandle(e.currentTarget.value)} error={errors.handle} autoComplete="off" />
        <div className="field">
          <label htmlFor="role" className="field__label">
            Role
          </label>
          <select id="role" className="field__input" value={role} onChange={(e) => setRoleValue(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.charAt(0) + r.slice(1).toLowerCase()}
              </option>
            ))}
          </select>
        </div>
        <FormAlert message={errors.form ?? null} />
        <p role="status" className={done ? 'notice' : undefined}>
          {done}
        </p>
        <button type="submit" className="button" disabled={loading}>
          Change role
        </button>
      </form>
    </section>
  );
}
