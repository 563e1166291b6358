import type { ReactNode } from 'react';
import { RequireRole } from '../../ui/require-role.js';

/** Pages for signed-in members: guests sign in first and come back. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  return <RequireRole role="MEMBER">{children}</RequireRole>;
}
