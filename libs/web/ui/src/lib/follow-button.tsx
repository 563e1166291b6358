import { useState } from 'react';

export interface FollowButtonProps {
  following: boolean;
  followerCount: number;
  /** What is followed, for the accessible name: "this question", "the tag pmo", "Priya Raman". */
  what: string;
  /** Why it cannot be pressed (guests); shown instead of acting. */
  disabledReason?: string | null;
  onToggle: (follow: boolean) => Promise<unknown>;
}

function followers(n: number): string {
  return `${n.toLocaleString('en')} ${n === 1 ? 'follower' : 'followers'}`;
}

/**
 * A follow toggle (`aria-pressed`, a check mark when on) with the follower count. Shows the change
 * at once and rolls back, saying so, when the server refuses.
 */
export function FollowButton({ following, followerCount, what, disabledReason, onToggle }: FollowButtonProps) {
  const [pending, setPending] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = pending ?? following;
  const count = pending === null || pending === following ? followerCount : followerCount + (pending ? 1 : -1);

  const toggle = async () => {
    if (disabledReason) {
      setProblem(disabledReason);
      return;
    }
    const next = !shown;
    setPending(next);
    setProblem(null);
    try {
      await onToggle(next);
    } catch {
      setProblem(next ? 'Following did not work. Please try again.' : 'Unfollowing did not work. Please try again.');
    } finally {
      setPending(null);
    }
  };

  return (
    <span className="follow">
      {/* One name in both states ("Follow …", its visible text included); aria-pressed and the check say which. */}
      <button
        type="button"
        className={
          shown
            ? 'button button--small follow__button follow__button--on'
            : 'button button--quiet button--small follow__button'
        }
        aria-pressed={shown}
        disabled={pending !== null}
        onClick={() => void toggle()}
      >
        {shown ? <span aria-hidden="true">✓&nbsp;</span> : null}
        Follow <span className="visually-hidden">{what}</span>
      </button>
      <span className="follow__count muted" data-testid="follower-count">
        {followers(count)}
      </span>
      {problem ? (
        <span className="follow__problem" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
