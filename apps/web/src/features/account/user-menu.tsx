import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { MyProfileDocument, type SessionUserFragment } from '@crossroads/web-data-access';
import { Avatar } from '@crossroads/web-ui';

/** The header's account menu: profile, settings, sign out. A disclosure (button + list), closed on Escape, outside click and navigation. */
export function UserMenu({ user, onSignOut, signingOut }: { user: SessionUserFragment; onSignOut: () => void; signingOut: boolean }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const { data } = useQuery(MyProfileDocument);
  const avatarUrl = data?.me?.avatarUrl;

  // Navigation closes the menu: reset during render when the path changes (no effect, no extra render pass).
  const [path, setPath] = useState(location.pathname);
  if (path !== location.pathname) {
    setPath(location.pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={root}>
      <button ref={button} type="button" className="user-menu__button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {avatarUrl ? <img src={avatarUrl.replace(/\/\d+\.webp$/, '/48.webp')} alt="" className="avatar avatar--small" data-testid="header-avatar" /> : <Avatar user={user} />}
        <span className="account-nav__user" data-testid="current-user">
          <span className="account-nav__name">{user.displayName}</span> <span className="account-nav__handle">@{user.handle}</span>
        </span>
      </button>
      <ul id={id} className="user-menu__list" hidden={!open}>
        <li>
          <Link to={`/u/${encodeURIComponent(user.handle)}`} className="user-menu__item">
            Your profile
          </Link>
        </li>
        <li>
          <Link to="/settings/profile" className="user-menu__item">
            Settings
          </Link>
        </li>
        <li>
          <button type="button" className="user-menu__item" onClick={onSignOut} disabled={signingOut}>
            Sign out
          </button>
        </li>
      </ul>
    </div>
  );
}
