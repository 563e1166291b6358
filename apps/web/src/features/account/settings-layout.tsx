import { NavLink, Outlet } from 'react-router';
import { RequireSignIn } from '../notifications/require-sign-in.js';

export const SETTINGS_PAGES = [
  { path: 'profile', label: 'Profile' },
  { path: 'email', label: 'Email' },
  { path: 'password', label: 'Password' },
  { path: 'sessions', label: 'Sessions' },
  { path: 'notifications', label: 'Notifications' },
  { path: 'sign-ins', label: 'Linked sign-ins' },
  { path: 'delete', label: 'Delete account' },
] as const;

/** /settings/*: one page per part of the account, listed beside it. */
export function SettingsLayout() {
  return (
    <RequireSignIn>
      <div className="settings-layout">
        <nav aria-label="Settings" className="settings-nav">
          <ul>
            {SETTINGS_PAGES.map((p) => (
              <li key={p.path}>
                <NavLink to={`/settings/${p.path}`} className="settings-nav__link">
                  {p.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-layout__page">
          <Outlet />
        </div>
      </div>
    </RequireSignIn>
  );
}
