import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ModerationFacts } from '@crossroads/api-platform';
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
import { SuspensionsService } from './suspensions/suspensions.service.js';

/**
 * Moderation: suspensions, the held-comments queue and decisions, flags, closing questions, the audit log.
 * Global so that ModerationFacts (a platform token) reaches the Q&A hold policy without Q&A
 * importing this context.
 */
@Global()
@Module({
  imports: [AccountsModule, QaModule],
  providers: [
    ModerationLogService,
    SuspensionsService,
    { provide: ModerationFacts, useExisting: SuspensionsService },
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
  ],
  exports: [ModerationFacts, ModerationLogService],
})
export class ModerationModule {}
