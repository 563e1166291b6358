import { useOptimistic, useState, useTransition } from 'react';
import { ToggleButton } from 'react-aria-components';

export interface VoteButtonProps {
  score: number;
  /** 1, -1, 0 (none); null for guests. */
  viewerVote: number | null;
  /** Sends the vote (1, -1 or 0 to withdraw); resolves with the new score, rejects with a message. */
  onVote: (value: -1 | 0 | 1) => Promise<unknown>;
  /** Why voting is not possible here (guest, own post); the buttons are then disabled. */
  disabledReason?: string | null;
  /** What is voted on, for the button labels ("question", "answer"). */
  label: string;
}

interface VoteState {
  score: number;
  vote: number;
}

/**
 * Up/down vote toggles with the score between them. A click shows its effect at once (React's
 * useOptimistic); if the server refuses, the previous state comes back with the reason shown.
 */
export function VoteButton({ score, viewerVote, onVote, disabledReason, label }: VoteButtonProps) {
  const confirmed: VoteState = { score, vote: viewerVote ?? 0 };
  const [optimistic, setOptimistic] = useOptimistic(confirmed, (_: VoteState, next: VoteState) => next);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const cast = (direction: 1 | -1) => {
    const value = (optimistic.vote === direction ? 0 : direction) as -1 | 0 | 1;
    const next = { score: optimistic.score - optimistic.vote + value, vote: value };
    setError(null);
    startTransition(async () => {
      setOptimistic(next);
      try {
        await onVote(value);
      } catch (e) {
        setError(e instanceof Error && e.message ? e.message : 'Your vote could not be saved.');
      }
    });
  };

  const disabled = Boolean(disabledReason) || pending;
  return (
    <div className="vote" role="group" aria-label={`Votes on this ${label}`} title={disabledReason ?? undefined}>
      <ToggleButton
        className="vote__button vote__button--up"
        isSelected={optimistic.vote === 1}
        isDisabled={disabled}
        onChange={() => cast(1)}
        aria-label={`Upvote this ${label}`}
      >
        <span aria-hidden="true">▲</span>
      </ToggleButton>
      <span className="vote__score" data-testid="score" aria-live="polite" aria-label={`Score ${optimistic.score}`}>
        {optimistic.score}
      </span>
      <ToggleButton
        className="vote__button vote__button--down"
        isSelected={optimistic.vote === -1}
        isDisabled={disabled}
        onChange={() => cast(-1)}
        aria-label={`Downvote this ${label}`}
      >
        <span aria-hidden="true">▼</span>
      </ToggleButton>
      {error ? (
        <p className="vote__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
