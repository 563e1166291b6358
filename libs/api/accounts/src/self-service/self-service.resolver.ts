import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { ACCOUNT_DELETION, LIMITS } from '@crossroads/shared-domain';
import {
  APP_CONFIG,
  BadInputError,
  CurrentUser,
  Public,
  SignedIn,
  type AppConfig,
  type GraphqlContext,
  type Principal,
} from '@crossroads/api-platform';
import { AuthPayloadModel } from '../auth/auth-payload.model.js';
import { signedInPayload } from '../auth/auth.resolver.js';
import { clientInfo } from '../auth/client-info.js';
import { clearRefreshCookie } from '../auth/session-cookie.js';
import { toUserModel } from '../users/user.mapper.js';
import { UserModel } from '../users/user.model.js';
import { ChangePasswordInput } from './dto/change-password.input.js';
import { ResetPasswordInput } from './dto/reset-password.input.js';
import { UpdateProfileInput } from './dto/update-profile.input.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { DeleteAccountInput } from './dto/delete-account.input.js';
import { EmailChangeService } from './email-change.service.js';
import { EmailVerificationService } from './email-verification.service.js';
import { RequestEmailChangeInput } from './dto/request-email-change.input.js';
import { PasswordResetService } from './password-reset.service.js';
import { SelfServiceService } from './self-service.service.js';

/** Signed in, not a permission: suspended members may still manage their own account. */
@Resolver()
export class SelfServiceResolver {
  constructor(
    private readonly selfService: SelfServiceService,
    private readonly passwordReset: PasswordResetService,
    private readonly emailVerification: EmailVerificationService,
    private readonly emailChange: EmailChangeService,
    private readonly deletion: AccountDeletionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => UserModel, { description: "Edits the viewer's own profile; fields left out stay as they are." })
  @SignedIn()
  async updateProfile(@Args('input') input: UpdateProfileInput, @CurrentUser() viewer: Principal): Promise<UserModel> {
    return toUserModel(await this.selfService.updateProfile(viewer, input));
  }

  @Mutation(() => Boolean, {
    description: 'Changes the password (the current one is required); every other session ends, this one stays.',
  })
  @SignedIn()
  async changePassword(@Args('input') input: ChangePasswordInput, @CurrentUser() viewer: Principal): Promise<boolean> {
    await this.selfService.changePassword(viewer, input);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Emails a single-use link (valid 1 hour) to reset the password. Always true: it never says whether the address has an account. Limited per IP and per address.',
  })
  @Public()
  async requestPasswordReset(@Args('email') email: string, @Context() ctx: GraphqlContext): Promise<boolean> {
    if (email.length > LIMITS.email.max)
      throw new BadInputError('email', `email must be at most ${LIMITS.email.max} characters.`);
    await this.passwordReset.request(email, ctx.req.ip ?? 'unknown');
    return true;
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Sets a new password from an emailed link; every session ends and a new one starts.',
  })
  @Public()
  async resetPassword(
    @Args('input') input: ResetPasswordInput,
    @Context() ctx: GraphqlContext,
  ): Promise<AuthPayloadModel> {
    return signedInPayload(
      await this.passwordReset.reset(input.token, input.newPassword, clientInfo(ctx.req)),
      ctx,
      this.config.isProduction,
    );
  }

  @Mutation(() => UserModel, {
    description:
      'Marks the email address verified from the emailed link (no sign-in needed: the link is the credential).',
  })
  @Public()
  async verifyEmail(@Args('token') token: string): Promise<UserModel> {
    return toUserModel(await this.emailVerification.verify(token));
  }

  @Mutation(() => Boolean, {
    description: 'Sends the verification link again (3 an hour). CONFLICT when the address is verified already.',
  })
  @SignedIn()
  async resendVerificationEmail(@CurrentUser() viewer: Principal): Promise<boolean> {
    await this.emailVerification.resend(viewer);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Emails a single-use link (valid 1 hour) to the new address; the address changes when it is followed. Needs the current password (BAD_USER_INPUT on password). Always true otherwise: an address that has an account gets a notice instead of a link. 3 an hour.',
  })
  @SignedIn()
  async requestEmailChange(
    @Args('input') input: RequestEmailChangeInput,
    @CurrentUser() viewer: Principal,
  ): Promise<boolean> {
    await this.emailChange.request(viewer, input.newEmail, input.password);
    return true;
  }

  @Mutation(() => UserModel, {
    description:
      'Switches to the new, now verified, address from the emailed link and tells the old address (no sign-in needed: the link is the credential).',
  })
  @Public()
  async confirmEmailChange(@Args('token') token: string): Promise<UserModel> {
    return toUserModel(await this.emailChange.confirm(token));
  }

  @Mutation(() => Boolean, {
    description: `Deletes the account after the password is entered again: every session ends; signing in within ${ACCOUNT_DELETION.graceDays} days undoes it, after that the personal data is erased and posts stay, by "Deleted user".`,
  })
  @SignedIn()
  async deleteAccount(
    @Args('input') input: DeleteAccountInput,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    await this.deletion.request(viewer, input.password);
    clearRefreshCookie(ctx.res, this.config.isProduction);
    return true;
  }
}
