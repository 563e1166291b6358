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
 * "Was this article helpful?": five stars as a react-aria RadioGroup (arrow keys move and choose,
 * one tab stop). `value` is the viewer's rating; choosing calls onRate.
 */
export function StarRating({ value, onRate, disabled }: { value: number | null; onRate: (stars: number) => void; disabled?: boolean }) {
  return (
    <RadioGroup
      className="star-rating"
      orientation="horizontal"
      value={value ? String(value) : null}
      onChange={(v) => onRate(Number(v))}
      isDisabled={disabled}
    >
      <Label className="star-rating__label">Was this article helpful?</Label>
      <div className="star-rating__stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <Radio key={n} value={String(n)} aria-label={STAR_LABELS[n]} className="star-rating__star">
            {() => (
              <span aria-hidden="true" className={value !== null && n <= value ? 'star star--on' : 'star'}>
                ★
              </span>
            )}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

function formatPercent(p: number): string {
  return `${Number.isInteger(p) ? p : p.toFixed(1)} %`;
}

/** The average, the count and a bar per star with its share ("5 stars 62 %"). */
export function RatingDistribution({ rating }: { rating: RatingFacts }) {
  if (rating.count === 0) return <p className="muted rating-summary">No ratings yet. Be the first to say whether it helped.</p>;
  const rows = [...rating.distribution].sort((a, b) => b.stars - a.stars);
  return (
    <div className="rating-distribution">
      <p className="rating-summary" data-testid="rating-summary">
        <strong>{rating.average?.toFixed(1) ?? '–'}</strong> out of 5 · {rating.count} {rating.count === 1 ? 'rating' : 'ratings'}
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
