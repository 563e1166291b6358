import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { ModerationDecision, QueueCommentFragment } from '@crossroads/web-data-access';
import { LIMITS } from '@crossroads/shared-domain';
import { alertClassName, EmptyState, fieldStyles, PlainText, RelativeTime } from '@crossroads/web-ui';
import { reasonProblem } from '../../ui/moderation-reason.js';

export type DecideResult = 'done' | 'conflict';

const KEYS: Record<string, ModerationDecision> = { a: 'APPROVE', r: 'REJECT', s: 'SPAM' };
/** What a decision button acts on, so each is named apart: "comment by Ann (guest) on Moving into a PMO?: “Thanks…”". */
function target(c: QueueCommentFragment): string {
  const words = c.body.length > 40 ? `${c.body.slice(0, 40).trimEnd()}…` : c.body;
  return `comment by ${authorName(c)}${c.question ? ` on ${c.question.title}` : ''}: “${words}”`;
}

const PAST: Record<ModerationDecision, string> = { APPROVE: 'Approved', REJECT: 'Rejected', SPAM: 'Marked as spam' };
const HOLD_REASONS: Record<string, string> = {
  GUEST: 'Guest comment',
  FIRST_COMMENT: 'First comment by this member',
  LINKS: 'Two or more links',
  WORD_LIST: 'Matches the moderation word list',
  SPAM_MARKED: 'Author was marked as a spammer',
};

export function holdReasonLabel(reason: string | null): string {
  if (!reason) return 'Held for moderation';
  return HOLD_REASONS[reason] ?? reason;
}

function authorName(c: QueueCommentFragment): string {
  return c.author ? c.author.displayName : `${c.guestName ?? 'Guest'} (guest)`;
}

/**
 * The held comments, oldest first. Each item is one tab stop; on the focused item A approves,
 * R rejects and S marks as spam (with the optional reason typed in its field). A decided item
 * leaves the list, focus moves to the next one, and a polite live region says what happened.
 */
export function QueueList({
  items,
  onDecide,
}: {
  items: QueueCommentFragment[];
  onDecide: (id: string, decision: ModerationDecision, reason: string | null) => Promise<DecideResult>;
}) {
  const helpId = useId();
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLElement>());
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const pendingFocus = useRef<string | null | undefined>(undefined);

  const visible = items.filter((c) => !removed.has(c.id));

  useEffect(() => {
    if (pendingFocus.current === undefined) return;
    const target = pendingFocus.current ? refs.current.get(pendingFocus.current) : emptyRef.current;
    pendingFocus.current = undefined;
    target?.focus();
  });

  const decide = async (c: QueueCommentFragment, decision: ModerationDecision) => {
    if (busy) return;
    const problem = reasonProblem(reasons[c.id] ?? '', false);
    if (problem) {
      setError(`Could not save the decision: ${problem}`);
      return;
    }
    setBusy(c.id);
    setError(null);
    const index = visible.findIndex((v) => v.id === c.id);
    const next = visible[index + 1] ?? visible[index - 1] ?? null;
    const reason = reasons[c.id]?.trim() || null;
    try {
      const result = await onDecide(c.id, decision, reason);
      const left = visible.length - 1;
      const leftText = `${left} ${left === 1 ? 'comment' : 'comments'} left in the queue.`;
      setAnnouncement(
        result === 'conflict'
          ? `This comment by ${authorName(c)} was already decided by another moderator, so it left the queue. ${leftText}`
          : `${PAST[decision]}: comment by ${authorName(c)}. ${leftText}`,
      );
      pendingFocus.current = next?.id ?? null;
      setRemoved((prev) => new Set(prev).add(c.id));
    } catch (e) {
      setError(`Could not save the decision: ${e instanceof Error && e.message ? e.message : 'try again'}.`);
    } finally {
      setBusy(null);
    }
  };

  const onKeyDown = (c: QueueCommentFragment) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const decision = KEYS[e.key.toLowerCase()];
    if (!decision) return;
    e.preventDefault();
    void decide(c, decision);
  };

  return (
    <div className="queue">
      <p id={helpId} className="muted queue__help">
        Tab to a comment, then press <kbd>A</kbd> to approve, <kbd>R</kbd> to reject or <kbd>S</kbd> to mark as spam. A
        reason is optional.
      </p>
      <div role="status" aria-live="polite" className="queue__announcement" data-testid="queue-announcement">
        {announcement}
      </div>
      <div role="alert" className={error ? alertClassName : undefined}>
        {error}
      </div>
      {visible.length === 0 ? (
        <EmptyState tabIndex={-1} ref={emptyRef} data-testid="queue-empty">
          The queue is empty. Nothing is waiting for a decision.
        </EmptyState>
      ) : (
        <ol className="queue__list" aria-label="Held comments, oldest first">
          {visible.map((c) => {
            const titleId = `q-${c.id}-title`;
            return (
              <li key={c.id} className="queue-item-wrap">
                <article
                  className="queue-item panel"
                  tabIndex={0}
                  aria-labelledby={titleId}
                  aria-describedby={helpId}
                  aria-keyshortcuts="A R S"
                  aria-busy={busy === c.id || undefined}
                  data-testid="queue-item"
                  ref={(el) => {
                    if (el) refs.current.set(c.id, el);
                    else refs.current.delete(c.id);
                  }}
                  onKeyDown={onKeyDown(c)}
                >
                  <h3 id={titleId} className="queue-item__title">
                    Comment by {authorName(c)}
                    {c.question ? (
                      <>
                        {' '}
                        on <Link to={`/q/${encodeURIComponent(c.question.id)}`}>{c.question.title}</Link>
                      </>
                    ) : null}
                  </h3>
                  <p className="queue-item__meta muted">
                    <span className="hold-reason">{holdReasonLabel(c.holdReason)}</span> ·{' '}
                    <RelativeTime iso={c.createdAt} prefix="sent" />
                  </p>
                  <blockquote className="queue-item__body">
                    <PlainText text={c.body} />
                  </blockquote>
                  <AuthorFacts c={c} />
                  <div className="queue-item__actions">
                    <label className="visually-hidden" htmlFor={`reason-${c.id}`}>
                      Reason (optional)
                    </label>
                    <input
                      id={`reason-${c.id}`}
                      className={`${fieldStyles.input} queue-item__reason`}
                      placeholder="Reason (optional)"
                      maxLength={LIMITS.moderation.reason.max}
                      value={reasons[c.id] ?? ''}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setReasons((r) => ({ ...r, [c.id]: value }));
                      }}
                    />
                    <button
                      type="button"
                      className="button button--small"
                      aria-keyshortcuts="A"
                      disabled={!!busy}
                      onClick={() => void decide(c, 'APPROVE')}
                    >
                      Approve
                      <span className="visually-hidden"> {target(c)}</span> <span aria-hidden="true">(A)</span>
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-keyshortcuts="R"
                      disabled={!!busy}
                      onClick={() => void decide(c, 'REJECT')}
                    >
                      Reject
                      <span className="visually-hidden"> {target(c)}</span> <span aria-hidden="true">(R)</span>
                    </button>
                    <button
                      type="button"
                      className="button button--danger button--small"
                      aria-keyshortcuts="S"
                      disabled={!!busy}
                      onClick={() => void decide(c, 'SPAM')}
                    >
                      Spam
                      <span className="visually-hidden"> {target(c)}</span> <span aria-hidden="true">(S)</span>
                    </button>
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

function AuthorFacts({ c }: { c: QueueCommentFragment }) {
  if (!c.author) {
    return (
      <p className="author-facts">
        Guest: <strong>{c.guestName ?? 'no name'}</strong>
        {c.guestEmail ? <> · {c.guestEmail}</> : null}
      </p>
    );
  }
  const h = c.authorHistory;
  return (
    <p className="author-facts">
      <Link to={`/u/${encodeURIComponent(c.author.handle)}`}>@{c.author.handle}</Link>
      {h ? (
        <>
          {' '}
          · {h.approvedCount} approved · {h.rejectedCount} rejected · {h.spamCount} spam · member for {h.accountAgeDays}{' '}
          {h.accountAgeDays === 1 ? 'day' : 'days'}
          {h.spamMarked ? <strong className="spam-mark"> · Marked as spammer</strong> : null}
        </>
      ) : null}
    </p>
  );
}
