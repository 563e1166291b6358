import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CurrentUser,
  PageArgs,
  RequirePermission,
  connectionOf,
  type GraphqlContext,
  type Principal,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import type { MessageReportRow } from './message-reports.repository.js';
import {
  DecideMessageReportInput,
  MentorshipMessageReportConnectionModel,
  MentorshipMessageReportModel,
  MessageReportIdArgs,
  ReportedMentorshipMessageModel,
} from './message-reports.models.js';
import { MessageReportsService, messageReportCursor } from './message-reports.service.js';

const toReportModel = (r: MessageReportRow): MentorshipMessageReportModel =>
  Object.assign(new MentorshipMessageReportModel(), {
    id: r.id,
    reason: r.reason,
    reportedAt: r.reportedAt,
    decision: r.decision,
    decidedAt: r.decidedAt,
    messageId: r.messageId,
    reporterId: r.reporterId,
  });

/** Moderators' permission to hide posts also covers reported private messages. */
const STAFF = 'post.hide' as const;

@Resolver(() => MentorshipMessageReportModel)
export class MessageReportsResolver {
  constructor(
    private readonly reports: MessageReportsService,
    private readonly users: UsersService,
  ) {}

  @Query(() => MentorshipMessageReportConnectionModel, {
    description: 'MODERATOR+: reported mentorship messages waiting for a decision, oldest first.',
  })
  @RequirePermission(STAFF)
  async mentorshipMessageReports(@Args() args: PageArgs): Promise<MentorshipMessageReportConnectionModel> {
    const page = await this.reports.queue(args);
    const { edges, pageInfo } = connectionOf(page.items, messageReportCursor, toReportModel, page.hasNextPage);
    return Object.assign(new MentorshipMessageReportConnectionModel(), {
      edges,
      pageInfo,
      totalCount: page.totalCount,
    });
  }

  @Query(() => MentorshipMessageReportModel, { description: 'MODERATOR+: one report. NOT_FOUND for anything else.' })
  @RequirePermission(STAFF)
  async mentorshipMessageReport(@Args() args: MessageReportIdArgs): Promise<MentorshipMessageReportModel> {
    return toReportModel(await this.reports.report(args.id));
  }

  @Mutation(() => MentorshipMessageReportModel, {
    description:
      'MODERATOR+: decides a report once: HIDE removes the message from the pair\'s thread ("removed by a moderator"), DISMISS keeps it. Logged.',
  })
  @RequirePermission(STAFF)
  async decideMentorshipMessageReport(
    @Args('input') input: DecideMessageReportInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipMessageReportModel> {
    return toReportModel(await this.reports.decide(viewer, { ...input, reason: input.reason ?? '' }));
  }

  @ResolveField(() => UserModel, { nullable: true })
  async reporter(@Parent() r: MentorshipMessageReportModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = await this.users.loader(ctx.loaders).load(r.reporterId);
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => [ReportedMentorshipMessageModel], {
    description: `The reported message with up to a few messages either side of it, oldest first.`,
  })
  async context(
    @Parent() r: MentorshipMessageReportModel,
    @Context() ctx: GraphqlContext,
  ): Promise<ReportedMentorshipMessageModel[]> {
    const views = await this.reports.contextLoader(ctx.loaders).load(r.messageId);
    return views.map((v) =>
      Object.assign(new ReportedMentorshipMessageModel(), { ...v, isReported: v.id === r.messageId }),
    );
  }
}

@Resolver(() => ReportedMentorshipMessageModel)
export class ReportedMessageResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'null once the author deleted their account.' })
  async author(@Parent() m: ReportedMentorshipMessageModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    if (!m.authorId) return null;
    const user = await this.users.loader(ctx.loaders).load(m.authorId);
    return user ? toUserModel(user) : null;
  }
}
