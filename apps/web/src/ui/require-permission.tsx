import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { roleHasPermission, type Permission, type Role } from '@crossroads/shared-domain';
import { useCurrentUser } from '@crossroads/web-data-access';
import { Loading } from '@crossroads/web-ui';
import { ForbiddenPage } from '../pages/forbidden-page.js';

/**
 * Pages for those holding a permission (the names the API's guard checks): guests go to sign in
 * (and come back), others see the forbidden page.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { user, loading } = useCurrentUser();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user)
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roleHasPermission(user.role, permission)) return <ForbiddenPage />;
  return <>{children}</>;
}

/** True when this user (null: a guest) holds the permission: what to offer, the API deciding in the end. */
export function userCan(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && roleHasPermission(user.role, permission);
}

/** True when the signed-in user holds the permission. */
export function useCan(permission: Permission): boolean {
  return userCan(useCurrentUser().user, permission);
}
