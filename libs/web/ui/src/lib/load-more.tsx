import { useState, type ReactNode } from 'react';

export interface PageInfoLike {
  hasNextPage: boolean;
  endCursor?: string | null | undefined;
}

export interface LoadMoreButtonProps {
  pageInfo: PageInfoLike;
  /** Fetches the page after `endCursor`; the button shows "Loading…" until it settles. */
  onLoadMore: (after: string | null) => Promise<unknown>;
  label?: ReactNode;
}

/** Keyset paging's "Load more": shown while there is a next page, disabled while one is loading. */
export function LoadMoreButton({ pageInfo, onLoadMore, label = 'Load more' }: LoadMoreButtonProps) {
  const [loading, setLoading] = useState(false);
  if (!pageInfo.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button button--quiet"
      disabled={loading}
      onClick={() => {
        setLoading(true);
        void onLoadMore(pageInfo.endCursor ?? null).finally(() => setLoading(false));
      }}
    >
      {loading ? 'Loading…' : label}
    </button>
  );
}

export interface LoadMoreListProps extends LoadMoreButtonProps {
  /** The list itself (any markup: a list, a table, cards). */
  children: ReactNode;
  /** Class of the paragraph that holds the button, for the page's layout. */
  moreClassName?: string;
}

/** A keyset-paged list followed by its "Load more" button. */
export function LoadMoreList({ children, moreClassName, ...button }: LoadMoreListProps) {
  return (
    <>
      {children}
      {button.pageInfo.hasNextPage ? (
        <p className={moreClassName}>
          <LoadMoreButton {...button} />
        </p>
      ) : null}
    </>
  );
}
