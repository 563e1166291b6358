export { QaModule } from './qa.module.js';
export { qaEntities, qaMigrations, qaResolvers } from './schema.js';
export { QuestionsService } from './questions/questions.service.js';
export { ViewCounterService, VIEW_FLUSH_TAG } from './questions/view-counter.service.js';
export { CommentHoldPolicy, DEFAULT_MODERATION_WORDS, decideCommentHold } from './comments/comment-hold.policy.js';
export { QuestionModel } from './questions/question.model.js';
export { TagModel } from './tags/tag.model.js';
export { PageInfoModel } from './common/page-info.model.js';
