import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Button } from 'react-aria-components';
import { LIMITS } from '@crossroads/shared-domain';
import {
  BookMentorshipSessionDocument,
  BookableSlotsDocument,
  MarkMentorshipReadDocument,
  MentorshipMessageAddedDocument,
  MentorshipWorkspaceDocument,
  ReportMentorshipMessageDocument,
  SendMentorshipMessageDocument,
  SetMentorshipPlanDocument,
  UpdateMentorshipSessionDocument,
  errorCode,
  errorText,
  useCurrentUser,
  type MentorshipWorkspaceQuery,
  type SessionStatus,
  type WorkspaceSessionFragment,
} from '@crossroads/web-data-access';
import {
  ActionDialog,
  DialogActions,
  FormAlert,
  Loading,
  LoadMoreList,
  MarkdownView,
  QueryState,
  RelativeTime,
  TextAreaField,
  TextField,
  UserBadge,
  fieldStyles,
} from '@crossroads/web-ui';
import { MessagePage } from '../../pages/message-page.js';
import { CheckIns } from './mentorship-care.js';
import { NotFoundPage } from '../../pages/not-found-page.js';

const W = LIMITS.mentorshipWorkspace;
type Workspace = NonNullable<MentorshipWorkspaceQuery['mentorship']>;

/** The viewer's own zone: every time on this page is shown in it. */
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const dayLabel = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
const timeLabel = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const timeIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
const dayKey = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

const STATUS_LABEL: Record<SessionStatus, string> = {
  SCHEDULED: 'Scheduled',
  DONE: 'Done',
  CANCELLED: 'Cancelled',
  LATE_CANCELLED: 'Cancelled late',
  NO_SHOW: 'No-show',
};

/** /mentorships/:id — the pair's workspace: private thread (live), shared plan, sessions and booking. */
export function MentorshipPage() {
  const { id = '' } = useParams();
  const { user, loading: userLoading } = useCurrentUser();
  const location = useLocation();
  const { data, loading, error, refetch, fetchMore } = useQuery(MentorshipWorkspaceDocument, {
    variables: { id, first: 30 },
    skip: !user,
    fetchPolicy: 'cache-and-network',
  });
  if (userLoading) return <Loading />;
  if (!user) {
    return (
      <MessagePage title="Sign in to see this mentorship" tabTitle="Sign in">
        <p>A mentorship's workspace is private to the mentee and the mentor.</p>
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} className="button">
            Sign in
          </Link>
        </p>
      </MessagePage>
    );
  }
  if (errorCode(error) === 'NOT_FOUND') return <NotFoundPage />;
  return (
    <QueryState
      data={data?.mentorship}
      loading={loading}
      error={error}
      loadingText="Loading the mentorship…"
      errorText="This mentorship could not be loaded."
      onRetry={() => void refetch()}
    >
      {(m) => (
        <WorkspaceView
          m={m}
          viewerId={user.id}
          refetch={refetch}
          loadOlder={(after) => fetchMore({ variables: { after } })}
        />
      )}
    </QueryState>
  );
}

function WorkspaceView({
  m,
  viewerId,
  refetch,
  loadOlder,
}: {
  m: Workspace;
  viewerId: string;
  refetch: () => Promise<unknown>;
  loadOlder: (after: string | null) => Promise<unknown>;
}) {
  const other = m.mentee.id === viewerId ? m.mentor : m.mentee;
  const isMentee = m.mentee.id === viewerId;
  return (
    <section className="mentorship-page">
      <title>{`Mentorship with ${other.displayName} · Crossroads`}</title>
      <h1>Mentorship with {other.displayName}</h1>
      <p className="muted">
        {isMentee ? 'Your mentor' : 'Your mentee'}: <UserBadge user={other} /> ·{' '}
        <Link to="/mentorships">All mentorships</Link> · Times are shown in your time zone ({viewerZone()}).
      </p>
      <div className="mentorship-page__grid">
        <Thread m={m} viewerId={viewerId} refetch={refetch} loadOlder={loadOlder} />
        <div>
          <CheckIns r={m} otherName={other.displayName} />
          <Plan m={m} />
          <Sessions m={m} />
          {m.status === 'ACCEPTED' ? <Booking m={m} /> : null}
        </div>
      </div>
    </section>
  );
}

function Thread({
  m,
  viewerId,
  refetch,
  loadOlder,
}: {
  m: Workspace;
  viewerId: string;
  refetch: () => Promise<unknown>;
  loadOlder: (after: string | null) => Promise<unknown>;
}) {
  const [send, sending] = useMutation(SendMentorshipMessageDocument);
  const [markRead] = useMutation(MarkMentorshipReadDocument);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useSubscription(MentorshipMessageAddedDocument, {
    variables: { mentorshipId: m.id },
    onData: ({ data: event }) => {
      const added = event.data?.mentorshipMessageAdded;
      if (!added) return;
      void refetch();
      if (added.author?.id !== viewerId)
        setAnnouncement(`New message from ${added.author?.displayName ?? 'your mentorship partner'}`);
    },
  });
  const unread = m.messages.unreadCount;
  useEffect(() => {
    if (unread > 0) void markRead({ variables: { id: m.id } });
  }, [unread, m.id, markRead]);
  // Oldest first on screen; the connection pages from the newest.
  const messages = [...m.messages.edges].reverse();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    if (text.length < W.message.min) return setError('Write a message first.');
    if (text.length > W.message.max)
      return setError(`Messages are at most ${W.message.max.toLocaleString('en')} characters.`);
    setError(null);
    try {
      await send({ variables: { input: { mentorshipId: m.id, body: text } } });
      setBody('');
      await refetch();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className="mentorship-thread" aria-labelledby="thread-heading">
      <h2 id="thread-heading">Messages</h2>
      <p role="status" className="visually-hidden" data-testid="thread-announcement">
        {announcement}
      </p>
      <LoadMoreList
        pageInfo={m.messages.pageInfo}
        onLoadMore={loadOlder}
        label="Load older messages"
        moreClassName="feed__more"
      >
        {messages.length === 0 ? (
          <p className="muted">No messages yet. Say hello and agree on what you want to work on.</p>
        ) : null}
        <ol className="mentorship-thread__list" data-testid="thread">
          {messages.map(({ node }) => (
            <li
              key={node.id}
              className={`mentorship-message${node.author?.id === viewerId ? ' mentorship-message--mine' : ''}`}
              data-testid="thread-message"
            >
              <p className="mentorship-message__meta">
                {node.author ? <UserBadge user={node.author} /> : 'Deleted user'} <RelativeTime iso={node.createdAt} />
              </p>
              {node.removedByModerator ? (
                <p className="muted mentorship-message__removed">Removed by a moderator.</p>
              ) : (
                <MarkdownView source={node.body} />
              )}
              {node.author && node.author.id !== viewerId && !node.removedByModerator ? (
                <ReportMessage
                  messageId={node.id}
                  authorName={node.author.displayName}
                  reported={node.viewerReported}
                />
              ) : null}
            </li>
          ))}
        </ol>
      </LoadMoreList>
      {m.status === 'ACCEPTED' ? (
        <form onSubmit={(e) => void submit(e)} className="mentorship-thread__form">
          <TextAreaField
            name="message"
            label="Your message"
            hint="Markdown works: **bold**, lists, links."
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={error}
            rows={3}
          />
          <button type="submit" className="button" disabled={sending.loading}>
            Send
          </button>
        </form>
      ) : (
        <p className="muted">The thread is read-only now that the mentorship is {m.status.toLowerCase()}.</p>
      )}
    </section>
  );
}

const REPORT_REASON = LIMITS.mentorshipWorkspace.reportReason;

/** "Report" on the other person's message: moderators then see it (and a few around it), nothing else. */
function ReportMessage({
  messageId,
  authorName,
  reported,
}: {
  messageId: string;
  authorName: string;
  reported: boolean;
}) {
  // The dialog stays while open (its "Thank you"); once closed, the note replaces the button and takes its focus.
  const [open, setOpen] = useState(false);
  const wasOpen = useRef(false);
  const note = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (reported && !open && wasOpen.current) note.current?.focus();
    wasOpen.current = open;
  }, [reported, open]);
  if (reported && !open)
    return (
      <p className="mentorship-message__actions muted" ref={note} tabIndex={-1}>
        You reported this message.
      </p>
    );
  return (
    <p className="mentorship-message__actions">
      <ActionDialog
        label="Report"
        aria-label={`Report this message from ${authorName}`}
        title="Report this message"
        onOpenChange={setOpen}
      >
        {(close) => <ReportForm messageId={messageId} close={close} />}
      </ActionDialog>
    </p>
  );
}

function ReportForm({ messageId, close }: { messageId: string; close: () => void }) {
  const [report, { loading }] = useMutation(ReportMentorshipMessageDocument);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <div className="dialog__body" role="status">
        <p>Thank you. A moderator will read this message and decide; your mentorship stays private otherwise.</p>
        <p className="dialog__actions">
          <Button className="button" onPress={close} autoFocus>
            Close
          </Button>
        </p>
      </div>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (text.length < REPORT_REASON.min || text.length > REPORT_REASON.max)
      return setError(`Say why in ${REPORT_REASON.min} to ${REPORT_REASON.max} characters.`);
    setError(null);
    try {
      await report({
        variables: { input: { messageId, reason: text } },
        update: (cache) => {
          cache.modify({
            id: cache.identify({ __typename: 'MentorshipMessage', id: messageId }),
            fields: { viewerReported: () => true },
          });
        },
      });
      setDone(true);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="dialog__body" noValidate onSubmit={(e) => void submit(e)}>
      <p className="muted">Moderators will see this message and the few messages around it, nothing else.</p>
      <TextAreaField
        label="Why are you reporting it?"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={error}
        rows={3}
      />
      <DialogActions submitLabel="Send report" busy={loading} onCancel={close} />
    </form>
  );
}

function Plan({ m }: { m: Workspace }) {
  const [save, saving] = useMutation(SetMentorshipPlanDocument);
  const [editing, setEditing] = useState(false);
  const [goal, setGoal] = useState(m.goal ?? '');
  const [plan, setPlan] = useState(m.plan ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (goal.trim().length > W.goal.max) return setError(`The goal is at most ${W.goal.max} characters.`);
    if (plan.trim().length > W.plan.max)
      return setError(`The plan is at most ${W.plan.max.toLocaleString('en')} characters.`);
    setError(null);
    try {
      await save({ variables: { input: { mentorshipId: m.id, goal: goal.trim(), plan: plan.trim() } } });
      setEditing(false);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const revisions = m.planRevisions.length;
  return (
    <section aria-labelledby="plan-heading" className="mentorship-plan">
      <h2 id="plan-heading">Shared plan</h2>
      {editing ? (
        <form onSubmit={(e) => void submit(e)}>
          <TextField
            name="goal"
            label="Goal"
            value={goal}
            onChange={(e) => setGoal(e.currentTarget.value)}
            hint={`Up to ${W.goal.max} characters.`}
          />
          <TextAreaField
            name="plan"
            label="Plan"
            value={plan}
            onChange={(e) => setPlan(e.currentTarget.value)}
            rows={6}
            hint="Steps and notes, in Markdown."
          />
          <FormAlert message={error} />
          <p className="request__actions">
            <button type="submit" className="button" disabled={saving.loading}>
              Save plan
            </button>
            <button type="button" className="button button--quiet" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </p>
        </form>
      ) : (
        <>
          <p>
            <strong>Goal:</strong> {m.goal ?? <span className="muted">not set yet</span>}
          </p>
          {m.plan ? <MarkdownView source={m.plan} /> : <p className="muted">No plan yet.</p>}
          <p className="muted">
            {revisions ? `${revisions} ${revisions === 1 ? 'version' : 'versions'}, last saved ` : null}
            {m.planRevisions[0] ? <RelativeTime iso={m.planRevisions[0].createdAt} /> : null}
          </p>
          {m.status === 'ACCEPTED' ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setGoal(m.goal ?? '');
                setPlan(m.plan ?? '');
                setEditing(true);
              }}
            >
              Edit plan
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function Sessions({ m }: { m: Workspace }) {
  return (
    <section aria-labelledby="sessions-heading" className="mentorship-sessions">
      <h2 id="sessions-heading">Sessions</h2>
      {m.sessions.length === 0 ? (
        <p className="muted">No sessions booked yet.</p>
      ) : (
        <ul className="mentorship-sessions__list" data-testid="sessions">
          {m.sessions.map((s) => (
            <SessionItem key={s.id} s={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionItem({ s }: { s: WorkspaceSessionFragment }) {
  const [update, updating] = useMutation(UpdateMentorshipSessionDocument);
  const [error, setError] = useState<string | null>(null);
  // Read once per mount: whether the session had started when the page showed it.
  const [now] = useState(() => Date.now());
  const started = new Date(s.startsAt).getTime() <= now;
  const act = async (status: SessionStatus) => {
    setError(null);
    try {
      await update({ variables: { input: { id: s.id, status } } });
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <li data-testid="session" id={`session-${s.id}`}>
      <p>
        <strong>
          {dayLabel(s.startsAt)}, {timeLabel(s.startsAt)}–{timeLabel(s.endsAt)}
        </strong>{' '}
        <span className={`status-pill status-pill--${s.status.toLowerCase()}`}>{STATUS_LABEL[s.status]}</span>
        {s.timeZone !== viewerZone() ? (
          <span className="muted">
            {' '}
            ({timeIn(s.startsAt, s.timeZone)} in {s.timeZone}, the mentor's zone)
          </span>
        ) : null}
      </p>
      {s.status === 'SCHEDULED' ? (
        <p className="request__actions">
          <a href={s.icsUrl} className="button button--quiet" download>
            Add to calendar (.ics)
          </a>
          {started ? (
            <>
              <button type="button" className="button" disabled={updating.loading} onClick={() => void act('DONE')}>
                Mark done
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={updating.loading}
                onClick={() => void act('NO_SHOW')}
              >
                Record a no-show
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--quiet"
              disabled={updating.loading}
              onClick={() => void act('CANCELLED')}
            >
              Cancel session
            </button>
          )}
        </p>
      ) : null}
      <FormAlert message={error} />
    </li>
  );
}

/** Pick a length, a day and a time (native radios and a select: keyboard and phone friendly). */
function Booking({ m }: { m: Workspace }) {
  const [minutes, setMinutes] = useState<number>(W.sessionMinutes[0]);
  const from = useMemo(() => new Date().toISOString(), []);
  const slots = useQuery(BookableSlotsDocument, {
    variables: { mentorHandle: m.mentor.handle, from, days: W.bookableDays.default, minutes },
    fetchPolicy: 'network-only',
  });
  const [book, booking] = useMutation(BookMentorshipSessionDocument);
  const [day, setDay] = useState('');
  const [slot, setSlot] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const byDay = useMemo(() => {
    const groups = new Map<string, string[]>();
    for (const s of slots.data?.bookableSlots ?? []) {
      const key = dayKey(s);
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    return groups;
  }, [slots.data]);
  const days = [...byDay.keys()];
  const chosenDay = day && byDay.has(day) ? day : (days[0] ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!slot) return setError('Choose a time.');
    setError(null);
    try {
      await book({
        // The browser's zone: the mentee's notifications, emails and reminders show times in it.
        variables: { input: { mentorshipId: m.id, startsAt: slot, minutes, timeZone: viewerZone() } },
        refetchQueries: [MentorshipWorkspaceDocument],
      });
      setDone(`Booked: ${dayLabel(slot)}, ${timeLabel(slot)}.`);
      setSlot('');
      await slots.refetch();
    } catch (err) {
      setError(errorText(err));
      await slots.refetch();
    }
  };
  return (
    <section aria-labelledby="booking-heading" className="mentorship-booking">
      <h2 id="booking-heading">Book a session</h2>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset className={fieldStyles.field}>
          <legend>Length</legend>
          {W.sessionMinutes.map((n) => (
            <label key={n} className="radio-option">
              <input
                type="radio"
                name="minutes"
                value={n}
                checked={minutes === n}
                onChange={() => (setMinutes(n), setSlot(''))}
              />{' '}
              {n} minutes
            </label>
          ))}
        </fieldset>
        <QueryState
          data={slots.data?.bookableSlots}
          loading={slots.loading}
          error={slots.error}
          errorText="Free times could not be loaded."
          onRetry={() => void slots.refetch()}
          isEmpty={(l) => l.length === 0}
          empty={`${m.mentor.displayName} has no free time in the next ${W.bookableDays.default} days.`}
        >
          {() => (
            <>
              <div className={fieldStyles.field}>
                <label htmlFor="booking-day">Day</label>
                <select
                  id="booking-day"
                  value={chosenDay}
                  onChange={(e) => (setDay(e.currentTarget.value), setSlot(''))}
                >
                  {days.map((d) => (
                    <option key={d} value={d}>
                      {dayLabel(byDay.get(d)?.[0] ?? `${d}T12:00:00`)}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset className={`${fieldStyles.field} slot-picker`}>
                <legend>Time ({viewerZone()})</legend>
                <div className="slot-picker__options">
                  {(byDay.get(chosenDay) ?? []).map((s) => (
                    <label key={s} className="slot-picker__option">
                      <input type="radio" name="slot" value={s} checked={slot === s} onChange={() => setSlot(s)} />{' '}
                      {timeLabel(s)}
                    </label>
                  ))}
                </div>
              </fieldset>
            </>
          )}
        </QueryState>
        <FormAlert message={error} />
        <p role="status" data-testid="booking-status">
          {done}
        </p>
        <button type="submit" className="button" disabled={booking.loading}>
          Book session
        </button>
      </form>
    </section>
  );
}
