import { useId, useState, type FormEvent } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { formErrorsFrom } from '@crossroads/web-data-access';
import { alertClassName, fieldClassName, fieldStyles } from '@crossroads/web-ui';

export const FEEDBACK_MIN = 10;
export const FEEDBACK_MAX = 2000;

export function feedbackProblem(message: string): string | null {
  const n = message.trim().length;
  if (n === 0) return 'Tell us what could be better.';
  if (n < FEEDBACK_MIN) return `Feedback must be at least ${FEEDBACK_MIN} characters (now ${n}).`;
  if (n > FEEDBACK_MAX)
    return `Feedback must be at most ${FEEDBACK_MAX.toLocaleString('en')} characters (now ${n.toLocaleString('en')}).`;
  return null;
}

/** A RATE_LIMITED error as "Try again in N seconds" (the server says how long), else null. */
export function rateLimitMessage(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const limited = error.errors.find((e) => e.extensions?.['code'] === 'RATE_LIMITED');
  if (!limited) return null;
  const wait = Number(limited.extensions?.['retryAfterSeconds']);
  const when =
    Number.isFinite(wait) && wait > 0
      ? ` Please wait ${Math.ceil(wait)} ${Math.ceil(wait) === 1 ? 'second' : 'seconds'} and try again.`
      : ' Please try again later.';
  return `You have sent a lot of feedback in a short time.${when}`;
}

/** "How can we improve this article?": 10–2,000 characters, checked before sending. */
export function FeedbackForm({ onSend }: { onSend: (message: string) => Promise<void> }) {
  const id = useId();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const problem = feedbackProblem(message);
    setError(problem);
    setFormError(null);
    if (problem) {
      document.getElementById(id)?.focus();
      return;
    }
    setSending(true);
    try {
      await onSend(message.trim());
      setSent(true);
      setMessage('');
    } catch (err) {
      const limited = rateLimitMessage(err);
      if (limited) setFormError(limited);
      else {
        const mapped = formErrorsFrom(err, ['message'] as const);
        if (mapped.fields.message) setError(mapped.fields.message);
        else setFormError(mapped.form);
      }
    } finally {
      setSending(false);
    }
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <form className="feedback-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>How can we improve this article?</h2>
      <div role="status" className="feedback-form__status">
        {sent ? <p className="notice">Thank you! Your feedback was sent to the knowledge-base editors.</p> : null}
      </div>
      <div className={fieldClassName(!!error)}>
        <label htmlFor={id} className={fieldStyles.label}>
          Your feedback
        </label>
        <textarea
          id={id}
          name="message"
          className={fieldStyles.input}
          rows={4}
          value={message}
          onChange={(e) => {
            setMessage(e.currentTarget.value);
            setSent(false);
            if (error) setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(' ')}
        />
        {error ? (
          <p id={errorId} className={fieldStyles.error} data-field-error>
            {error}
          </p>
        ) : null}
        <p id={hintId} className={fieldStyles.hint}>
          {FEEDBACK_MIN}–{FEEDBACK_MAX.toLocaleString('en')} characters ({message.trim().length} now). Seen by the
          editors only.
        </p>
      </div>
      <div role="alert" className={formError ? alertClassName : undefined}>
        {formError}
      </div>
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Sending…' : 'Send feedback'}
      </button>
    </form>
  );
}
