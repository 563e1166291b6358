import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, SignedIn, type Principal } from '@crossroads/api-platform';
import { toUserModel } from '../users/user.mapper.js';
import { UserModel } from '../users/user.model.js';
import { ChangePasswordInput } from './dto/change-password.input.js';
import { UpdateProfileInput } from './dto/update-profile.input.js';
import { SelfServiceService } from './self-service.service.js';

/** Signed in, not a permission: suspended members may still manage their own account. */
@Resolver()
export class SelfServiceResolver {
  constructor(private readonly selfService: SelfServiceService) {}

  @Mutation(() => UserModel, { description: "Edits the viewer's own profile; fields left out stay as they are." })
  @SignedIn()
  async updateProfile(@Args('input') input: UpdateProfileInput, @CurrentUser() viewer: Principal): Promise<UserModel> {
    return toUserModel(await this.selfService.updateProfile(viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Changes the password (the current one is required); every other session ends, this one stays.' })
  @SignedIn()
  async changePassword(@Args('input') input: ChangePasswordInput, @CurrentUser() viewer: Principal): Promise<boolean> {
    await this.selfService.changePassword(viewer, input);
    return true;
  }
}
