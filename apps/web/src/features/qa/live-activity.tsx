import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { QuestionActivityDocument } from '@crossroads/web-data-access';

export interface ActivityTally {
  answers: number;
  comments: number;
  accepted: boolean;
}

/** "1 new answer", "2 new answers and 1 new comment", "An answer was accepted". */
export function announcement(t: ActivityTally): string {
  const parts: string[] = [];
  if (t.answers) parts.push(`${t.answers} new ${t.answers === 1 ? 'answer' : 'answers'}`);
  if (t.comments) parts.push(`${t.comments} new ${t.comments === 1 ? 'comment' : 'comments'}`);
  const news = parts.join(' and ');
  if (t.accepted) return news ? `${news}; an answer was accepted` : 'An answer was accepted';
  return news;
}

/**
 * Keeps an open question page live: each `questionActivity` event refetches the page (new
 * answers, comments, scores, acceptance), and others' new posts are announced politely.
 */
export function LiveQuestionActivity({
  questionId,
  viewerId,
  refetch,
}: {
  questionId: string;
  viewerId?: string | null;
  refetch: () => Promise<unknown>;
}) {
  const [message, setMessage] = useState('');
  const tally = useRef<ActivityTally>({ answers: 0, comments: 0, accepted: false });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);
  // Another question: nothing of the last one is announced or counted.
  const [shownQuestion, setShownQuestion] = useState(questionId);
  if (questionId !== shownQuestion) {
    setShownQuestion(questionId);
    setMessage('');
  }
  useEffect(() => {
    tally.current = { answers: 0, comments: 0, accepted: false };
  }, [questionId]);

  useSubscription(QuestionActivityDocument, {
    variables: { questionId },
    onData: ({ data }) => {
      const activity = data.data?.questionActivity;
      if (!activity) return;
      const { kind } = activity;
      void refetch().catch(() => undefined);
      // The viewer's own post is on the page already: no news to announce.
      const author = (activity.answer ?? activity.comment)?.author?.id;
      if (viewerId && author === viewerId && kind !== 'ANSWER_ACCEPTED') return;
      const t = tally.current;
      if (kind === 'ANSWER_POSTED') t.answers++;
      else if (kind === 'COMMENT_POSTED') t.comments++;
      else if (kind === 'ANSWER_ACCEPTED') t.accepted = true;
      else return;
      setMessage(announcement(t));
      // Events close together make one announcement; a quiet spell starts a new count.
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        tally.current = { answers: 0, comments: 0, accepted: false };
      }, 10_000);
    },
  });

  return (
    <p className="visually-hidden" aria-live="polite" data-testid="live-announcement">
      {message}
    </p>
  );
}

/** Scrolls to the post a link points at (`#answer-<id>`, `#comment-<id>`) once it is on the page. */
export function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || !hash || done.current === hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    done.current = hash;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
}
