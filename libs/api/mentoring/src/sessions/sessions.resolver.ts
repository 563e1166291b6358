import { Args, Context, GraphQLISODateTime, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, SignedIn, LoaderRegistry, type GraphqlContext, type Principal } from '@crossroads/api-platform';
import { MentorProfileModel } from '../profiles/mentor-profile.model.js';
import { toMentorProfileModel } from '../profiles/mentor-profile.mapper.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { isParticipant } from '../workspace/participants.js';
import { SessionInvites } from './session-invite.js';
import {
  AvailabilityWindowInput,
  AvailabilityWindowModel,
  BookSessionInput,
  BookableSlotsArgs,
  MentorshipSessionModel,
  SetAvailabilityExceptionsArgs,
  UpdateSessionInput,
} from './session.models.js';
import type { SessionRow } from './sessions.repository.js';
import { MentorshipSessionsService } from './sessions.service.js';
import { formatClock } from './slots.js';

export const toSessionModel = (s: SessionRow): MentorshipSessionModel =>
  Object.assign(new MentorshipSessionModel(), {
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    status: s.status,
    timeZone: s.timeZone,
    mentorshipId: s.mentorshipId,
    mentorId: s.mentorId,
    menteeId: s.menteeId,
  });

@Resolver(() => MentorshipSessionModel)
export class MentorshipSessionsResolver {
  constructor(
    private readonly sessions: MentorshipSessionsService,
    private readonly profiles: MentorProfilesService,
    private readonly invites: SessionInvites,
  ) {}

  private async profileOf(userId: string): Promise<MentorProfileModel> {
    const profile = await this.profiles.loader(new LoaderRegistry()).load(userId);
    if (!profile) throw new Error(`mentor profile ${userId} vanished`);
    return toMentorProfileModel(profile);
  }

  @Mutation(() => MentorProfileModel, {
    description: "Replaces the caller's weekly availability (mentors). Unknown time zones → BAD_USER_INPUT (timeZone).",
  })
  @SignedIn()
  async setAvailability(
    @Args('input', { type: () => [AvailabilityWindowInput] }) input: AvailabilityWindowInput[],
    @CurrentUser() viewer: Principal,
  ): Promise<MentorProfileModel> {
    await this.sessions.setAvailability(viewer, input);
    return this.profileOf(viewer.id);
  }

  @Mutation(() => MentorProfileModel, { description: "Replaces the caller's dates without availability (mentors)." })
  @SignedIn()
  async setAvailabilityExceptions(
    @Args() args: SetAvailabilityExceptionsArgs,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorProfileModel> {
    await this.sessions.setExceptions(viewer, args.dates);
    return this.profileOf(viewer.id);
  }

  @Query(() => [GraphQLISODateTime], {
    description:
      'Free slot starts (UTC) of a mentor, honouring their windows, date exceptions, booked sessions and daylight saving.',
  })
  @SignedIn()
  async bookableSlots(@Args() args: BookableSlotsArgs): Promise<Date[]> {
    return this.sessions.bookableSlots(args.mentorHandle, args.from, args.days, args.minutes);
  }

  @Mutation(() => MentorshipSessionModel, {
    description:
      'Books a session at a slot start. Outside availability or in the past → BAD_USER_INPUT (startsAt); already taken → CONFLICT.',
  })
  @SignedIn()
  async bookMentorshipSession(
    @Args('input') input: BookSessionInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipSessionModel> {
    return toSessionModel(await this.sessions.book(viewer, input));
  }

  @Mutation(() => MentorshipSessionModel, {
    description:
      'Records what happened to a session: DONE, CANCELLED (late under 3 h) or NO_SHOW (from 10 min after the start).',
  })
  @SignedIn()
  async updateMentorshipSession(
    @Args('input') input: UpdateSessionInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipSessionModel> {
    return toSessionModel(await this.sessions.update(viewer, input));
  }

  @ResolveField(() => String, {
    description: "The calendar invite (.ics with the mentor's VTIMEZONE), a link signed for the viewer.",
  })
  icsUrl(@Parent() s: MentorshipSessionModel, @CurrentUser() viewer: Principal | null): string {
    // Sessions are reached only through the pair's mentorship; the link is the viewer's own.
    if (!viewer || !isParticipant(s, viewer.id)) return '';
    return this.invites.url(s.id, viewer.id);
  }
}

@Resolver(() => MentorProfileModel)
export class MentorAvailabilityResolver {
  constructor(private readonly sessions: MentorshipSessionsService) {}

  @ResolveField(() => [AvailabilityWindowModel], { description: 'Weekly windows in which the mentor can be booked.' })
  async availability(
    @Parent() p: MentorProfileModel,
    @Context() ctx: GraphqlContext,
  ): Promise<AvailabilityWindowModel[]> {
    const windows = await this.sessions.windowsLoader(ctx.loaders).load(p.userId);
    return windows.map((w) =>
      Object.assign(new AvailabilityWindowModel(), {
        weekday: w.weekday,
        start: formatClock(w.startMinute),
        end: formatClock(w.endMinute),
        timeZone: w.timeZone,
      }),
    );
  }

  @ResolveField(() => [String], { description: "Local dates (YYYY-MM-DD, in the windows' zone) without availability." })
  async availabilityExceptions(@Parent() p: MentorProfileModel, @Context() ctx: GraphqlContext): Promise<string[]> {
    return this.sessions.exceptionsLoader(ctx.loaders).load(p.userId);
  }
}
