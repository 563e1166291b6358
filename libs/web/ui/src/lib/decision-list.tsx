import { createContext, Fragment, useContext, useId, useState, type ReactNode } from 'react';
import { LIMITS } from '@crossroads/shared-domain';
import { fieldClassName, fieldStyles } from './field.js';
import { LoadMoreList, type PageInfoLike } from './load-more.js';
import { QueryState } from './query-state.js';
import styles from './decision-list.module.css';

/** What a moderator decides on an item: the button, and the mutation it runs. */
export interface Decision {
  /** The button's text and accessible name ("Hide message"). */
  label: string;
  /** The button's look: `primary` (default), `quiet` or `danger`. */
  tone?: 'primary' | 'quiet' | 'danger';
  /**
   * Makes the decision with the trimmed reason ('' when an optional one is left empty) and
   * resolves with the sentence to announce; a rejection is announced through `describeError`.
   */
  onDecide: (reason: string) => Promise<string>;
}

export interface DecisionReason {
  /** The field's label: shown above the field when required, otherwise visually hidden and its placeholder. */
  label: string;
  /** A required reason is checked against `limits` before the decision is sent. */
  required?: boolean;
  /** The lengths the API accepts; the moderation reason's by default. */
  limits?: { min: number; max: number };
  /** Shown under a required field left empty or out of bounds. */
  invalidText?: string;
}

export interface DecisionItemProps {
  /** The item's h3; it also describes the item's decision buttons (which item they act on). */
  title: ReactNode;
  /** What the moderator decides on (the flags, the reported message, the appeal). */
  children: ReactNode;
  reason: DecisionReason;
  decisions: readonly Decision[];
  'data-testid'?: string;
}

interface Connection<T> {
  edges: readonly { node: T }[];
  pageInfo: PageInfoLike;
}

export interface DecisionListProps<T> {
  /** The queue loaded so far (a connection); null or undefined until its first page arrives. */
  queue: Connection<T> | null | undefined;
  loading: boolean;
  error?: { message: string } | undefined;
  loadingText: string;
  /** What could not be loaded; the error's own message follows it (staff pages). */
  errorText: string;
  /** The sentence shown when nothing waits for a decision. */
  empty: string;
  onLoadMore: (after: string | null) => Promise<unknown>;
  /** After a decision was made, e.g. the query's refetch (the decided item leaves the queue). */
  onDecided?: () => Promise<unknown>;
  /** A failed decision as one sentence (data-access's `errorText`). */
  describeError: (error: unknown) => string;
  getKey: (item: T) => string;
  /** Each item, as a `DecisionItem`. */
  children: (item: T) => ReactNode;
}

interface DecisionRunner {
  busy: boolean;
  run: (decide: () => Promise<string>) => Promise<void>;
}

const DecisionContext = createContext<DecisionRunner | null>(null);

const BUTTON: Record<NonNullable<Decision['tone']>, string> = {
  primary: 'button button--small',
  quiet: 'button button--quiet button--small',
  danger: 'button button--danger button--small',
};

/**
 * A moderation queue (flags, reported messages, pause appeals): its items oldest first with
 * "Load more", and a polite status line saying what the last decision did or why it failed. Every
 * decision button is disabled while one decision is being saved.
 */
export function DecisionList<T>({
  queue,
  loading,
  error,
  loadingText,
  errorText,
  empty,
  onLoadMore,
  onDecided,
  describeError,
  getKey,
  children,
}: DecisionListProps<T>) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (decide: () => Promise<string>) => {
    setMessage(null);
    try {
      setBusy(true);
      const done = await decide().finally(() => setBusy(false));
      setMessage(done);
      await onDecided?.();
    } catch (e) {
      setMessage(describeError(e));
    }
  };

  return (
    <DecisionContext.Provider value={{ busy, run }}>
      <p role="status" className={styles['status']}>
        {message}
      </p>
      <QueryState
        data={queue}
        loading={loading}
        error={error}
        loadingText={loadingText}
        errorText={errorText}
        showErrorMessage
        isEmpty={(q) => q.edges.length === 0}
        empty={empty}
      >
        {(q) => (
          <LoadMoreList pageInfo={q.pageInfo} onLoadMore={onLoadMore}>
            <ol className={styles['list']}>
              {q.edges.map(({ node }) => (
                <Fragment key={getKey(node)}>{children(node)}</Fragment>
              ))}
            </ol>
          </LoadMoreList>
        )}
      </QueryState>
    </DecisionContext.Provider>
  );
}

const DEFAULT_INVALID = (l: { min: number; max: number }) =>
  `Give a reason for the audit log (${l.min} to ${l.max} characters).`;

/**
 * One item of a `DecisionList`: its heading and body, the reason field (at most the API's length;
 * a required one is checked before anything is sent) and its decision buttons.
 */
export function DecisionItem({ title, children, reason, decisions, 'data-testid': testId }: DecisionItemProps) {
  const runner = useContext(DecisionContext);
  if (!runner) throw new Error('DecisionItem must be rendered inside a DecisionList.');
  const id = useId();
  const titleId = `${id}-title`;
  const fieldId = `${id}-reason`;
  const errorId = `${id}-reason-error`;
  const limits = reason.limits ?? LIMITS.moderation.reason;
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const decide = (d: Decision) => {
    const trimmed = text.trim();
    if (reason.required) {
      if (trimmed.length < limits.min || trimmed.length > limits.max) {
        setInvalid(reason.invalidText ?? DEFAULT_INVALID(limits));
        return;
      }
      setInvalid(null);
    }
    void runner.run(() => d.onDecide(trimmed));
  };

  const input = (
    <input
      id={fieldId}
      className={fieldStyles.input}
      placeholder={reason.required ? undefined : reason.label}
      maxLength={limits.max}
      value={text}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={invalid ? errorId : undefined}
      onChange={(e) => setText(e.currentTarget.value)}
    />
  );
  const buttons = decisions.map((d) => (
    <button
      key={d.label}
      type="button"
      className={BUTTON[d.tone ?? 'primary']}
      disabled={runner.busy}
      aria-describedby={titleId}
      onClick={() => decide(d)}
    >
      {d.label}
    </button>
  ));

  return (
    <li className={styles['item']} data-testid={testId}>
      <h3 id={titleId} className={styles['title']}>
        {title}
      </h3>
      {children}
      {reason.required ? (
        <>
          <div className={fieldClassName(!!invalid)}>
            <label htmlFor={fieldId} className={fieldStyles.label}>
              {reason.label}
            </label>
            {input}
            {invalid ? (
              <p id={errorId} className={fieldStyles.error} data-field-error>
                {invalid}
              </p>
            ) : null}
          </div>
          <div className={styles['actions']}>{buttons}</div>
        </>
      ) : (
        <div className={styles['actions']}>
          <label className="visually-hidden" htmlFor={fieldId}>
            {reason.label}
          </label>
          {input}
          {buttons}
        </div>
      )}
    </li>
  );
}
