import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { LIMITS } from '@crossroads/shared-domain';
import {
  CancelMentorshipDocument,
  CompleteMentorshipDocument,
  MatchedQuestionsDocument,
  MentorshipRequestsDocument,
  ReplyToMentorshipReviewDocument,
  RespondToMentorshipDocument,
  ReviewMentorshipDocument,
  errorText,
  useCurrentUser,
  type MentorshipItemFragment,
  type MentorshipSide,
  type MentorshipStatus,
} from '@crossroads/web-data-access';
import {
  EmptyState,
  fieldStyles,
  FormAlert,
  Loading,
  LoadMoreList,
  PlainText,
  QueryState,
  RelativeTime,
  Tabs,
  TagChips,
  TextAreaField,
  UserBadge,
} from '@crossroads/web-ui';
import { MessagePage } from '../../pages/message-page.js';
import { optionalText } from './mentoring-validation.js';
import { Stars } from './mentor-card-parts.js';
import { CheckIns, NextMentorOffer, PauseNotice } from './mentorship-care.js';

const M = LIMITS.mentoring;
const TABS = ['mentee', 'mentor', 'matched'] as const;
type TabId = (typeof TABS)[number];

/** My mentorship requests, as mentee and as mentor, and (for mentors) questions matched to them. */
export function MentorshipsPage() {
  const { user, loading } = useCurrentUser();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const linkedId = linkedRequestId(location.hash);
  // Mentors are mostly here for the requests sent to them: that tab comes first for them.
  const landing: TabId = user?.role === 'MENTOR' ? 'mentor' : 'mentee';
  const linkedSide = useLinkedSide(linkedId, Boolean(user) && !TABS.includes(raw as TabId));
  const tab: TabId = TABS.includes(raw as TabId) ? (raw as TabId) : (linkedSide ?? landing);
  if (loading) {
    return <Loading />;
  }
  if (!user) {
    return (
      <MessagePage title="Sign in to see your mentorships" tabTitle="Sign in">
        <p>Your mentorship requests are private to you and the mentor. Sign in to see them.</p>
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} className="button">
            Sign in
          </Link>
        </p>
      </MessagePage>
    );
  }
  return (
    <section className="mentorships-page">
      <title>My mentorships · Crossroads</title>
      <h1>My mentorships</h1>
      <Tabs
        label="Mentorships"
        selected={tab}
        onSelect={(k) => setParams(k === landing ? {} : { tab: k }, { replace: true })}
        tabs={[
          { id: 'mentee', label: 'As mentee', panel: <RequestList side="MENTEE" linkedId={linkedId} /> },
          {
            id: 'mentor',
            label: 'As mentor',
            panel: (
              <>
                <PauseNotice />
                <p>
                  <Link to="/mentoring/insights">Your mentoring insights</Link>: requests, response time, reviews and
                  accepted answers over time.
                </p>
                <RequestList side="MENTOR" linkedId={linkedId} />
              </>
            ),
          },
          { id: 'matched', label: 'Matched to you', panel: <MatchedList isMentor={user.role === 'MENTOR'} /> },
        ]}
      />
    </section>
  );
}

/** The request a link names: `#request-<id>` (the app's links) or `#mentorship-<id>` (notifications). */
function linkedRequestId(hash: string): string | null {
  const match = /^#(?:request|mentorship)-(.+)$/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * Which tab holds the linked request, when the link names no tab: a mentor's notification about
 * their own request as a mentee must not land on the mentor tab. Same queries as the lists (cached).
 */
function useLinkedSide(linkedId: string | null, needed: boolean): TabId | null {
  const skip = !linkedId || !needed;
  const options = { fetchPolicy: 'cache-and-network', skip } as const;
  const mentee = useQuery(MentorshipRequestsDocument, { variables: { side: 'MENTEE', first: 20 }, ...options });
  const mentor = useQuery(MentorshipRequestsDocument, { variables: { side: 'MENTOR', first: 20 }, ...options });
  const holds = (list: typeof mentee.data) =>
    Boolean(list?.mentorshipRequests.edges.some((e) => e.node.id === linkedId));
  if (skip) return null;
  if (holds(mentee.data)) return 'mentee';
  if (holds(mentor.data)) return 'mentor';
  return null;
}

function RequestList({ side, linkedId }: { side: MentorshipSide; linkedId: string | null }) {
  const { data, loading, error, fetchMore, refetch } = useQuery(MentorshipRequestsDocument, {
    variables: { side, first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const list = data?.mentorshipRequests;
  // A link to one request (a notification's) scrolls to it once it is listed, and focuses it.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!linkedId || shown.current === linkedId) return;
    const target = document.getElementById(`request-${linkedId}`);
    if (!target) return;
    shown.current = linkedId;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
  // Said politely after a response: the answered form leaves the page with the button just pressed.
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <p role="status" className="visually-hidden" data-testid="mentorship-announcement">
        {announcement}
      </p>
      <QueryState
        data={list}
        loading={loading}
        error={error}
        loadingText="Loading requests…"
        errorText="Your requests could not be loaded."
        onRetry={() => void refetch()}
        isEmpty={(l) => l.edges.length === 0}
        empty={
          side === 'MENTEE' ? (
            <EmptyState as="div">
              <h2>No requests yet</h2>
              <p>Find a mentor who knows your situation and ask them for help.</p>
              <Link to="/mentors" className="button">
                Browse mentors
              </Link>
            </EmptyState>
          ) : (
            <EmptyState as="div">
              <h2>No requests for you yet</h2>
              <p>
                Members ask mentors for help from their profile or from a question. A complete profile and good answers
                help them find you.
              </p>
              <Link to="/mentor/profile" className="button">
                Your mentor profile
              </Link>
            </EmptyState>
          )
        }
      >
        {(l) => (
          <LoadMoreList
            pageInfo={l.pageInfo}
            onLoadMore={(after) => fetchMore({ variables: { after } })}
            moreClassName="feed__more"
          >
            <ol className="request-list">
              {l.edges.map(({ node }) => (
                <RequestItem
                  key={node.id}
                  r={node}
                  side={side}
                  linked={node.id === linkedId}
                  onAnnounce={setAnnouncement}
                />
              ))}
            </ol>
          </LoadMoreList>
        )}
      </QueryState>
    </>
  );
}

const STATUS_LABEL: Record<MentorshipStatus, string> = {
  PENDING: 'Waiting for the mentor',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
};

function RequestItem({
  r,
  side,
  linked,
  onAnnounce,
}: {
  r: MentorshipItemFragment;
  side: MentorshipSide;
  linked: boolean;
  onAnnounce: (text: string) => void;
}) {
  const other = side === 'MENTEE' ? r.mentor : r.mentee;
  const [complete, completing] = useMutation(CompleteMentorshipDocument);
  const [cancel, cancelling] = useMutation(CancelMentorshipDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
    } catch (e) {
      setProblem(errorText(e));
    }
  };
  const busy = completing.loading || cancelling.loading;
  const open = r.status === 'PENDING' || r.status === 'ACCEPTED';
  return (
    <li
      className={linked ? 'request request--linked' : 'request'}
      id={`request-${r.id}`}
      // The request a link pointed at: focused (see RequestList) and marked as the current one.
      tabIndex={linked ? -1 : undefined}
      aria-current={linked ? 'true' : undefined}
      aria-label={`${side === 'MENTEE' ? 'Request to' : 'Request from'} ${other.displayName}`}
      data-testid="mentorship-request"
    >
      <p className="request__head">
        <span className={`status-pill status-pill--${r.status.toLowerCase()}`}>
          {r.endReason === 'NOT_A_GOOD_FIT' ? 'Ended: not the right fit' : (STATUS_LABEL[r.status] ?? r.status)}
        </span>{' '}
        {side === 'MENTEE' ? 'To' : 'From'} <UserBadge user={other} /> <RelativeTime iso={r.createdAt} />
      </p>
      {r.question ? (
        <p className="request__question">
          About: <Link to={`/q/${encodeURIComponent(r.question.id)}`}>{r.question.title}</Link>
        </p>
      ) : null}
      <blockquote className="request__message">
        <PlainText text={r.message} />
      </blockquote>
      {r.status === 'PENDING' ? (
        <p className="muted">
          Expires <RelativeTime iso={r.expiresAt} /> if not answered.
        </p>
      ) : null}
      {r.responseMessage ? (
        <div className="request__response">
          <p className="muted">{side === 'MENTEE' ? `${r.mentor.displayName} replied:` : 'Your reply:'}</p>
          <blockquote>
            <PlainText text={r.responseMessage} />
          </blockquote>
        </div>
      ) : null}

      {r.status === 'ACCEPTED' || r.status === 'COMPLETED' ? (
        <p>
          <Link to={`/mentorships/${encodeURIComponent(r.id)}`} className="button">
            Open workspace<span className="visually-hidden"> with {other.displayName}</span>
          </Link>
        </p>
      ) : null}
      {side === 'MENTOR' && r.status === 'PENDING' ? (
        <RespondForm requestId={r.id} menteeName={r.mentee.displayName} onResponded={onAnnounce} />
      ) : null}
      {open ? (
        <p className="request__actions">
          {r.status === 'ACCEPTED' ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run(() => complete({ variables: { requestId: r.id } }))}
            >
              Mark completed
            </button>
          ) : null}
          {side === 'MENTEE' ? (
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => void run(() => cancel({ variables: { requestId: r.id } }))}
            >
              Cancel request
            </button>
          ) : null}
        </p>
      ) : null}
      <FormAlert message={problem} />
      <CheckIns r={r} otherName={other.displayName} />
      {side === 'MENTEE' ? <NextMentorOffer r={r} /> : null}

      {r.review ? (
        <div className="request__review">
          <p>
            {side === 'MENTEE' ? 'Your review: ' : `${r.mentee.displayName}'s review: `}
            <Stars rating={r.review.rating} />
          </p>
          {r.review.review ? (
            <blockquote>
              <PlainText text={r.review.review} />
            </blockquote>
          ) : null}
          {r.review.reply ? (
            <div className="review__reply">
              <p className="muted">{side === 'MENTOR' ? 'Your reply:' : `${r.mentor.displayName} replied:`}</p>
              <p>
                <PlainText text={r.review.reply} />
              </p>
            </div>
          ) : side === 'MENTOR' ? (
            <ReplyForm requestId={r.id} />
          ) : null}
        </div>
      ) : side === 'MENTEE' && r.status === 'COMPLETED' ? (
        <ReviewForm requestId={r.id} mentorName={r.mentor.displayName} />
      ) : null}
    </li>
  );
}

function RespondForm({
  requestId,
  menteeName,
  onResponded,
}: {
  requestId: string;
  menteeName: string;
  onResponded: (text: string) => void;
}) {
  const [respond, { loading }] = useMutation(RespondToMentorshipDocument);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async (accept: boolean) => {
    const problem = optionalText('Message', message, M.responseMessage.max);
    if (problem) return setError(problem);
    setError(null);
    try {
      await respond({ variables: { input: { requestId, accept, message: message.trim() || null } } });
      onResponded(
        accept ? `You accepted the request from ${menteeName}.` : `You declined the request from ${menteeName}.`,
      );
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form className="respond-form" onSubmit={(e) => e.preventDefault()}>
      <TextAreaField
        name="responseMessage"
        label={`Message to ${menteeName} (optional)`}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        error={error}
        hint={`How and when you can help, or why not. Up to ${M.responseMessage.max.toLocaleString('en')} characters.`}
      />
      <p className="request__actions">
        <button type="button" className="button" disabled={loading} onClick={() => void send(true)}>
          Accept
        </button>
        <button type="button" className="button button--quiet" disabled={loading} onClick={() => void send(false)}>
          Decline
        </button>
      </p>
    </form>
  );
}

function ReviewForm({ requestId, mentorName }: { requestId: string; mentorName: string }) {
  const [review, { loading }] = useMutation(ReviewMentorshipDocument, { refetchQueries: ['MentorshipRequests'] });
  const [rating, setRating] = useState('');
  const [met, setMet] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ rating?: string | undefined; text?: string | undefined; form?: string }>({});
  const submit = async () => {
    const next = {
      rating: rating ? undefined : 'Choose a rating from 1 to 5 stars.',
      text: optionalText('Review', text, M.review.max),
    };
    if (next.rating || next.text) return setErrors(next);
    setErrors({});
    try {
      await review({
        variables: {
          input: {
            requestId,
            rating: Number(rating),
            review: text.trim() || null,
            metExpectations: met ? Number(met) : null,
          },
        },
      });
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };
  return (
    <form
      className="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <h3 className="review-form__title">How was your mentorship with {mentorName}?</h3>
      <RadioGroup
        value={rating}
        onChange={setRating}
        orientation="horizontal"
        className="rating-group"
        isInvalid={Boolean(errors.rating)}
        aria-describedby={errors.rating ? `rating-error-${requestId}` : undefined}
      >
        <Label className={fieldStyles.label}>Rating</Label>
        <div className="rating-group__options">
          {[1, 2, 3, 4, 5].map((n) => (
            <Radio
              key={n}
              value={String(n)}
              className="rating-option"
              aria-label={`${n} ${n === 1 ? 'star' : 'stars'}`}
            >
              <span aria-hidden="true">{'★'.repeat(n)}</span>
            </Radio>
          ))}
        </div>
      </RadioGroup>
      {errors.rating ? (
        <p data-field-error className={fieldStyles.error} id={`rating-error-${requestId}`}>
          {errors.rating}
        </p>
      ) : null}
      <RadioGroup value={met} onChange={setMet} orientation="horizontal" className="rating-group">
        <Label className={fieldStyles.label}>Did it meet your expectations? (optional, seen only by moderators)</Label>
        <div className="rating-group__options">
          {[1, 2, 3, 4, 5].map((n) => (
            <Radio key={n} value={String(n)} className="rating-option" aria-label={`Met expectations: ${n} of 5`}>
              <span aria-hidden="true">{n}</span>
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <TextAreaField
        name="review"
        label="Review (optional)"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
        hint={`Up to ${M.review.max.toLocaleString('en')} characters, shown on the mentor's profile.`}
      />
      <FormAlert message={errors.form} />
      <button type="submit" className="button" disabled={loading}>
        {loading ? 'Sending…' : 'Post review'}
      </button>
    </form>
  );
}

function ReplyForm({ requestId }: { requestId: string }) {
  const [reply, { loading }] = useMutation(ReplyToMentorshipReviewDocument, { refetchQueries: ['MentorshipRequests'] });
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const problem = optionalText('Reply', text, M.reply.max, true);
    if (problem) return setError(problem);
    setError(null);
    try {
      await reply({ variables: { input: { requestId, reply: text.trim() } } });
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <TextAreaField
        name="reply"
        label="Reply to this review"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
        hint={`Once, up to ${M.reply.max.toLocaleString('en')} characters, shown under the review.`}
      />
      <button type="submit" className="button button--quiet" disabled={loading}>
        Post reply
      </button>
    </form>
  );
}

function MatchedList({ isMentor }: { isMentor: boolean }) {
  const { data, loading, error, fetchMore } = useQuery(MatchedQuestionsDocument, {
    variables: { first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const list = data?.matchedQuestions;
  return (
    <QueryState
      data={list}
      loading={loading}
      error={error}
      loadingText="Loading matched questions…"
      errorText="The matched questions could not be loaded."
      isEmpty={(l) => l.edges.length === 0}
      empty={
        <EmptyState as="div">
          <h2>No matched questions</h2>
          <p>
            {isMentor
              ? 'No open question has a tag in your expertise right now. Add expertise tags to see more.'
              : 'Open questions in your expertise show here once you have a mentor profile.'}
          </p>
          <Link to="/mentor/profile" className="button">
            {isMentor ? 'Edit your expertise' : 'Become a mentor'}
          </Link>
        </EmptyState>
      }
    >
      {(l) => (
        <>
          <p className="muted">
            {l.totalCount} open {l.totalCount === 1 ? 'question' : 'questions'} in your expertise, most shared tags
            first.
          </p>
          <LoadMoreList
            pageInfo={l.pageInfo}
            onLoadMore={(after) => fetchMore({ variables: { after } })}
            moreClassName="feed__more"
          >
            <ol className="question-list">
              {l.edges.map((e) => (
                <li key={e.cursor} className="question-item matched-item">
                  <div className="question-item__main">
                    <h2 className="question-item__title">
                      <Link to={`/q/${encodeURIComponent(e.node.id)}`}>{e.node.title}</Link>
                    </h2>
                    <p className="muted">
                      {e.reason} · {e.node.answerCount} {e.node.answerCount === 1 ? 'answer' : 'answers'} ·{' '}
                      <RelativeTime iso={e.node.createdAt} prefix="asked" />
                    </p>
                    <TagChips tags={e.sharedTags.map((name) => ({ name }))} label="Shared tags" />
                  </div>
                </li>
              ))}
            </ol>
          </LoadMoreList>
        </>
      )}
    </QueryState>
  );
}
