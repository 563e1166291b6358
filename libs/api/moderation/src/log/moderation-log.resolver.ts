import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequirePermission, type GraphqlContext, connectionOf } from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { ModerationLogArgs } from './moderation-log.args.js';
import { toModerationLogEntryModel } from './moderation-log.mapper.js';
import { ModerationLogConnectionModel, ModerationLogEntryModel } from './moderation-log.model.js';
import { ModerationLogService, logCursor } from './moderation-log.service.js';

/** The nil uuid: no account has it. */
const NO_ONE = '00000000-0000-0000-0000-000000000000';

@Resolver(() => ModerationLogEntryModel)
export class ModerationLogResolver {
  constructor(
    private readonly log: ModerationLogService,
    private readonly usersService: UsersService,
  ) {}

  @Query(() => ModerationLogConnectionModel, { description: 'MODERATOR+: the audit log, newest first, filterable by actor, target and action.' })
  @RequirePermission('moderation.log.read')
  async moderationLog(@Args() args: ModerationLogArgs): Promise<ModerationLogConnectionModel> {
    const { actorHandle, ...filter } = args;
    // Accounts resolves the handle here: the log service is accounts' AuditWriter, so it cannot depend on accounts.
    const actor = actorHandle ? await this.usersService.findByHandle(actorHandle) : undefined;
    // An unknown handle matches no entry (the nil uuid is no one's id); the page still checks its cursor.
    const page = await this.log.page({ ...filter, actorId: actor === null ? NO_ONE : actor?.id });
    return connectionOf(page.items, logCursor, toModerationLogEntryModel, page.hasNextPage);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async actor(@Parent() e: ModerationLogEntryModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = await this.usersService.loader(ctx.loaders).load(e.actorId);
    return user ? toUserModel(user) : null;
  }
}
