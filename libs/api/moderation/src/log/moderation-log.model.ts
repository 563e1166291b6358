import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  MODERATION_ACTIONS,
  MODERATION_TARGETS,
  type ModerationAction,
  type ModerationTarget,
} from './moderation-log.entity.js';
import { PageInfoModel } from '@crossroads/api-platform';

export const ModerationActionEnum = Object.fromEntries(MODERATION_ACTIONS.map((a) => [a, a])) as {
  [K in ModerationAction]: K;
};
registerEnumType(ModerationActionEnum, { name: 'ModerationAction', description: 'What a moderator or admin did.' });

export const ModerationTargetEnum = Object.fromEntries(MODERATION_TARGETS.map((a) => [a, a])) as {
  [K in ModerationTarget]: K;
};
registerEnumType(ModerationTargetEnum, {
  name: 'ModerationTargetType',
  description: 'What a moderation action was about.',
});

@ObjectType('ModerationLogEntry', { description: 'One moderator or admin action: who, what, when and why.' })
export class ModerationLogEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ModerationActionEnum)
  action!: ModerationAction;

  @Field(() => ModerationTargetEnum)
  targetType!: ModerationTarget;

  @Field(() => ID)
  targetId!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field({ description: 'Action-specific facts, as a JSON object text (e.g. {"endsAt": …}).' })
  details!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  actorId!: string;
}

@ObjectType('ModerationLogEdge')
export class ModerationLogEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => ModerationLogEntryModel)
  node!: ModerationLogEntryModel;
}

@ObjectType('ModerationLogConnection', { description: 'Newest first.' })
export class ModerationLogConnectionModel {
  @Field(() => [ModerationLogEdgeModel])
  edges!: ModerationLogEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
