import { Link } from 'react-router';
import { TagChips, UserBadge } from '@crossroads/web-ui';
import type { MentorCardFragment } from '@crossroads/web-data-access';
import { RepliesWithin } from './mentorship-care.js';

export function VerifiedBadge() {
  return (
    <span className="verified-badge" title="A moderator checked this mentor's experience claims">
      <span aria-hidden="true">✔ </span>Verified
    </span>
  );
}

export function Stars({ rating }: { rating: number | null | undefined }) {
  if (rating == null) return <span className="muted">No reviews yet</span>;
  const rounded = Math.round(rating);
  return (
    <span className="stars" role="img" aria-label={`Rated ${rating.toFixed(1)} out of 5`}>
      <span aria-hidden="true">
        {'★'.repeat(rounded)}
        {'☆'.repeat(5 - rounded)}
      </span>{' '}
      <span aria-hidden="true">{rating.toFixed(1)}</span>
    </span>
  );
}

/** Accepting requests, or not / full. */
export function Availability({ profile }: { profile: Pick<MentorCardFragment, 'acceptingRequests'> }) {
  return profile.acceptingRequests ? (
    <span className="availability availability--open">Accepting requests</span>
  ) : (
    <span className="availability availability--closed">Not taking requests</span>
  );
}

export function MentorCard({ m }: { m: MentorCardFragment }) {
  const handle = encodeURIComponent(m.user.handle);
  return (
    <li className="mentor-card">
      <div className="mentor-card__top">
        <UserBadge user={m.user} />
        {m.verified ? <VerifiedBadge /> : null}
      </div>
      <h2 className="mentor-card__headline">
        <Link to={`/u/${handle}`}>{m.headline}</Link>
      </h2>
      <p className="mentor-card__facts muted">
        {m.yearsExperience} {m.yearsExperience === 1 ? 'year' : 'years'} of experience · {m.acceptedAnswerCount}{' '}
        accepted {m.acceptedAnswerCount === 1 ? 'answer' : 'answers'} · <Stars rating={m.averageRating} />
      </p>
      {m.certifications.length > 0 ? (
        <p className="mentor-card__certs">
          <span className="visually-hidden">Certifications: </span>
          {m.certifications.map((c) => (
            <span key={c} className="cert-chip">
              {c}
            </span>
          ))}
        </p>
      ) : null}
      <TagChips tags={m.expertise} />
      <p className="mentor-card__foot">
        <Availability profile={m} /> <RepliesWithin hours={m.medianResponseHours} />
      </p>
    </li>
  );
}
