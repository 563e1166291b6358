import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { LIMITS } from '@crossroads/shared-domain';
import {
  AnswerMentorshipCheckInDocument,
  AppealMentorshipPauseDocument,
  MyMentorPauseDocument,
  RequestMentorshipDocument,
  errorText,
  type MentorshipItemFragment,
} from '@crossroads/web-data-access';
import { fieldStyles, FormAlert, TextAreaField, TextField } from '@crossroads/web-ui';

const M = LIMITS.mentoring;

/** "Usually replies within …" from the median hours (null: no answers in the last 90 days). */
export function repliesWithin(hours: number | null | undefined): string | null {
  if (hours == null) return null;
  if (hours < 1) return 'Usually replies within an hour';
  if (hours < 24) {
    const h = Math.ceil(hours);
    return `Usually replies within ${h} ${h === 1 ? 'hour' : 'hours'}`;
  }
  const d = Math.ceil(hours / 24);
  return `Usually replies within ${d} ${d === 1 ? 'day' : 'days'}`;
}

export function RepliesWithin({ hours }: { hours: number | null | undefined }) {
  const text = repliesWithin(hours);
  return text ? <span className="replies-within">{text}</span> : null;
}

/** The viewer's unanswered check-ins on a mentorship, each a small form. */
export function CheckIns({
  r,
  otherName,
}: {
  r: Pick<MentorshipItemFragment, 'id' | 'status' | 'checkIns'>;
  otherName: string;
}) {
  const open = r.checkIns.filter((c) => !c.answeredAt);
  // Only the latest due outcome check-in is answerable (an older one left unanswered is passed).
  const fit = open.find((c) => c.kind === 'FIT');
  const outcome = r.checkIns.find((c) => c.kind !== 'FIT');
  return (
    <>
      {fit && r.status === 'ACCEPTED' ? <FitForm mentorshipId={r.id} otherName={otherName} /> : null}
      {outcome && !outcome.answeredAt ? (
        <OutcomeForm mentorshipId={r.id} afterEnd={outcome.kind === 'AFTER_END'} />
      ) : null}
    </>
  );
}

function FitForm({ mentorshipId, otherName }: { mentorshipId: string; otherName: string }) {
  const [answer, { loading }] = useMutation(AnswerMentorshipCheckInDocument, {
    refetchQueries: ['MentorshipRequests', 'MentorshipWorkspace'],
    awaitRefetchQueries: true,
  });
  const [error, setError] = useState<string | null>(null);
  const send = async (goodFit: boolean) => {
    setError(null);
    try {
      await answer({ variables: { input: { mentorshipId, goodFit } } });
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="check-in"
      aria-labelledby={`fit-${mentorshipId}`}
      onSubmit={(e) => e.preventDefault()}
      data-testid="fit-check-in"
    >
      <h3 className="check-in__title" id={`fit-${mentorshipId}`}>
        Is {otherName} a good fit for you?
      </h3>
      <p className="muted">
        Your first session is done. A “no” ends the mentorship kindly, with no review, and we suggest someone else.
      </p>
      <p className="request__actions">
        <button type="button" className="button" disabled={loading} onClick={() => void send(true)}>
          Yes, a good fit
        </button>
        <button type="button" className="button button--quiet" disabled={loading} onClick={() => void send(false)}>
          No, end it kindly
        </button>
      </p>
      <FormAlert message={error} />
    </form>
  );
}

function OutcomeForm({ mentorshipId, afterEnd }: { mentorshipId: string; afterEnd: boolean }) {
  const [answer, { loading }] = useMutation(AnswerMentorshipCheckInDocument, {
    refetchQueries: ['MentorshipRequests', 'MentorshipWorkspace'],
    awaitRefetchQueries: true,
  });
  const [made, setMade] = useState('');
  const [role, setRole] = useState('');
  const [errors, setErrors] = useState<{ made?: string; role?: string; form?: string }>({});
  const submit = async () => {
    const next = {
      made: made ? undefined : 'Choose yes or no.',
      role:
        role.trim().length > M.roleReached.max
          ? `Role reached must be at most ${M.roleReached.max} characters long.`
          : undefined,
    };
    if (next.made || next.role) return setErrors(next);
    setErrors({});
    try {
      await answer({
        variables: { input: { mentorshipId, outcome: { madeMove: made === 'yes', roleReached: role.trim() || null } } },
      });
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };
  return (
    <form
      className="check-in"
      aria-labelledby={`outcome-${mentorshipId}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      data-testid="outcome-check-in"
    >
      <h3 className="check-in__title" id={`outcome-${mentorshipId}`}>
        {afterEnd ? 'Three months on: did you make the move?' : 'Check-in: did you make the move?'}
      </h3>
      <p className="muted">
        Only the totals of at least 5 answers are ever shown on the mentor’s profile, never yours alone.
      </p>
      <RadioGroup
        value={made}
        onChange={setMade}
        orientation="horizontal"
        className="rating-group"
        isInvalid={Boolean(errors.made)}
        aria-describedby={errors.made ? `made-error-${mentorshipId}` : undefined}
      >
        <Label className={fieldStyles.label}>Did you make the move?</Label>
        <div className="rating-group__options">
          <Radio value="yes" className="rating-option">
            Yes
          </Radio>
          <Radio value="no" className="rating-option">
            Not yet
          </Radio>
        </div>
      </RadioGroup>
      {errors.made ? (
        <p data-field-error className={fieldStyles.error} id={`made-error-${mentorshipId}`}>
          {errors.made}
        </p>
      ) : null}
      <TextField
        name="roleReached"
        label="Role reached (optional)"
        value={role}
        onChange={(e) => setRole(e.currentTarget.value)}
        error={errors.role}
        hint={`e.g. “PMO analyst”. Up to ${M.roleReached.max} characters.`}
      />
      <FormAlert message={errors.form} />
      <button type="submit" className="button" disabled={loading}>
        {loading ? 'Sending…' : 'Send answer'}
      </button>
    </form>
  );
}

/** On an expired request (or one ended as not a good fit): the next matched mentor, asked in one click. */
export function NextMentorOffer({ r }: { r: MentorshipItemFragment }) {
  const next = r.nextMentor;
  const [ask, { loading }] = useMutation(RequestMentorshipDocument, { refetchQueries: ['MentorshipRequests'] });
  const [error, setError] = useState<string | null>(null);
  // Kept here: the refetched request no longer offers the mentor just asked, and the confirmation must stay.
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (sentTo) return <p role="status">Your request was sent to {sentTo}.</p>;
  if (!next) return null;
  const name = next.user.displayName;
  const send = async () => {
    setError(null);
    try {
      await ask({
        variables: {
          input: { mentorHandle: next.user.handle, message: r.message, questionId: r.question?.id ?? null },
        },
      });
      setSentTo(name);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="next-mentor" data-testid="next-mentor">
      <p>
        {r.endReason === 'NOT_A_GOOD_FIT'
          ? 'Another mentor who may suit you better:'
          : 'This request expired. Another mentor who matches it:'}{' '}
        <Link to={`/u/${encodeURIComponent(next.user.handle)}`}>{name}</Link> — {next.headline}
        {next.medianResponseHours != null ? (
          <>
            {' '}
            · <RepliesWithin hours={next.medianResponseHours} />
          </>
        ) : null}
      </p>
      <button type="button" className="button" disabled={loading} onClick={() => void send()}>
        Ask {name} with the same message
      </button>
      <FormAlert message={error} />
    </div>
  );
}

/** For a mentor whose new requests are paused: until when, and an appeal to moderators. */
export function PauseNotice() {
  const { data } = useQuery(MyMentorPauseDocument, { fetchPolicy: 'cache-and-network' });
  const until = data?.me?.mentorProfile?.requestsPausedUntil;
  const [appeal, { loading, data: sent }] = useMutation(AppealMentorshipPauseDocument);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!until) return null;
  const submit = async () => {
    const length = message.trim().length;
    if (length < M.appealMessage.min || length > M.appealMessage.max)
      return setError(
        `Your appeal must be ${M.appealMessage.min} to ${M.appealMessage.max.toLocaleString('en')} characters long.`,
      );
    setError(null);
    try {
      await appeal({ variables: { input: { message: message.trim() } } });
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="pause-notice" aria-labelledby="pause-title" data-testid="pause-notice">
      <h2 id="pause-title">New requests to you are paused</h2>
      <p>
        After repeated missed or late-cancelled sessions, members cannot send you new requests until{' '}
        {new Date(until).toLocaleDateString('en', { dateStyle: 'long' })}. Your current mentorships go on.
      </p>
      {sent ? (
        <p role="status">Your appeal was sent. A moderator will look at it.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <TextAreaField
            name="appeal"
            label="Appeal to the moderators"
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            error={error}
            hint={`What happened. ${M.appealMessage.min}–${M.appealMessage.max.toLocaleString('en')} characters.`}
          />
          <button type="submit" className="button button--quiet" disabled={loading}>
            Send appeal
          </button>
        </form>
      )}
    </section>
  );
}
