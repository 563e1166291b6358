import { CreateQa1795306251344 } from './migrations/1795306251344-create-qa.js';
import { QaSearchCounters1795306251345 } from './migrations/1795306251345-qa-search-counters.js';
import { QaSearchCandidates1795309763529 } from './migrations/1795309763529-qa-search-candidates.js';
import { DeferrableSearchWords1795307516954 } from './migrations/1795307516954-deferrable-search-words.js';
import { PostDeletionColumns1795307769496 } from './migrations/1795307769496-post-deletion-columns.js';
import { UserPostsIndexes1795310774137 } from './migrations/1795310774137-user-posts-indexes.js';
import { QaReadModels1796710000000 } from './migrations/1796710000000-qa-read-models.js';
import { ReputationHistoryIndex1797100000200 } from './migrations/1797100000200-reputation-history-index.js';
import { DropReputationUserIndex1797100000300 } from './migrations/1797100000300-drop-reputation-user-index.js';
import { AnswersResolver } from './answers/answers.resolver.js';
import { CommentsResolver } from './comments/comments.resolver.js';
import { QuestionsResolver } from './questions/questions.resolver.js';
import { RevisionsResolver } from './revisions/revisions.resolver.js';
import { TagsResolver } from './tags/tags.resolver.js';
import { VotesResolver } from './votes/votes.resolver.js';
import { ReputationHistoryResolver } from './reputation/reputation-history.resolver.js';
import { UserPostsResolver } from './users/user-posts.resolver.js';
import { QuestionActivityResolver } from './live/question-activity.resolver.js';
import { AnswerEntity } from './answers/answer.entity.js';
import { CommentEntity } from './comments/comment.entity.js';
import { QuestionEntity } from './questions/question.entity.js';
import { ReputationEventEntity } from './reputation/reputation-event.entity.js';
import { RevisionEntity } from './revisions/revision.entity.js';
import { TagEntity } from './tags/tag.entity.js';
import { VoteEntity } from './votes/vote.entity.js';

export const qaEntities = [
  QuestionEntity,
  AnswerEntity,
  CommentEntity,
  VoteEntity,
  TagEntity,
  ReputationEventEntity,
  RevisionEntity,
];
export const qaMigrations = [
  CreateQa1795306251344,
  QaSearchCounters1795306251345,
  DeferrableSearchWords1795307516954,
  PostDeletionColumns1795307769496,
  QaSearchCandidates1795309763529,
  UserPostsIndexes1795310774137,
  QaReadModels1796710000000,
  ReputationHistoryIndex1797100000200,
  DropReputationUserIndex1797100000300,
];
export const qaResolvers = [
  QuestionsResolver,
  AnswersResolver,
  CommentsResolver,
  TagsResolver,
  VotesResolver,
  RevisionsResolver,
  UserPostsResolver,
  QuestionActivityResolver,
  ReputationHistoryResolver,
];
