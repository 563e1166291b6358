import { useId, type InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** A labelled input with an optional hint and its error shown (and announced) right below it. */
export function TextField({ name, label, hint, error, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input id={id} name={name} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A form-level problem (wrong password, rate limit, network), announced when it appears. */
export function FormAlert({ message }: { message: string | null }) {
  // Rendered only with a message: an empty alert is noise to screen readers and audits.
  if (!message) return null;
  return (
    <div role="alert" className="form-alert" data-form-error tabIndex={-1}>
      {message}
    </div>
  );
}
