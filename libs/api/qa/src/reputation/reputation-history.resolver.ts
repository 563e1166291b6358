import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { GraphqlContext } from '@crossroads/api-platform';
import { UserModel } from '@crossroads/api-accounts';
import { ReputationDayModel, ReputationHistoryArgs } from './reputation-history.model.js';
import { reputationHistory, type ReputationDayRow } from './reputation-history.repository.js';

/** Reputation over time on the profile (public, like the reputation itself). */
@Resolver(() => UserModel)
export class ReputationHistoryResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => [ReputationDayModel], {
    description: 'Reputation per UTC day over the last `days` days (today included), days without change included.',
  })
  reputationHistory(
    @Parent() user: UserModel,
    @Args() args: ReputationHistoryArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<ReputationDayModel[]> {
    // One loader per window length: every user of the request asking for the same window shares one statement.
    return ctx.loaders
      .get<string, ReputationDayModel[]>(`qa.reputationHistory.${args.days}`, async (userIds) => {
        const byUser = new Map<string, ReputationDayRow[]>();
        for (const row of await reputationHistory(this.dataSource, userIds, args.days)) {
          const list = byUser.get(row.userId) ?? [];
          list.push(row);
          byUser.set(row.userId, list);
        }
        return userIds.map((id) =>
          (byUser.get(id) ?? []).map(({ day, points, reputation }) => ({ day, points, reputation })),
        );
      })
      .load(user.id);
  }
}
