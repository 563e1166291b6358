export { QaModule } from './qa.module.js';
export { qaEntities, qaMigrations, qaResolvers } from './schema.js';
export { qaTables } from './tables.js';
export { QuestionsService } from './questions/questions.service.js';
export { AnswersService } from './answers/answers.service.js';
export {
  PostHistoryService,
  type AnswerHistoryRow,
  type CommentHistoryRow,
  type PostCounts,
  type QuestionHistoryRow,
} from './history/post-history.service.js';
export {
  PostsService,
  PostingActivityService,
  type PostQuestionTitle,
  type PostVisibilityRow,
} from './posts/posts.service.js';
export type { QuestionEntity } from './questions/question.entity.js';
export type { CommentEntity } from './comments/comment.entity.js';
export { ViewCounterService, VIEW_FLUSH_TAG } from './questions/view-counter.service.js';
export { CommentHoldPolicy, DEFAULT_MODERATION_WORDS, decideCommentHold } from './comments/comment-hold.policy.js';
export { QuestionModel, QuestionConnectionModel } from './questions/question.model.js';
export { AnswerModel } from './answers/answer.model.js';
export { toAnswerModel } from './answers/answer.mapper.js';
export { TagModel } from './tags/tag.model.js';
export { TagsService } from './tags/tags.service.js';
export { toTagModel } from './tags/tag.mapper.js';
export { CommentModel, CommentConnectionModel, CommentStatusEnum } from './comments/comment.model.js';
export { toCommentModel } from './comments/comment.mapper.js';
export { toQuestionModel } from './questions/question.mapper.js';
export { POST_TYPES, PostTypeEnum, type PostType } from './common/post-type.js';
export { CommentsService } from './comments/comments.service.js';
export { VotesService } from './votes/votes.service.js';
export * from './events/qa-events.js';
export {
  QuestionActivityModel,
  QUESTION_ACTIVITY_KINDS,
  type QuestionActivityKind,
  type QuestionActivityMessage,
} from './live/question-activity.model.js';
export { QA_READ_MODELS } from './read-models/read-models.js';
export { deferSearchWords, addSearchWords, addSampledSearchWords } from './bulk/search-words.bulk.js';
export {
  ensureTags,
  bulkInsertQuestions,
  bulkInsertAnswers,
  bulkMarkAccepted,
  questionsOfAnswers,
  bulkInsertComments,
  countAllQuestions,
  type BulkQuestion,
  type BulkAnswer,
  type BulkComment,
} from './bulk/posts.bulk.js';
export {
  bulkLoadPosts,
  finishBulkLoad,
  type LoadBatch,
  type LoadedBatch,
  type LoadQuestion,
  type LoadAnswer,
  type LoadComment,
  type LoadVote,
} from './bulk/bulk-load.js';
export { backdateQaRows, type QaBackdate } from './bulk/backdate.bulk.js';
