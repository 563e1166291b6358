import { Module } from '@nestjs/common';
import { AccountsModule } from '@crossroads/api-accounts';
import { AnswersResolver } from './answers/answers.resolver.js';
import { AnswersService } from './answers/answers.service.js';
import { CommentHoldPolicy } from './comments/comment-hold.policy.js';
import { CommentsResolver } from './comments/comments.resolver.js';
import { CommentsService } from './comments/comments.service.js';
import { QaExportPart } from './export/qa-export.part.js';
import { QuestionsResolver } from './questions/questions.resolver.js';
import { PostingActivityService, PostsService } from './posts/posts.service.js';
import { PostHistoryService } from './history/post-history.service.js';
import { QuestionsService } from './questions/questions.service.js';
import { ViewCounterService } from './questions/view-counter.service.js';
import { ReputationService } from './reputation/reputation.service.js';
import { RevisionsResolver } from './revisions/revisions.resolver.js';
import { RevisionsService } from './revisions/revisions.service.js';
import { SpellingService } from './search/spelling.service.js';
import { TagsResolver } from './tags/tags.resolver.js';
import { TagsService } from './tags/tags.service.js';
import { VotesResolver } from './votes/votes.resolver.js';
import { VotesService } from './votes/votes.service.js';
import { ReputationHistoryResolver } from './reputation/reputation-history.resolver.js';
import { UserPostsResolver } from './users/user-posts.resolver.js';
import { UserPostsService } from './users/user-posts.service.js';
import { QuestionActivityPublisher } from './live/question-activity.publisher.js';
import { QuestionActivityResolver } from './live/question-activity.resolver.js';

/** Questions, answers, comments, tags, votes, reputation, revisions and search. */
@Module({
  imports: [AccountsModule],
  providers: [
    QaExportPart,
    PostHistoryService,
    QuestionsService,
    AnswersService,
    CommentsService,
    CommentHoldPolicy,
    TagsService,
    VotesService,
    ReputationService,
    RevisionsService,
    SpellingService,
    ViewCounterService,
    UserPostsService,
    PostsService,
    PostingActivityService,
    QuestionsResolver,
    QuestionActivityResolver,
    QuestionActivityPublisher,
    AnswersResolver,
    CommentsResolver,
    TagsResolver,
    VotesResolver,
    RevisionsResolver,
    UserPostsResolver,
    ReputationHistoryResolver,
  ],
  exports: [
    PostHistoryService,
    QuestionsService,
    AnswersService,
    CommentsService,
    PostsService,
    PostingActivityService,
    ViewCounterService,
    CommentHoldPolicy,
    TagsService,
  ],
})
export class QaModule {}
