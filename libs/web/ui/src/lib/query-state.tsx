import type { ReactNode, Ref } from 'react';
import { alertClassName } from './form-alert.js';
import styles from './query-state.module.css';

/** "Loading…", announced politely. */
export function Loading({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <p className={styles['loading']} role="status">
      {children}
    </p>
  );
}

/** What a list says when it has nothing to show: a sentence (`p`), or a heading and more (`div`). */
export function EmptyState({
  children,
  as: Tag = 'p',
  ref,
  tabIndex,
  'data-testid': testId,
}: {
  children: ReactNode;
  as?: 'p' | 'div';
  ref?: Ref<HTMLElement>;
  tabIndex?: number;
  'data-testid'?: string;
}) {
  return (
    <Tag
      className={styles['empty']}
      ref={ref as Ref<HTMLParagraphElement & HTMLDivElement>}
      tabIndex={tabIndex}
      data-testid={testId}
    >
      {children}
    </Tag>
  );
}

/** A load that failed: what could not be loaded, with "Try again" when there is a way to retry. */
export function LoadError({ children, onRetry }: { children: ReactNode; onRetry?: (() => void) | undefined }) {
  return (
    <div className={alertClassName} role="alert">
      {children}
      {onRetry ? (
        <>
          {' '}
          <button type="button" className="button button--quiet" onClick={onRetry}>
            Try again
          </button>
        </>
      ) : null}
    </div>
  );
}

export interface QueryStateProps<T> {
  /** The query's result so far; cached data wins over a later loading or error state. */
  data: T | null | undefined;
  loading: boolean;
  error?: { message: string } | undefined;
  /** Shown while the first result is on its way. */
  loadingText?: ReactNode;
  /** What could not be loaded ("The flags could not be loaded."). */
  errorText: ReactNode;
  /** Shown after `errorText` when the error's own message helps (staff pages). */
  showErrorMessage?: boolean;
  onRetry?: () => void;
  /** True when the result has nothing to list; `empty` is shown instead of the children. */
  isEmpty?: (data: T) => boolean;
  /** A sentence (shown as an EmptyState), or a whole EmptyState of the page's making. */
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The loading / error (with retry) / empty / loaded states every query page shows. */
export function QueryState<T>({
  data,
  loading,
  error,
  loadingText,
  errorText,
  showErrorMessage,
  onRetry,
  isEmpty,
  empty,
  children,
}: QueryStateProps<T>) {
  if (data == null) {
    if (error) {
      return (
        <LoadError onRetry={onRetry}>
          {errorText}
          {showErrorMessage && error.message ? ` ${error.message}` : null}
        </LoadError>
      );
    }
    if (loading) return <Loading>{loadingText}</Loading>;
    return null;
  }
  if (isEmpty?.(data) && empty != null)
    return typeof empty === 'string' ? <EmptyState>{empty}</EmptyState> : <>{empty}</>;
  return <>{children(data)}</>;
}
