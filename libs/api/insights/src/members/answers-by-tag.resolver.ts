import { Args, ArgsType, Context, Field, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsInt, Max, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { GraphqlContext } from '@crossroads/api-platform';
import { UserModel } from '@crossroads/api-accounts';
import { TagAnswersModel } from '../dashboard/community-insights.model.js';
import { answersByTag } from './members.repository.js';

@ArgsType()
export class AnswersByTagArgs {
  @Field(() => Int, { defaultValue: 10, description: 'How many tags, the busiest first: 1 to 20.' })
  @IsInt({ message: 'first must be a whole number.' })
  @Min(1, { message: 'first must be between 1 and 20.' })
  @Max(20, { message: 'first must be between 1 and 20.' })
  first!: number;
}

/** A member's answers by tag on the profile (public, like the answers themselves), from insights' rollup. */
@Resolver(() => UserModel)
export class AnswersByTagResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => [TagAnswersModel], {
    description: 'Answers by the tag of their question (all time), the busiest tags first, with how many are accepted.',
  })
  answersByTag(
    @Parent() user: UserModel,
    @Args() args: AnswersByTagArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<TagAnswersModel[]> {
    // One statement for every member of the request asking for the same number of tags.
    return ctx.loaders
      .get<string, TagAnswersModel[]>(`insights.answersByTag.${args.first}`, async (userIds) => {
        const byUser = new Map<string, TagAnswersModel[]>();
        for (const { userId, tag, answers, accepted } of await answersByTag(this.dataSource, userIds, args.first)) {
          byUser.set(userId, [...(byUser.get(userId) ?? []), { tag, answers, accepted }]);
        }
        return userIds.map((id) => byUser.get(id) ?? []);
      })
      .load(user.id);
  }
}
