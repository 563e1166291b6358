import { NOTIFICATION_EMAIL } from '@crossroads/shared-domain';
import type { NotificationType } from '../common/types.js';

/** Per type: the email's button, why the reader got it, and what its unsubscribe link turns off. */
export const EMAIL_TEXTS: Record<NotificationType, { action: string; why: string; stops: string }> = {
  ANSWER_POSTED: {
    action: 'Read the answer',
    why: 'You get this because you asked this question.',
    stops: 'emails about answers to your questions',
  },
  COMMENT_POSTED: {
    action: 'Read the comment',
    why: 'You get this because the comment is on your post or on a question you watch.',
    stops: 'emails about comments on your posts and watched questions',
  },
  ANSWER_ACCEPTED: {
    action: 'See your answer',
    why: 'You get this because you wrote this answer.',
    stops: 'emails when your answer is accepted',
  },
  MENTION: {
    action: 'See where you were mentioned',
    why: 'You get this because someone mentioned you.',
    stops: 'emails about mentions',
  },
  MENTORSHIP_REQUESTED: {
    action: 'Answer the request',
    why: 'You get this because you are a mentor on Crossroads.',
    stops: 'emails about new mentorship requests',
  },
  MENTORSHIP_ANSWERED: {
    action: 'See your request',
    why: 'You get this because you asked for mentorship.',
    stops: 'emails about answers to your mentorship requests',
  },
  MENTORSHIP_EXPIRING: {
    action: 'Answer before it expires',
    why: 'You get this because a mentorship request to you is still open.',
    stops: 'reminders of expiring mentorship requests',
  },
  MENTORSHIP_REVIEWED: {
    action: 'Read the review',
    why: 'You get this because you mentored this member.',
    stops: 'emails about mentorship reviews',
  },
  MODERATION_DECISION: {
    action: 'See the post',
    why: 'You get this because a moderator acted on your content.',
    stops: 'emails about moderation decisions on your content',
  },
  FOLLOWED_TAG_QUESTION: {
    action: 'Read the question',
    why: 'You get this because you follow this tag.',
    stops: 'emails about new questions in tags you follow',
  },
  FOLLOWED_QUESTION_ANSWER: {
    action: 'Read the answer',
    why: 'You get this because you watch this question.',
    stops: 'emails about answers on questions you watch',
  },
  MATCHED_QUESTION: {
    action: 'Read the question',
    why: 'You get this because the question matches your mentoring expertise.',
    stops: 'emails about questions matched to your expertise',
  },
  MENTORSHIP_MESSAGE: {
    action: 'Read the message',
    why: 'You get this because you are in this mentorship.',
    stops: 'emails about new mentorship messages',
  },
  MENTORSHIP_SESSION: {
    action: 'See the session',
    why: 'You get this because you are in this mentorship.',
    stops: 'emails about booked and cancelled mentorship sessions',
  },
  MENTORSHIP_SESSION_REMINDER: {
    action: 'See the session',
    why: 'You get this because you have a mentorship session coming up.',
    stops: 'reminders of mentorship sessions',
  },
  MENTORSHIP_REMINDER: {
    action: 'Answer the request',
    why: 'You get this because a member asked you for mentorship 2 days ago.',
    stops: 'reminders of unanswered mentorship requests',
  },
  MENTORSHIP_CHECK_IN: {
    action: 'Answer the check-in',
    why: 'You get this because you are in a mentorship on Crossroads.',
    stops: 'emails about mentorship check-ins',
  },
  MENTORSHIP_ENDED: {
    action: 'See your mentorships',
    why: 'You get this because you were in this mentorship.',
    stops: 'emails when a mentorship ends early',
  },
  MENTORSHIP_CONDUCT: {
    action: 'See your mentorships',
    why: 'You get this because a session of your mentorship was missed or cancelled late.',
    stops: 'emails about missed or late-cancelled sessions',
  },
};

/** Markdown as a one-paragraph plain excerpt (emails quote posts, they do not render them). */
export function excerpt(markdown: string, max: number = NOTIFICATION_EMAIL.excerptChars): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>)\s?/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** A subject line: one line, at most 200 characters. */
export function subjectLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
