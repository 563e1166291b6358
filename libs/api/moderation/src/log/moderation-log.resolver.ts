import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CurrentUser,
  RequirePermission,
  byKeys,
  type GraphqlContext,
  type Principal,
  connectionOf,
} from '@crossroads/api-platform';
import { roleHasPermission } from '@crossroads/shared-domain';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { PostsService, type PostQuestionTitle, type PostType } from '@crossroads/api-qa';
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
    private readonly posts: PostsService,
  ) {}

  @Query(() => ModerationLogConnectionModel, {
    description: 'MODERATOR+: the audit log, newest first, filterable by actor, target and action.',
  })
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

  @ResolveField(() => String, {
    nullable: true,
    description:
      'What the target is, readably: a question\'s title, "Answer on “…”", "Comment on “…”", @handle or "Moderation word list". Null when it is gone or hidden from the viewer.',
  })
  async targetLabel(
    @Parent() e: ModerationLogEntryModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<string | null> {
    switch (e.targetType) {
      case 'WORD_LIST':
        return 'Moderation word list';
      case 'MENTORSHIP_MESSAGE':
        // A private message: named, never quoted.
        return 'A reported mentorship message';
      case 'USER': {
        const user = await this.usersService.loader(ctx.loaders).load(e.targetId);
        return user ? `@${user.handle}` : null;
      }
      default: {
        // Hidden posts are labelled only for those who may see hidden posts.
        const includeHidden = Boolean(viewer && roleHasPermission(viewer.role, 'post.hide'));
        const found = await this.titleLoader(ctx, includeHidden).load(`${e.targetType}:${e.targetId}`);
        if (!found) return null;
        return e.targetType === 'QUESTION'
          ? found.title
          : `${e.targetType === 'ANSWER' ? 'Answer' : 'Comment'} on “${found.title}”`;
      }
    }
  }

  /** One statement for the page's question, answer and comment targets ("TYPE:id" keys). */
  private titleLoader(ctx: GraphqlContext, includeHidden: boolean) {
    return ctx.loaders.get<string, PostQuestionTitle | null>(
      `moderation.log.targetTitles:${includeHidden}`,
      async (keys) => {
        const ids: Record<PostType, string[]> = { QUESTION: [], ANSWER: [], COMMENT: [] };
        for (const key of keys) {
          const [type, id] = key.split(':') as [PostType, string];
          ids[type].push(id);
        }
        const found = await this.posts.questionTitles(ids, includeHidden);
        return byKeys(keys, found, (t) => `${t.type}:${t.id}`, null);
      },
    );
  }
}
