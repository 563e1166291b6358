import { NavLink, Outlet } from 'react-router';
import type { Permission } from '@crossroads/shared-domain';
import { RequirePermission, useCan } from '../../ui/require-permission.js';

/** /moderation: those who moderate comments (moderators, admins); guests sign in first, members see the forbidden page. */
export function ModerationLayout() {
  return (
    <RequirePermission permission="comment.moderate">
      <ModerationShell />
    </RequirePermission>
  );
}

// Each tool shows for those holding the permission its API checks.
const LINKS: readonly { to: string; label: string; permission: Permission }[] = [
  { to: '/moderation', label: 'Held comments', permission: 'comment.moderate' },
  { to: '/moderation/flags', label: 'Flags', permission: 'post.hide' },
  { to: '/moderation/messages', label: 'Reported messages', permission: 'post.hide' },
  { to: '/moderation/appeals', label: 'Pause appeals', permission: 'mentor.verify' },
  { to: '/moderation/log', label: 'Audit log', permission: 'moderation.log.read' },
  { to: '/moderation/suspensions', label: 'Suspensions', permission: 'user.suspend' },
  { to: '/moderation/words', label: 'Word list', permission: 'moderation.words.edit' },
  { to: '/moderation/roles', label: 'Roles', permission: 'role.set' },
  { to: '/moderation/insights', label: 'Insights', permission: 'insights.read' },
];

function ModerationShell() {
  return (
    <div className="moderation">
      <h1>Moderation</h1>
      <nav aria-label="Moderation" className="sort-tabs moderation__nav">
        {LINKS.map((link) => (
          <ToolLink key={link.to} {...link} />
        ))}
      </nav>
      <Outlet />
    </div>
  );
}

function ToolLink({ to, label, permission }: { to: string; label: string; permission: Permission }) {
  if (!useCan(permission)) return null;
  return (
    <NavLink to={to} end className="sort-tab">
      {label}
    </NavLink>
  );
}
