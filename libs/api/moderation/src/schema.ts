import { CreateModeration1795307287490 } from './migrations/1795307287490-create-moderation.js';
import { PostDeletionWords1795307769495 } from './migrations/1795307769495-post-deletion-words.js';
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

export const moderationEntities = [SuspensionEntity, MemberModerationEntity, ModerationLogEntity, FlagEntity, FlaggedPostEntity, ModerationWordEntity];
export const moderationMigrations = [CreateModeration1795307287490, PostDeletionWords1795307769495];
export const moderationResolvers = [SuspensionsResolver, ModerationLogResolver, CommentModerationResolver, QuestionModerationResolver, FlagsResolver, FlagResolver, PostVisibilityResolver, ModerationWordsResolver, ModerationLiveResolver];
