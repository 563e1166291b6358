import { useRef, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';

export interface StarShare {
  stars: number;
  count: number;
  percent: number;
}

export interface RatingFacts {
  average: number | null;
  count: number;
  distribution: StarShare[];
}

const STAR_LABELS = ['', '1 star: not helpful', '2 stars', '3 stars', '4 stars', '5 stars: very helpful'];

/**
 * "Was this article helpful?": five stars as a react-aria RadioGroup (one tab stop). Arrow keys
 * only move the choice; Enter, Space or "Submit rating" sends it, and a pointer click on a star
 * sends at once. Nothing is disabled while saving, so focus stays on the star.
 */
export function StarRating({
  value,
  onRate,
  disabled,
}: {
  value: number | null;
  onRate: (stars: number) => void;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState<number | null>(value);
  const pointer = useRef(false);
  // A new saved value (after a submit, or another article) replaces the draft.
  const [saved, setSaved] = useState(value);
  if (value !== saved) {
    setSaved(value);
    setDraft(value);
  }
  const send = (stars: number | null) => {
    if (stars != null && !disabled) onRate(stars);
  };
  return (
    <RadioGroup
      className="star-rating"
      orientation="horizontal"
      value={draft ? String(draft) : null}
      onChange={(v) => {
        setDraft(Number(v));
        // A click chooses and sends; arrows (keyboard) only choose.
        if (pointer.current) send(Number(v));
        pointer.current = false;
      }}
    >
      <Label className="star-rating__label">Was this article helpful?</Label>
      <div
        className="star-rating__stars"
        onPointerDownCapture={() => {
          pointer.current = true;
        }}
        // Capture: react-aria's press handling stops Enter/Space from bubbling out of the radio.
        onKeyDownCapture={(e) => {
          pointer.current = false;
          if (e.key !== 'Enter' && e.key !== ' ') return;
          const focused = Number((e.target as HTMLInputElement).value);
          if (!focused) return;
          e.preventDefault();
          setDraft(focused);
          send(focused);
        }}
      >
        {[1, 2, 3, 4, 5].map((n) => (
          <Radio key={n} value={String(n)} aria-label={STAR_LABELS[n]} className="star-rating__star">
            {() => (
              <span aria-hidden="true" className={draft !== null && n <= draft ? 'star star--on' : 'star'}>
                ★
              </span>
            )}
          </Radio>
        ))}
      </div>
      <button
        type="button"
        className="button button--small button--quiet star-rating__submit"
        onClick={() => send(draft)}
      >
        Submit rating
      </button>
    </RadioGroup>
  );
}

function formatPercent(p: number): string {
  return `${Number.isInteger(p) ? p : p.toFixed(1)} %`;
}

/** The average, the count and a bar per star with its share ("5 stars 62 %"). */
export function RatingDistribution({ rating }: { rating: RatingFacts }) {
  if (rating.count === 0)
    return <p className="muted rating-summary">No ratings yet. Be the first to say whether it helped.</p>;
  const rows = [...rating.distribution].sort((a, b) => b.stars - a.stars);
  return (
    <div className="rating-distribution">
      <p className="rating-summary" data-testid="rating-summary">
        <strong>{rating.average?.toFixed(1) ?? '–'}</strong> out of 5 · {rating.count}{' '}
        {rating.count === 1 ? 'rating' : 'ratings'}
      </p>
      <ul className="rating-bars" aria-label="Ratings by stars">
        {rows.map((r) => (
          <li key={r.stars} className="rating-bar" data-testid={`rating-${r.stars}`}>
            <span className="rating-bar__label">
              {r.stars} {r.stars === 1 ? 'star' : 'stars'}
            </span>
            <span className="rating-bar__track" aria-hidden="true">
              <span className="rating-bar__fill" style={{ width: `${Math.max(0, Math.min(100, r.percent))}%` }} />
            </span>
            <span className="rating-bar__value">
              {formatPercent(r.percent)} <span className="visually-hidden">({r.count})</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
