import { useMutation, useQuery } from '@apollo/client/react';
import { useLocation } from 'react-router';
import {
  FollowMentorDocument,
  MentorProfileDocument,
  UnfollowMentorDocument,
  useCurrentUser,
} from '@crossroads/web-data-access';
import {
  EmptyState,
  FollowButton,
  Loading,
  MarkdownView,
  PlainText,
  RelativeTime,
  TagChips,
  UserBadge,
} from '@crossroads/web-ui';
import { Link } from 'react-router';
import { linkProblem } from './mentoring-validation.js';
import { Availability, Stars, VerifiedBadge } from './mentor-card-parts.js';
import { repliesWithin } from './mentorship-care.js';
import { RequestMentorshipButton, type QuestionRef } from './request-mentorship.js';

function duration(seconds: number): string {
  const hours = seconds / 3600;
  if (hours < 1) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

/** Links shown on a profile: https only, and never followed by search engines. */
function ProfileLink({ href }: { href: string }) {
  if (linkProblem(href)) return null;
  const label = href.replace(/^https:\/\//, '').replace(/\/$/, '');
  return (
    <li>
      <a href={href} rel="noopener noreferrer nofollow" target="_blank">
        {label}
      </a>
    </li>
  );
}

/** The mentor part of a profile page: headline, bio, stats, expertise, links, reviews, request. */
export function MentorSection({ handle, displayName }: { handle: string; displayName: string }) {
  const { data, loading } = useQuery(MentorProfileDocument, {
    variables: { handle },
    fetchPolicy: 'cache-and-network',
  });
  const { user: viewer } = useCurrentUser();
  const location = useLocation();
  // The profile has no id of its own (it lives in its User): the page's query is asked again.
  const refetch = { refetchQueries: [MentorProfileDocument], awaitRefetchQueries: true };
  const [follow] = useMutation(FollowMentorDocument, refetch);
  const [unfollow] = useMutation(UnfollowMentorDocument, refetch);
  const fromQuestion = (location.state as { question?: QuestionRef } | null)?.question ?? null;
  const m = data?.user?.mentorProfile;
  if (loading && !data) {
    return <Loading>Loading the mentor profile…</Loading>;
  }
  if (!m) {
    return viewer?.handle === handle ? (
      <section className="mentor-profile mentor-profile--none" aria-labelledby="mentor-title">
        <h2 id="mentor-title">Mentoring</h2>
        <p>You have no mentor profile yet. Share what you know with people at a career crossroads.</p>
        <p>
          <Link to="/mentor/profile" className="button">
            Become a mentor
          </Link>
        </p>
      </section>
    ) : null;
  }
  const s = m.stats;
  const own = viewer?.handle === handle;
  return (
    <section className="mentor-profile" aria-labelledby="mentor-title">
      <div className="mentor-profile__head">
        <div>
          <h2 id="mentor-title">Mentor {m.verified ? <VerifiedBadge /> : null}</h2>
          <p className="mentor-profile__headline">{m.headline}</p>
          <p className="muted">
            {m.yearsExperience} {m.yearsExperience === 1 ? 'year' : 'years'} of experience
            {m.industries.length > 0 ? ` · ${m.industries.join(', ')}` : ''} · <Availability profile={m} />
          </p>
          {own ? null : (
            <FollowButton
              following={m.viewerFollows}
              followerCount={m.followerCount}
              what={displayName}
              disabledReason={viewer ? null : 'Sign in to follow mentors.'}
              onToggle={(on) => (on ? follow({ variables: { handle } }) : unfollow({ variables: { handle } }))}
            />
          )}
        </div>
        <div className="mentor-profile__action">
          {own ? (
            <Link to="/mentor/profile" className="button button--quiet">
              Edit your mentor profile
            </Link>
          ) : (
            <RequestMentorshipButton
              mentor={{ handle, displayName }}
              question={fromQuestion}
              openRequest={m.viewerOpenRequest}
              disabledReason={
                m.acceptingRequests ? null : `${displayName} is not taking mentorship requests at the moment.`
              }
            />
          )}
        </div>
      </div>

      <dl className="profile__facts mentor-stats">
        <div>
          <dt>Accepted answers</dt>
          <dd>{s.acceptedAnswerCount.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Answers</dt>
          <dd>{s.answerCount.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Mentorships completed</dt>
          <dd>{s.completedMentorships.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Rating</dt>
          <dd>
            <Stars rating={s.averageRating} />{' '}
            {s.reviewCount > 0 ? (
              <span className="muted">
                ({s.reviewCount} {s.reviewCount === 1 ? 'review' : 'reviews'})
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Typical first answer</dt>
          <dd>{s.medianSecondsToFirstAnswer != null ? duration(s.medianSecondsToFirstAnswer) : '—'}</dd>
        </div>
        <div>
          <dt>Replies to requests</dt>
          <dd>{repliesWithin(m.medianResponseHours) ?? '—'}</dd>
        </div>
        {m.outcomes ? (
          <div>
            <dt>Made the move</dt>
            <dd>
              {m.outcomes.madeMoveCount} of {m.outcomes.answerCount} mentees' check-ins
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Open requests at once</dt>
          <dd>up to {m.maxOpenRequests}</dd>
        </div>
      </dl>

      <h3>Expertise</h3>
      <TagChips tags={m.expertise} label="Expertise" />
      {m.certifications.length > 0 ? (
        <>
          <h3>Certifications</h3>
          <ul className="cert-list">
            {m.certifications.map((c) => (
              <li key={c} className="cert-chip">
                {c}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.bio.trim() ? (
        <>
          <h3>About</h3>
          <MarkdownView source={m.bio} className="mentor-profile__bio" />
        </>
      ) : null}
      {m.links.length > 0 ? (
        <>
          <h3>Links</h3>
          <ul className="link-list">
            {m.links.map((l) => (
              <ProfileLink key={l} href={l} />
            ))}
          </ul>
        </>
      ) : null}

      <h3 id="reviews-title">Reviews</h3>
      {m.reviews.length === 0 ? (
        <EmptyState>No reviews yet. Mentees can review a mentorship once it is completed.</EmptyState>
      ) : (
        <ul className="review-list" aria-labelledby="reviews-title">
          {m.reviews.map((r) => (
            <li key={r.requestId} className="review">
              <p className="review__meta">
                <Stars rating={r.rating} /> by <UserBadge user={r.mentee} /> <RelativeTime iso={r.createdAt} />
              </p>
              {r.review ? (
                <p className="review__text">
                  <PlainText text={r.review} />
                </p>
              ) : null}
              {r.reply ? (
                <blockquote className="review__reply">
                  <p className="muted">Reply from {displayName}:</p>
                  <p>
                    <PlainText text={r.reply} />
                  </p>
                </blockquote>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
