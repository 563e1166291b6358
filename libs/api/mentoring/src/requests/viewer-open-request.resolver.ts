import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  CurrentUser,
  byKeys,
  type GraphqlContext,
  type LoaderRegistry,
  type Principal,
} from '@crossroads/api-platform';
import { MentorProfileModel } from '../profiles/mentor-profile.model.js';
import { toMentorshipRequestModel } from './mentorship-request.mapper.js';
import type { MentorshipRequestEntity } from './mentorship-request.entity.js';
import { MentorshipRequestModel } from './mentorship-request.model.js';
import { openRequestsOfMentee } from './mentorship-requests.repository.js';

/**
 * The viewer's open request (pending, not yet expired, or accepted) to each mentor of a page, in one
 * statement per request: the partial unique index on open (mentee, mentor) pairs answers it.
 */
export function viewerOpenRequestLoader(db: DataSource, loaders: LoaderRegistry, viewerId: string) {
  return loaders.get<string, MentorshipRequestEntity | null>(
    `mentoring.requests.viewerOpen:${viewerId}`,
    async (mentorIds) => {
      const found = await openRequestsOfMentee(db, viewerId, mentorIds);
      return byKeys(mentorIds, found, (r) => r.mentorId, null);
    },
  );
}

/** A field of its own file, so the profile resolver stays as it is. */
@Resolver(() => MentorProfileModel)
export class MentorViewerRequestResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => MentorshipRequestModel, {
    nullable: true,
    description:
      "The viewer's open request to this mentor (PENDING or ACCEPTED), which rules out another; null for guests and when there is none.",
  })
  async viewerOpenRequest(
    @Parent() p: MentorProfileModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorshipRequestModel | null> {
    if (!viewer || viewer.id === p.userId) return null;
    const request = await viewerOpenRequestLoader(this.dataSource, ctx.loaders, viewer.id).load(p.userId);
    return request ? toMentorshipRequestModel(request) : null;
  }
}
