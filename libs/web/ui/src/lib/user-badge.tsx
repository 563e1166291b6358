import { Link } from 'react-router';

export interface BadgeUser {
  handle: string;
  displayName: string;
  reputation: number;
  role?: string;
}

const PALETTE = ['#0e5b5a', '#5b3f8c', '#8a4b0f', '#1f5f99', '#7a2e47', '#3d6b21'];

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]?.[0], words[words.length - 1]?.[0]] : [words[0]?.[0], words[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

function colour(handle: string): string {
  let h = 0;
  for (const c of handle) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#0e5b5a';
}

/** A round avatar with the user's initials (decorative: the name is always next to it). */
export function Avatar({
  user,
  size = 'small',
}: {
  user: Pick<BadgeUser, 'handle' | 'displayName'>;
  size?: 'small' | 'large';
}) {
  return (
    <span className={`avatar avatar--${size}`} style={{ background: colour(user.handle) }} aria-hidden="true">
      {initials(user.displayName)}
    </span>
  );
}

export function roleLabel(role: string | undefined): string | null {
  switch (role) {
    case 'MENTOR':
      return 'Mentor';
    case 'MODERATOR':
      return 'Moderator';
    case 'ADMIN':
      return 'Admin';
    default:
      return null;
  }
}

/** Avatar, linked display name, reputation and a role badge (mentor, moderator). */
export function UserBadge({ user }: { user: BadgeUser }) {
  const role = roleLabel(user.role);
  return (
    <span className="user-badge">
      <Avatar user={user} />
      <Link to={`/u/${encodeURIComponent(user.handle)}`} className="user-badge__name">
        {user.displayName}
      </Link>
      <span className="user-badge__rep" title="Reputation">
        <span className="visually-hidden">reputation </span>
        {user.reputation.toLocaleString('en')}
      </span>
      {role ? <span className={`role-badge role-badge--${role.toLowerCase()}`}>{role}</span> : null}
    </span>
  );
}

/** A guest commenter: name only (their email is never shown). */
export function GuestBadge({ name }: { name: string }) {
  return (
    <span className="user-badge">
      <Avatar user={{ handle: name, displayName: name }} />
      <span className="user-badge__name user-badge__name--guest">{name}</span>
      <span className="role-badge">Guest</span>
    </span>
  );
}
