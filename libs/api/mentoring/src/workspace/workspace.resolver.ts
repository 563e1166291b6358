import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import {
  CurrentUser,
  EventBus,
  LIVE_TOPICS,
  LiveBus,
  NotFoundError,
  RequirePermission,
  SignedIn,
  UnauthenticatedError,
  connectionOf,
  isLiveRequest,
  useMessageLoaders,
  type GraphqlContext,
  type Principal,
  type RecordedEvent,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { MENTORING_WORKSPACE_EVENTS, type MentorshipMessagePayload } from '../events/mentoring-events.js';
import { toMentorshipRequestModel } from '../requests/mentorship-request.mapper.js';
import { MentorshipRequestModel } from '../requests/mentorship-request.model.js';
import { MentorshipSessionModel } from '../sessions/session.models.js';
import { toSessionModel } from '../sessions/sessions.resolver.js';
import { MentorshipSessionsService } from '../sessions/sessions.service.js';
import { isParticipant } from './participants.js';
import {
  MentorshipIdArgs,
  MentorshipMessageConnectionModel,
  MentorshipMessageModel,
  MentorshipMessagesArgs,
  MentorshipPlanInput,
  MentorshipPlanRevisionModel,
  ReportMentorshipMessageInput,
  SendMentorshipMessageInput,
} from './workspace.models.js';
import type { MentorshipMessageRow, PlanRevisionRow } from './workspace.repository.js';
import { MentorshipWorkspaceService, messageCursor } from './workspace.service.js';

export const toMessageModel = (m: MentorshipMessageRow): MentorshipMessageModel =>
  Object.assign(new MentorshipMessageModel(), {
    id: m.id,
    // A removed message's words stay stored (for moderators' records), never shown to the pair again.
    body: m.hiddenAt ? '' : m.body,
    removedByModerator: m.hiddenAt !== null,
    createdAt: m.createdAt,
    authorId: m.authorId,
    mentorshipId: m.mentorshipId,
  });

const toRevisionModel = (p: PlanRevisionRow): MentorshipPlanRevisionModel =>
  Object.assign(new MentorshipPlanRevisionModel(), {
    revision: p.revision,
    goal: p.goal,
    plan: p.plan,
    createdAt: p.createdAt,
    editorId: p.editorId,
  });

/** The live message on LIVE_TOPICS.mentorship(id). */
interface ThreadMessage {
  mentorshipId: string;
  messageId: string;
}

/** Publishes each new thread message to the pair's open pages (after commit, off the request). */
@Injectable()
export class MentorshipThreadPublisher implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly live: LiveBus,
  ) {}

  onModuleInit(): void {
    this.events.on(
      'live-mentorship-thread',
      [MENTORING_WORKSPACE_EVENTS.messageSent],
      async (event: RecordedEvent<MentorshipMessagePayload>) => {
        const { mentorshipId, messageId } = event.payload;
        await this.live.publish(LIVE_TOPICS.mentorship(mentorshipId), {
          mentorshipId,
          messageId,
        } satisfies ThreadMessage);
      },
      { batchSize: 50, retryLimit: 2, retryDelaySeconds: 1 },
    );
  }
}

/**
 * The workspace of a mentorship: only its two participants read or write it (NOT_FOUND for anyone
 * else, staff included: a moderator sees a message only through a report).
 */
@Resolver(() => MentorshipRequestModel)
export class MentorshipWorkspaceResolver {
  constructor(
    private readonly workspace: MentorshipWorkspaceService,
    private readonly sessionsService: MentorshipSessionsService,
  ) {}

  @Query(() => MentorshipRequestModel, {
    description: 'One mentorship with its workspace (thread, plan, sessions). NOT_FOUND for anyone but the pair.',
  })
  @SignedIn()
  async mentorship(@Args() args: MentorshipIdArgs, @CurrentUser() viewer: Principal): Promise<MentorshipRequestModel> {
    return toMentorshipRequestModel(await this.workspace.mentorship(viewer, args.id));
  }

  @Mutation(() => MentorshipMessageModel, {
    description: 'Writes in the private thread of an accepted mentorship (the pair only).',
  })
  @SignedIn()
  async sendMentorshipMessage(
    @Args('input') input: SendMentorshipMessageInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipMessageModel> {
    return toMessageModel(await this.workspace.send(viewer, input));
  }

  @Mutation(() => Boolean, {
    description:
      "Reports the other participant's message to moderators (once; then they may read it and a few messages around it). NOT_FOUND outside the pair; your own message is BAD_USER_INPUT; twice is CONFLICT.",
  })
  @RequirePermission('flag.raise')
  async reportMentorshipMessage(
    @Args('input') input: ReportMentorshipMessageInput,
    @CurrentUser() viewer: Principal,
  ): Promise<boolean> {
    await this.workspace.report(viewer, input);
    return true;
  }

  @Mutation(() => MentorshipRequestModel, { description: "Marks the mentorship's thread read for the viewer." })
  @SignedIn()
  async markMentorshipRead(
    @Args() args: MentorshipIdArgs,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipRequestModel> {
    return toMentorshipRequestModel(await this.workspace.markRead(viewer, args.id));
  }

  @Mutation(() => MentorshipRequestModel, {
    description: 'Saves the shared goal and plan (either participant; each save is a revision).',
  })
  @SignedIn()
  async setMentorshipPlan(
    @Args('input') input: MentorshipPlanInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipRequestModel> {
    return toMentorshipRequestModel(await this.workspace.setPlan(viewer, input));
  }

  private pairOnly(r: MentorshipRequestModel, viewer: Principal | null): void {
    if (!isParticipant(r, viewer?.id)) throw new NotFoundError('Mentorship');
  }

  @ResolveField(() => MentorshipMessageConnectionModel, { description: 'The private thread, newest first.' })
  async messages(
    @Parent() r: MentorshipRequestModel,
    @Args() args: MentorshipMessagesArgs,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorshipMessageConnectionModel> {
    this.pairOnly(r, viewer);
    const viewerId = viewer?.id ?? '';
    const [page, counts] = await Promise.all([
      this.workspace.messages(r.id, args),
      this.workspace.countsLoader(ctx.loaders, viewerId).load(r.id),
    ]);
    const { edges, pageInfo } = connectionOf(page.items, messageCursor, toMessageModel, page.hasNextPage);
    return Object.assign(new MentorshipMessageConnectionModel(), {
      edges,
      pageInfo,
      totalCount: counts.total,
      unreadCount: counts.unread,
    });
  }

  @ResolveField(() => String, { nullable: true, description: 'The shared goal (current revision).' })
  async goal(
    @Parent() r: MentorshipRequestModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<string | null> {
    this.pairOnly(r, viewer);
    return (await this.workspace.planLoader(ctx.loaders).load(r.id))?.goal ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The shared plan, Markdown (current revision).' })
  async plan(
    @Parent() r: MentorshipRequestModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<string | null> {
    this.pairOnly(r, viewer);
    return (await this.workspace.planLoader(ctx.loaders).load(r.id))?.plan ?? null;
  }

  @ResolveField(() => [MentorshipPlanRevisionModel], {
    description: 'Every saved version of the goal and plan, newest first.',
  })
  async planRevisions(
    @Parent() r: MentorshipRequestModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorshipPlanRevisionModel[]> {
    this.pairOnly(r, viewer);
    return (await this.workspace.planHistoryLoader(ctx.loaders).load(r.id)).map(toRevisionModel);
  }

  @ResolveField(() => [MentorshipSessionModel], { description: 'Booked sessions, by start.' })
  async sessions(
    @Parent() r: MentorshipRequestModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorshipSessionModel[]> {
    this.pairOnly(r, viewer);
    return (await this.sessionsService.sessionsLoader(ctx.loaders).load(r.id)).map(toSessionModel);
  }
}

@Resolver(() => MentorshipMessageModel)
export class MentorshipMessageResolver {
  constructor(
    private readonly users: UsersService,
    private readonly workspace: MentorshipWorkspaceService,
    private readonly live: LiveBus,
  ) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'null once the author deleted their account.' })
  async author(@Parent() m: MentorshipMessageModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    if (!m.authorId) return null;
    const user = await this.users.loader(ctx.loaders).load(m.authorId);
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => Boolean, {
    description: 'True once the viewer reported this message (each participant reports a message once).',
  })
  async viewerReported(
    @Parent() m: MentorshipMessageModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    if (!viewer) return false;
    return this.workspace.reportedLoader(ctx.loaders, viewer.id).load(m.id);
  }

  @Subscription(() => MentorshipMessageModel, {
    description:
      'New messages in one mentorship thread as they are written (the pair only; NOT_FOUND for anyone else).',
    async resolve(this: MentorshipMessageResolver, message: ThreadMessage, _args: unknown, ctx: GraphqlContext) {
      if (isLiveRequest(ctx.req) && !(await ctx.req.live.recheck()))
        throw new UnauthenticatedError('Your session has ended.');
      const loaders = useMessageLoaders(ctx, message);
      const row = await this.workspace.messageLoader(loaders).load(message.messageId);
      if (!row) throw new NotFoundError('Message');
      return toMessageModel(row);
    },
  })
  @SignedIn()
  async mentorshipMessageAdded(
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @CurrentUser() viewer: Principal,
  ): Promise<AsyncIterableIterator<ThreadMessage>> {
    const r = await this.workspace.mentorship(viewer, mentorshipId).catch(() => null);
    if (!r) throw new NotFoundError('Mentorship', 'mentorshipId');
    return this.live.stream<ThreadMessage>(LIVE_TOPICS.mentorship(r.id));
  }
}
