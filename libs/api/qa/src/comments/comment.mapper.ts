import type { CommentEntity } from './comment.entity.js';
import { CommentModel } from './comment.model.js';

export function toCommentModel(c: CommentEntity): CommentModel {
  return Object.assign(new CommentModel(), {
    id: c.id,
    body: c.body,
    guestName: c.guestName,
    status: c.status,
    createdAt: c.createdAt,
    heldToken: null,
    authorId: c.authorId,
    postType: c.postType,
    postId: c.postId,
    questionId: c.questionId,
    privateHoldReason: c.holdReason ?? null,
    privateGuestEmail: c.guestEmail,
  });
}
