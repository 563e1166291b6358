import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '@crossroads/shared-domain';
import { requestOf } from './request-of.js';

export const ACCESS_RULE = 'crossroads:access';

export type AccessRule = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; permission: Permission };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);
/** A signed-in user whose role holds `permission`. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ACCESS_RULE, { kind: 'permission', permission } satisfies AccessRule);

/** The signed-in user, or null for guests. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext) => requestOf(ctx).user ?? null);
