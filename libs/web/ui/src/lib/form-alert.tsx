import type { ReactNode } from 'react';
import styles from './form-alert.module.css';

/** The alert look, for a status line that turns into a problem (a settings row's "could not save"). */
export const alertClassName: string = styles['alert'] ?? '';

/**
 * A form-level problem (wrong password, rate limit, network), announced when it appears. Focusable
 * so a failed submit can move focus to it (`data-form-error`).
 */
export function FormAlert({ message }: { message: ReactNode | null | undefined }) {
  // Rendered only with a message: an empty alert is noise to screen readers and audits.
  if (message == null || message === '' || message === false) return null;
  return (
    <div role="alert" className={alertClassName} data-form-error tabIndex={-1}>
      {message}
    </div>
  );
}
