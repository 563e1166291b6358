import type { ReactNode } from 'react';
import { RequirePermission } from '../../ui/require-permission.js';

/** Pages for signed-in members: guests sign in first and come back. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  return <RequirePermission permission="notification.read">{children}</RequirePermission>;
}
