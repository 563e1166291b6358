import { NavLink, Outlet } from 'react-router';
import { useIsAtLeast, RequireRole } from '../../ui/require-role.js';

/** /moderation: moderators and admins; guests sign in first, members see the forbidden page. */
export function ModerationLayout() {
  return (
    <RequireRole role="MODERATOR">
      <ModerationShell />
    </RequireRole>
  );
}

function ModerationShell() {
  const isAdmin = useIsAtLeast('ADMIN');
  const links: [string, string][] = [
    ['/moderation', 'Held comments'],
    ['/moderation/flags', 'Flags'],
    ['/moderation/log', 'Audit log'],
    ['/moderation/suspensions', 'Suspensions'],
    ...(isAdmin
      ? ([
          ['/moderation/words', 'Word list'],
          ['/moderation/roles', 'Roles'],
        ] as [string, string][])
      : []),
  ];
  return (
    <div className="moderation">
      <h1>Moderation</h1>
      <nav aria-label="Moderation" className="sort-tabs moderation__nav">
        {links.map(([to, label]) => (
          <NavLink key={to} to={to} end className="sort-tab">
            {label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
