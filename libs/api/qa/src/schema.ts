import { CreateQa1795306251344 } from './migrations/1795306251344-create-qa.js';
import { QaSearchCounters1795306251345 } from './migrations/1795306251345-qa-search-counters.js';
import { AnswersResolver } from './answers/answers.resolver.js';
import { CommentsResolver } from './comments/comments.resolver.js';
import { QuestionsResolver } from './questions/questions.resolver.js';
import { RevisionsResolver } from './revisions/revisions.resolver.js';
import { TagsResolver } from './tags/tags.resolver.js';
import { VotesResolver } from './votes/votes.resolver.js';
import { AnswerEntity } from './answers/answer.entity.js';
import { CommentEntity } from './comments/comment.entity.js';
import { QuestionEntity } from './questions/question.entity.js';
import { ReputationEventEntity } from './reputation/reputation-event.entity.js';
import { RevisionEntity } from './revisions/revision.entity.js';
import { TagEntity } from './tags/tag.entity.js';
import { VoteEntity } from './votes/vote.entity.js';

export const qaEntities = [QuestionEntity, AnswerEntity, CommentEntity, VoteEntity, TagEntity, ReputationEventEntity, RevisionEntity];
export const qaMigrations = [CreateQa1795306251344, QaSearchCounters1795306251345];
export const qaResolvers = [QuestionsResolver, AnswersResolver, CommentsResolver, TagsResolver, VotesResolver, RevisionsResolver];
