import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ModerationLogDocument, type ModerationAction, type ModerationTargetType } from '@crossroads/web-data-access';
import { Field, LoadMoreList, QueryState, RelativeTime, TextField } from '@crossroads/web-ui';

const PAGE = 20;

// Keyed by the generated enum: an action the API adds fails to compile until it is listed here.
const ACTIONS = Object.keys({
  APPROVE_COMMENT: 1,
  REJECT_COMMENT: 1,
  SPAM_COMMENT: 1,
  CLOSE_QUESTION: 1,
  REOPEN_QUESTION: 1,
  HIDE_POST: 1,
  RESTORE_POST: 1,
  DISMISS_FLAGS: 1,
  HIDE_FLAGGED: 1,
  SUSPEND: 1,
  LIFT_SUSPENSION: 1,
  SET_MODERATION_WORDS: 1,
  SET_ROLE: 1,
  VERIFY_MENTOR: 1,
  UNVERIFY_MENTOR: 1,
  LIFT_MENTOR_PAUSE: 1,
  UPHOLD_MENTOR_PAUSE: 1,
  HIDE_MENTORSHIP_MESSAGE: 1,
  DISMISS_MESSAGE_REPORT: 1,
} satisfies Record<ModerationAction, 1>) as ModerationAction[];

export function actionLabel(a: string): string {
  const s = a.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The facts an entry's details may carry that say where its target lives. */
function detailsOf(json: string): { questionId?: string; handle?: string } {
  try {
    const d: unknown = JSON.parse(json);
    if (!d || typeof d !== 'object') return {};
    const { questionId, handle } = d as Record<string, unknown>;
    return {
      questionId: typeof questionId === 'string' ? questionId : undefined,
      handle: typeof handle === 'string' ? handle : undefined,
    };
  } catch {
    return {};
  }
}

/**
 * A link to what the entry names, its text the API's label (a question's title, "Answer on “…”",
 * @handle); the generic words only when there is no label (the target is gone).
 */
export function LogTarget({
  type,
  id,
  details,
  label,
}: {
  type: ModerationTargetType;
  id: string;
  details: string;
  label?: string | null;
}) {
  const { questionId, handle } = detailsOf(details);
  const q = (qid: string) => `/q/${encodeURIComponent(qid)}`;
  switch (type) {
    case 'QUESTION':
      return <Link to={q(id)}>{label ?? 'Question'}</Link>;
    case 'ANSWER':
      return questionId ? (
        <Link to={`${q(questionId)}#answer-${encodeURIComponent(id)}`}>{label ?? 'Answer on a question'}</Link>
      ) : (
        <>{label ?? 'Answer'}</>
      );
    case 'COMMENT':
      return questionId ? (
        <Link to={q(questionId)}>{label ?? 'Comment on a question'}</Link>
      ) : (
        <>{label ?? 'Comment'}</>
      );
    case 'USER':
      return handle ? (
        <Link to={`/u/${encodeURIComponent(handle)}`}>@{handle}</Link>
      ) : label?.startsWith('@') ? (
        <Link to={`/u/${encodeURIComponent(label.slice(1))}`}>{label}</Link>
      ) : (
        <>A member</>
      );
    case 'WORD_LIST':
      return <Link to="/moderation/words">{label ?? 'Word list'}</Link>;
    case 'MENTORSHIP_MESSAGE':
      // Private: the log names it, and only a report ever showed it.
      return <>{label ?? 'A reported mentorship message'}</>;
  }
}

/** /moderation/log: every moderation action, newest first, filtered by moderator, action and target. */
export function LogPage() {
  const [params, setParams] = useSearchParams();
  const actorHandle = params.get('actor') || null;
  const action = (ACTIONS as string[]).includes(params.get('action') ?? '')
    ? (params.get('action') as ModerationAction)
    : null;
  const targetId = params.get('target') || null;
  const [draft, setDraft] = useState({ actor: actorHandle ?? '', action: action ?? '', target: targetId ?? '' });
  const { data, loading, error, fetchMore } = useQuery(ModerationLogDocument, {
    variables: { first: PAGE, actorHandle, action, targetId },
    fetchPolicy: 'cache-and-network',
  });
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
        <TextField
          name="actor"
          label="Moderator (handle)"
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
        />
        <Field label="Action">
          {(control) => (
            <select
              {...control}
              value={draft.action}
              onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            >
              <option value="">Any action</option>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          name="target"
          label="Target id"
          value={draft.target}
          onChange={(e) => setDraft({ ...draft, target: e.currentTarget.value })}
        />
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <QueryState
        data={log}
        loading={loading}
        error={error}
        loadingText="Loading the log…"
        errorText="The log could not be loaded."
        showErrorMessage
        isEmpty={(l) => l.edges.length === 0}
        empty="No actions match these filters."
      >
        {(l) => (
          <LoadMoreList pageInfo={l.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })}>
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
                  {l.edges.map(({ node: entry }) => (
                    <tr key={entry.id} data-testid="log-row">
                      <td data-label="When">
                        <RelativeTime iso={entry.createdAt} />
                      </td>
                      <td data-label="Who">
                        {entry.actor ? (
                          <Link to={`/u/${encodeURIComponent(entry.actor.handle)}`}>@{entry.actor.handle}</Link>
                        ) : (
                          'system'
                        )}
                      </td>
                      <td data-label="Action">{actionLabel(entry.action)}</td>
                      <td data-label="Target">
                        <LogTarget
                          type={entry.targetType}
                          id={entry.targetId}
                          details={entry.details}
                          label={entry.targetLabel}
                        />
                      </td>
                      <td data-label="Reason">{entry.reason ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </LoadMoreList>
        )}
      </QueryState>
    </section>
  );
}
