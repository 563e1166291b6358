import type { QaPostType } from '../common/post-type.js';

/**
 * What the Q&A context announces (written in the same transaction as the change, through the
 * platform's EventBus). Other contexts react to these instead of reading qa's tables.
 */
export const QA_EVENTS = {
  questionAsked: 'qa.question.asked',
  answerPosted: 'qa.answer.posted',
  /** A comment became visible: published at once, or approved from the moderation queue. */
  commentPublished: 'qa.comment.published',
  /** A comment went to the moderation queue. */
  commentHeld: 'qa.comment.held',
  /** A guest asked for follow-up comments by email (the address stays on the comment). */
  commentFollowUpRequested: 'qa.comment.follow-up-requested',
  answerAccepted: 'qa.answer.accepted',
  acceptanceWithdrawn: 'qa.answer.unaccepted',
  postVoted: 'qa.post.voted',
  postEdited: 'qa.post.edited',
} as const;

export interface QuestionAskedPayload {
  questionId: string;
  authorId: string;
  title: string;
  tags: string[];
}

export interface AnswerPostedPayload {
  answerId: string;
  questionId: string;
  authorId: string;
  questionAuthorId: string;
}

export interface CommentPublishedPayload {
  commentId: string;
  postType: QaPostType;
  postId: string;
  questionId: string;
  /** null for a guest's comment. */
  authorId: string | null;
  /** The author of the question or answer the comment is on. */
  postAuthorId: string;
  /** True when a moderator approved it from the queue. */
  approved: boolean;
}

export interface CommentFollowUpRequestedPayload {
  commentId: string;
  questionId: string;
}

export interface CommentHeldPayload {
  commentId: string;
  questionId: string;
  reason: string | null;
}

export interface AnswerAcceptedPayload {
  answerId: string;
  questionId: string;
  answerAuthorId: string;
  /** The question's author. */
  accepterId: string;
}

export interface PostVotedPayload {
  postType: QaPostType;
  postId: string;
  questionId: string;
  authorId: string;
  /** The voter's vote now: 1, -1 or 0 (withdrawn). */
  value: number;
  score: number;
}

export interface PostEditedPayload {
  postType: QaPostType;
  postId: string;
  questionId: string;
  editorId: string;
}
