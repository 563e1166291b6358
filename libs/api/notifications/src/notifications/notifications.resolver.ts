import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CurrentUser,
  RequirePermission,
  type GraphqlContext,
  type Principal,
  connectionOf,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import {
  AnswerModel,
  AnswersService,
  CommentModel,
  CommentsService,
  QuestionModel,
  QuestionsService,
  toAnswerModel,
  toCommentModel,
  toQuestionModel,
} from '@crossroads/api-qa';
import { MentorshipRequestModel, MentorshipRequestsService, toMentorshipRequestModel } from '@crossroads/api-mentoring';
import { NotificationsArgs } from './notifications.args.js';
import {
  NotificationConnectionModel,
  NotificationModel,
  NotificationSettingInput,
  NotificationSettingModel,
} from './notification.model.js';
import { NotificationsService, notificationCursor, type NotificationRow } from './notifications.service.js';

export function toNotificationModel(n: NotificationRow): NotificationModel {
  return Object.assign(new NotificationModel(), {
    id: n.id,
    type: n.type,
    read: n.readAt !== null,
    createdAt: n.createdAt,
    text: n.text,
    url: n.url,
    count: Number(n.groupCount),
    actorId: n.actorIds[0] ?? null,
    questionId: n.questionId,
    answerId: n.answerId,
    commentId: n.commentId,
    mentorshipId: n.mentorshipId,
  });
}

/** The inbox and its settings; the related posts, people and mentorships come through their owners' loaders. */
@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly inbox: NotificationsService,
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    private readonly comments: CommentsService,
    private readonly requests: MentorshipRequestsService,
  ) {}

  @Query(() => NotificationConnectionModel, {
    description: "The signed-in member's notifications, newest first (a group moves up when it grows).",
  })
  @RequirePermission('notification.read')
  async notifications(
    @Args() args: NotificationsArgs,
    @CurrentUser() viewer: Principal,
  ): Promise<NotificationConnectionModel> {
    const page = await this.inbox.page(viewer.id, args);
    const { edges, pageInfo } = connectionOf(page.items, notificationCursor, toNotificationModel, page.hasNextPage);
    return Object.assign(new NotificationConnectionModel(), { edges, pageInfo });
  }

  @Query(() => Int, { description: 'How many of the signed-in member’s notifications are unread.' })
  @RequirePermission('notification.read')
  async unreadNotificationCount(@CurrentUser() viewer: Principal): Promise<number> {
    return this.inbox.unreadCount(viewer.id);
  }

  @Query(() => [NotificationSettingModel], {
    description: 'In-app and email choice for every notification type, defaults filled in.',
  })
  @RequirePermission('notification.read')
  async notificationSettings(@CurrentUser() viewer: Principal): Promise<NotificationSettingModel[]> {
    return (await this.inbox.settings(viewer.id)).map((s) => Object.assign(new NotificationSettingModel(), s));
  }

  @Mutation(() => Int, {
    description: 'Marks the given notifications (none given: all) read; returns how many were unread.',
  })
  @RequirePermission('notification.read')
  async markNotificationsRead(
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
    @CurrentUser() viewer: Principal,
  ): Promise<number> {
    return this.inbox.markRead(viewer.id, ids);
  }

  @Mutation(() => NotificationSettingModel, {
    description: 'Changes in-app and/or email for one type; what is omitted stays.',
  })
  @RequirePermission('notification.configure')
  async setNotificationSetting(
    @Args('input') input: NotificationSettingInput,
    @CurrentUser() viewer: Principal,
  ): Promise<NotificationSettingModel> {
    return Object.assign(new NotificationSettingModel(), await this.inbox.setSetting(viewer.id, input));
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who caused it (the newest, for a group); null for guests and the system.',
  })
  async actor(@Parent() n: NotificationModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    if (!n.actorId) return null;
    const user = await this.users.loader(ctx.loaders).load(n.actorId);
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => QuestionModel, { nullable: true, description: 'Null when there is none or it was hidden since.' })
  async question(@Parent() n: NotificationModel, @Context() ctx: GraphqlContext): Promise<QuestionModel | null> {
    if (!n.questionId) return null;
    const q = await this.questions.byIdLoader(ctx.loaders).load(n.questionId);
    return q ? toQuestionModel(q) : null;
  }

  @ResolveField(() => AnswerModel, { nullable: true })
  async answer(@Parent() n: NotificationModel, @Context() ctx: GraphqlContext): Promise<AnswerModel | null> {
    if (!n.answerId) return null;
    const a = await this.answers.byIdLoader(ctx.loaders).load(n.answerId);
    return a ? toAnswerModel(a) : null;
  }

  @ResolveField(() => CommentModel, { nullable: true })
  async comment(@Parent() n: NotificationModel, @Context() ctx: GraphqlContext): Promise<CommentModel | null> {
    if (!n.commentId) return null;
    const c = await this.comments.byIdLoader(ctx.loaders).load(n.commentId);
    return c ? toCommentModel(c) : null;
  }

  @ResolveField(() => MentorshipRequestModel, { nullable: true })
  async mentorship(
    @Parent() n: NotificationModel,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorshipRequestModel | null> {
    if (!n.mentorshipId) return null;
    const r = await this.requests.byIdLoader(ctx.loaders).load(n.mentorshipId);
    return r ? toMentorshipRequestModel(r) : null;
  }
}
