import { Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, NotFoundError, SignedIn, type Principal } from '@crossroads/api-platform';
import { toUserModel } from '../users/user.mapper.js';
import { UserModel } from '../users/user.model.js';
import { AvatarsService } from './avatars.service.js';

/** Uploading goes through `POST /uploads/avatar` (multipart); removing is an ordinary mutation. */
@Resolver()
export class AvatarsResolver {
  constructor(private readonly avatars: AvatarsService) {}

  @Mutation(() => UserModel, { description: "Removes the viewer's avatar: the initials avatar is shown again." })
  @SignedIn()
  async removeAvatar(@CurrentUser() viewer: Principal): Promise<UserModel> {
    const user = await this.avatars.remove(viewer.id);
    if (!user) throw new NotFoundError('Your account');
    return toUserModel(user);
  }
}
