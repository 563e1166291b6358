import { CreateModeration1795307287490 } from './migrations/1795307287490-create-moderation.js';
import { ModerationWords1795307769497 } from './migrations/1795307769497-moderation-words.js';
import { FlagWeights1795400000002 } from './migrations/1795400000002-flag-weights.js';
import { MentorPauseActions1797000000102 } from './migrations/1797000000102-mentor-pause-actions.js';
import { MessageReports1797000000202 } from './migrations/1797000000202-message-reports.js';
import { MessageReportsResolver, ReportedMessageResolver } from './message-reports/message-reports.resolver.js';
import { FlagEntity, FlaggedPostEntity } from './flags/flag.entity.js';
import { FlagResolver, FlagsResolver } from './flags/flags.resolver.js';
import { ModerationLogEntity } from './log/moderation-log.entity.js';
import { ModerationLogResolver } from './log/moderation-log.resolver.js';
import { QuestionModerationResolver } from './questions/question-moderation.resolver.js';
import { CommentModerationResolver } from './queue/comment-moderation.resolver.js';
import { MemberModerationEntity } from './suspensions/member-moderation.entity.js';
import { SuspensionEntity } from './suspensions/suspension.entity.js';
import { SuspensionsResolver } from './suspensions/suspensions.resolver.js';
import { PostVisibilityResolver } from './posts/post-visibility.resolver.js';
import { ModerationWordEntity } from './words/moderation-word.entity.js';
import { ModerationWordsResolver } from './words/moderation-words.resolver.js';
import { ModerationLiveResolver } from './live/moderation-live.js';

export const moderationEntities = [
  SuspensionEntity,
  MemberModerationEntity,
  ModerationLogEntity,
  FlagEntity,
  FlaggedPostEntity,
  ModerationWordEntity,
];
export const moderationMigrations = [
  CreateModeration1795307287490,
  ModerationWords1795307769497,
  FlagWeights1795400000002,
  MentorPauseActions1797000000102,
  MessageReports1797000000202,
];
export const moderationResolvers = [
  SuspensionsResolver,
  ModerationLogResolver,
  CommentModerationResolver,
  QuestionModerationResolver,
  FlagsResolver,
  FlagResolver,
  PostVisibilityResolver,
  ModerationWordsResolver,
  ModerationLiveResolver,
  MessageReportsResolver,
  ReportedMessageResolver,
];
