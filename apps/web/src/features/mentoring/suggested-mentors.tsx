import { Link } from 'react-router';
import { UserBadge } from '@crossroads/web-ui';
import { VerifiedBadge } from './mentor-card-parts.js';
import { RequestMentorshipButton, type QuestionRef } from './request-mentorship.js';

interface Suggestion {
  reason: string;
  mentor: {
    headline: string;
    verified: boolean;
    acceptingRequests: boolean;
    viewerOpenRequest?: { id: string; status: string } | null;
    user: { id: string; handle: string; displayName: string; reputation: number; role: string };
  };
}

/** Mentors suggested for a question, each with the reason, and a pre-filled "Request mentorship". */
export function SuggestedMentors({
  suggestions,
  question,
}: {
  suggestions: readonly Suggestion[];
  question: QuestionRef;
}) {
  return (
    <aside className="suggested-mentors" aria-labelledby="suggested-mentors-title">
      <h2 id="suggested-mentors-title">Mentors who could help</h2>
      {suggestions.length === 0 ? (
        <p className="muted">
          No mentor matches this question's tags yet. <Link to="/mentors">Browse all mentors</Link>.
        </p>
      ) : (
        <ul className="suggestion-list">
          {suggestions.map((s) => (
            <li key={s.mentor.user.id} className="suggestion" data-testid="suggested-mentor">
              <p className="suggestion__who">
                <UserBadge user={s.mentor.user} /> {s.mentor.verified ? <VerifiedBadge /> : null}
              </p>
              <p className="suggestion__headline">{s.mentor.headline}</p>
              <p className="suggestion__reason muted">{s.reason}</p>
              <RequestMentorshipButton
                mentor={{ handle: s.mentor.user.handle, displayName: s.mentor.user.displayName }}
                question={question}
                openRequest={s.mentor.viewerOpenRequest}
                className="button button--small"
                disabledReason={s.mentor.acceptingRequests ? null : 'Not taking requests right now.'}
              />
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
