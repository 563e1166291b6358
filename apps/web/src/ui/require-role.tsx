import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { hasRoleAtLeast, type Role } from '@crossroads/shared-domain';
import { useCurrentUser } from '@crossroads/web-data-access';
import { ForbiddenPage } from '../pages/forbidden-page.js';

/** Pages for a role and above: guests go to sign in (and come back), others see the forbidden page. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { user, loading } = useCurrentUser();
  const location = useLocation();
  if (loading) {
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  }
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!hasRoleAtLeast(user.role, role)) return <ForbiddenPage />;
  return <>{children}</>;
}

export function useIsAtLeast(role: Role): boolean {
  const { user } = useCurrentUser();
  return !!user && hasRoleAtLeast(user.role, role);
}
