import { AnswerEntity } from '../answers/answer.entity.js';
import { selectList, toDate, toDateOrNull, type Row } from '@crossroads/api-platform';
import { answersTable, questionsTable } from '../tables.js';
import { CommentEntity } from '../comments/comment.entity.js';
import { QuestionEntity } from '../questions/question.entity.js';
import { LIMITS } from '@crossroads/shared-domain';

/*
 * Read paths are hand-written SQL so that one statement can carry what a page needs (the viewer's
 * votes, accepted answers, first comments); rows are mapped back to entities here.
 */

export const QUESTION_COLUMNS = selectList(questionsTable, 'q');

export const ANSWER_COLUMNS = selectList(answersTable, 'a');

export const COMMENT_COLUMNS = `c.id, c.post_type AS "postType", c.post_id AS "postId", c.question_id AS "questionId",
  c.author_id AS "authorId", c.guest_name AS "guestName", c.guest_email AS "guestEmail", c.body, c.status,
  c.hold_reason AS "holdReason", c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt"`;

/** JSON of the accepted answer joined as `aa`. */
export const ACCEPTED_ANSWER_JSON = `CASE WHEN aa.id IS NULL THEN NULL ELSE json_build_object('id', aa.id, 'questionId', aa.question_id,
  'authorId', aa.author_id, 'body', aa.body, 'score', aa.score, 'isAccepted', aa.is_accepted, 'commentCount', aa.comment_count,
  'createdAt', aa.created_at, 'updatedAt', aa.updated_at) END`;

/** How many published comments a post's first page prefetch holds (a default page and one more). */
export const COMMENT_PREVIEW_SIZE = LIMITS.page.defaultSize + 1;

/** JSON array of the first published comments of the post whose id is `postIdSql`. */
export function commentPreviewJson(postIdSql: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', c.id, 'postType', c.post_type, 'postId', c.post_id,
    'questionId', c.question_id, 'authorId', c.author_id, 'guestName', c.guest_name, 'guestEmail', c.guest_email,
    'body', c.body, 'status', c.status, 'createdAt', c.created_at, 'updatedAt', c.updated_at) ORDER BY c.created_at, c.id), '[]'::json)
    FROM (SELECT * FROM comments c0 WHERE c0.post_id = ${postIdSql} AND c0.status = 'PUBLISHED' AND c0.deleted_at IS NULL
          ORDER BY c0.created_at, c0.id LIMIT ${COMMENT_PREVIEW_SIZE}) c)`;
}

export function questionFromRow(r: Row): QuestionEntity {
  return Object.assign(new QuestionEntity(), {
    id: r.id,
    authorId: r.authorId,
    title: r.title,
    body: r.body,
    tags: r.tags,
    score: Number(r.score),
    answerCount: Number(r.answerCount),
    positiveAnswerCount: Number(r.positiveAnswerCount),
    commentCount: Number(r.commentCount),
    viewCount: Number(r.viewCount),
    acceptedAnswerId: r.acceptedAnswerId ?? null,
    closedAt: toDateOrNull(r.closedAt),
    closeReason: r.closeReason ?? null,
    duplicateOfId: r.duplicateOfId ?? null,
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
    lastActivityAt: toDate(r.lastActivityAt),
    deletedAt: toDateOrNull(r.deletedAt),
  });
}

export function answerFromRow(r: Row): AnswerEntity {
  return Object.assign(new AnswerEntity(), {
    id: r.id,
    questionId: r.questionId,
    authorId: r.authorId,
    body: r.body,
    score: Number(r.score),
    isAccepted: Boolean(r.isAccepted),
    commentCount: Number(r.commentCount),
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
    deletedAt: toDateOrNull(r.deletedAt),
  });
}

export function commentFromRow(r: Row): CommentEntity {
  return Object.assign(new CommentEntity(), {
    id: r.id,
    postType: r.postType,
    postId: r.postId,
    questionId: r.questionId,
    authorId: r.authorId ?? null,
    guestName: r.guestName ?? null,
    guestEmail: r.guestEmail ?? null,
    body: r.body,
    status: r.status,
    holdReason: r.holdReason ?? null,
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt ?? r.createdAt),
    deletedAt: toDateOrNull(r.deletedAt),
  });
}
