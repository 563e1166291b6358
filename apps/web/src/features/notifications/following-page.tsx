import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  FollowingDocument,
  SetFollowLevelDocument,
  UnfollowMentorDocument,
  UnfollowQuestionDocument,
  UnfollowTagDocument,
  type FollowLevel,
  type FollowTargetType,
} from '@crossroads/web-data-access';
import { RequireSignIn } from './require-sign-in.js';
import { alertClassName, fieldStyles, LoadError, Loading } from '@crossroads/web-ui';

export const LEVEL_LABELS: Record<FollowLevel, string> = {
  WATCHING: 'Watching',
  TRACKING: 'Tracking',
  WATCHING_FIRST_POST: 'Watching first post',
  NORMAL: 'Normal',
  MUTED: 'Muted',
};

const LEVEL_HINTS: Record<FollowLevel, string> = {
  WATCHING: 'every answer and comment',
  TRACKING: 'mentions and replies to you',
  WATCHING_FIRST_POST: 'new questions only',
  NORMAL: 'only what involves you',
  MUTED: 'nothing, ever',
};

// The choices in the labels' order; keyed by the generated enum, so none is missing.
const LEVELS = Object.keys(LEVEL_LABELS) as FollowLevel[];

/** /following: followed tags, questions and mentors, each with its level, and unfollow. */
export function FollowingPage() {
  return (
    <RequireSignIn>
      <Following />
    </RequireSignIn>
  );
}

interface Row {
  key: string;
  target: string;
  targetType: FollowTargetType;
  name: string;
  to: string;
  level: FollowLevel;
}

export function Following() {
  const { data, loading, error } = useQuery(FollowingDocument, { fetchPolicy: 'cache-and-network' });
  const [setLevel] = useMutation(SetFollowLevelDocument);
  const [unfollowTag] = useMutation(UnfollowTagDocument);
  const [unfollowQuestion] = useMutation(UnfollowQuestionDocument);
  const [unfollowMentor] = useMutation(UnfollowMentorDocument);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  const [mentorLevels, setMentorLevels] = useState<Record<string, FollowLevel>>({});

  const tags: Row[] = (data?.followedTags ?? []).map((t) => ({
    key: `tag:${t.name}`,
    target: t.name,
    targetType: 'TAG',
    name: t.name,
    to: `/?tag=${encodeURIComponent(t.name)}`,
    level: t.viewerFollowLevel ?? 'WATCHING_FIRST_POST',
  }));
  const questions: Row[] = (data?.followedQuestions.edges ?? []).map(({ node: q }) => ({
    key: `question:${q.id}`,
    target: q.id,
    targetType: 'QUESTION',
    name: q.title,
    to: `/q/${encodeURIComponent(q.id)}`,
    level: q.viewerFollowLevel ?? 'TRACKING',
  }));
  const mentors: Row[] = (data?.followedMentors ?? []).map((m) => ({
    key: `mentor:${m.user.handle}`,
    target: m.user.handle,
    targetType: 'MENTOR',
    name: m.user.displayName,
    to: `/u/${encodeURIComponent(m.user.handle)}`,
    // The API does not say a mentor's level: following starts at Watching, changes made here are kept.
    level: mentorLevels[m.user.handle] ?? 'WATCHING',
  }));

  const run = async (done: string, failed: string, action: () => Promise<unknown>) => {
    setStatus({ text: 'Saving…', problem: false });
    try {
      await action();
      setStatus({ text: done, problem: false });
    } catch {
      setStatus({ text: failed, problem: true });
    }
  };

  const changeLevel = (row: Row, level: FollowLevel) =>
    run(
      `${row.name}: ${LEVEL_LABELS[level]}.`,
      `The level of “${row.name}” could not be changed. Please try again.`,
      () =>
        setLevel({
          variables: { input: { targetType: row.targetType, target: row.target, level } },
          refetchQueries: [FollowingDocument],
          awaitRefetchQueries: true,
        }).then(({ data: saved }) => {
          const follow = saved?.setFollowLevel;
          if (follow?.targetType === 'MENTOR') setMentorLevels((m) => ({ ...m, [follow.target]: follow.level }));
        }),
    );

  const unfollow = (row: Row) =>
    run(`You no longer follow ${row.name}.`, `“${row.name}” could not be unfollowed. Please try again.`, () => {
      const options = { refetchQueries: [FollowingDocument], awaitRefetchQueries: true };
      if (row.targetType === 'TAG') return unfollowTag({ variables: { name: row.target }, ...options });
      if (row.targetType === 'QUESTION') return unfollowQuestion({ variables: { id: row.target }, ...options });
      return unfollowMentor({ variables: { handle: row.target }, ...options });
    });

  const group = (title: string, rows: Row[], empty: string, levels: FollowLevel[]) => (
    <section className="following__group" aria-labelledby={`following-${title.toLowerCase()}`}>
      <h2 id={`following-${title.toLowerCase()}`}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="following-list">
          {rows.map((row) => (
            <li key={row.key} className="following-row" data-testid="followed">
              <Link to={row.to} className="following-row__name">
                {row.name}
              </Link>
              <span className="following-row__controls">
                <label className="visually-hidden" htmlFor={`level-${row.key}`}>
                  Level for {row.name}
                </label>
                <select
                  id={`level-${row.key}`}
                  className={`${fieldStyles.input} following-row__level`}
                  value={row.level}
                  onChange={(e) => void changeLevel(row, e.currentTarget.value as FollowLevel)}
                >
                  {levels.map((l) => (
                    <option key={l} value={l}>
                      {LEVEL_LABELS[l]} ({LEVEL_HINTS[l]})
                    </option>
                  ))}
                </select>
                <button type="button" className="button button--quiet button--small" onClick={() => void unfollow(row)}>
                  Unfollow <span className="visually-hidden">{row.name}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  const noFirstPost = LEVELS.filter((l) => l !== 'WATCHING_FIRST_POST');
  return (
    <section className="following" aria-labelledby="following-title">
      <title>Following · Crossroads</title>
      <h1 id="following-title">Following</h1>
      <p className="muted">
        What you follow, and how closely. Muted wins over everything. See also your{' '}
        <Link to="/notifications">notifications</Link> and <Link to="/settings/notifications">their settings</Link>.
      </p>
      <p role="status" className={status?.problem ? alertClassName : 'settings__status'} data-testid="following-status">
        {status?.text ?? ''}
      </p>
      {loading && !data ? (
        <Loading>Loading what you follow…</Loading>
      ) : error && !data ? (
        <LoadError>What you follow could not be loaded. Reload the page to try again.</LoadError>
      ) : (
        <>
          {group('Tags', tags, 'No tags yet: follow one from its questions (Tags → a tag → Follow).', LEVELS)}
          {group(
            'Questions',
            questions,
            'No questions yet: you follow the ones you ask or answer, and any you choose to follow.',
            noFirstPost,
          )}
          {group('Mentors', mentors, 'No mentors yet: follow one from their profile.', noFirstPost)}
        </>
      )}
    </section>
  );
}
