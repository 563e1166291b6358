import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import {
  ActiveSuspensionSql,
  AuditWriter,
  ModerationFacts,
  ModerationWordList,
  PostingLimits,
} from '@crossroads/api-platform';
import { AccountsModule } from '@crossroads/api-accounts';
import { QaModule } from '@crossroads/api-qa';
import { FlagResolver, FlagsResolver } from './flags/flags.resolver.js';
import { FlagsService } from './flags/flags.service.js';
import { ModerationLogResolver } from './log/moderation-log.resolver.js';
import { ModerationLogService } from './log/moderation-log.service.js';
import { QuestionModerationResolver } from './questions/question-moderation.resolver.js';
import { QuestionModerationService } from './questions/question-moderation.service.js';
import { CommentModerationResolver } from './queue/comment-moderation.resolver.js';
import { CommentModerationService } from './queue/comment-moderation.service.js';
import { SuspensionInterceptor } from './suspensions/suspension.interceptor.js';
import { SuspensionsResolver } from './suspensions/suspensions.resolver.js';
import { ActiveSuspensionQuery, SuspensionsService } from './suspensions/suspensions.service.js';
import { NewAccountLimitsService } from './limits/new-account-limits.service.js';
import { PostVisibilityResolver } from './posts/post-visibility.resolver.js';
import { PostVisibilityService } from './posts/post-visibility.service.js';
import { ModerationWordsResolver } from './words/moderation-words.resolver.js';
import { ModerationWordsService } from './words/moderation-words.service.js';
import { ModerationLivePublisher, ModerationLiveResolver } from './live/moderation-live.js';
import { MessageReportsService } from './message-reports/message-reports.service.js';
import { MessageReportsResolver, ReportedMessageResolver } from './message-reports/message-reports.resolver.js';

/**
 * Moderation: suspensions, the held-comments queue and decisions, flags, closing questions, hiding
 * and restoring posts, the word list, new-account limits, the audit log. Global so that its platform
 * tokens (ModerationFacts, ActiveSuspensionSql, ModerationWordList, PostingLimits, AuditWriter) reach Q&A, accounts and
 * mentoring without them importing this context.
 */
@Global()
@Module({
  imports: [AccountsModule, QaModule],
  providers: [
    ModerationLogService,
    SuspensionsService,
    { provide: ModerationFacts, useExisting: SuspensionsService },
    { provide: ActiveSuspensionSql, useClass: ActiveSuspensionQuery },
    { provide: APP_INTERCEPTOR, useClass: SuspensionInterceptor },
    CommentModerationService,
    QuestionModerationService,
    ModerationLogResolver,
    SuspensionsResolver,
    CommentModerationResolver,
    QuestionModerationResolver,
    FlagsService,
    FlagsResolver,
    FlagResolver,
    PostVisibilityService,
    PostVisibilityResolver,
    ModerationWordsService,
    ModerationWordsResolver,
    NewAccountLimitsService,
    ModerationLivePublisher,
    ModerationLiveResolver,
    MessageReportsService,
    MessageReportsResolver,
    ReportedMessageResolver,
    { provide: AuditWriter, useExisting: ModerationLogService },
    { provide: ModerationWordList, useExisting: ModerationWordsService },
    { provide: PostingLimits, useExisting: NewAccountLimitsService },
  ],
  exports: [ModerationFacts, ActiveSuspensionSql, ModerationLogService, AuditWriter, ModerationWordList, PostingLimits],
})
export class ModerationModule {}
