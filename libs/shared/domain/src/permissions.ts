import type { Role } from './roles.js';

/**
 * Permission names checked by the API's permission guard. A role holds the permissions listed
 * for it and for every role below it. Anything not listed is denied.
 */
export const PERMISSIONS = {
  MEMBER: [
    'session.manage',
    'question.ask',
    'answer.post',
    'comment.add',
    'vote.cast',
    'flag.raise',
    'answer.accept',
    'mentorship.request',
    'mentor.profile.upsert',
    'notification.read',
    'notification.configure',
    'follow.manage',
  ],
  MENTOR: ['mentorship.respond'],
  MODERATOR: [
    'comment.moderate',
    'question.close',
    'post.hide',
    'user.suspend',
    'mentor.verify',
    'moderation.log.read',
    'post.edit.any',
    'article.write',
    'article.publish',
    'article.promote',
    'article.feedback.read',
    'insights.read',
  ],
  ADMIN: ['role.set', 'moderation.words.edit', 'knowledge-base.configure', 'mail.backlog.read'],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

const ORDER: Role[] = ['MEMBER', 'MENTOR', 'MODERATOR', 'ADMIN'];

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  const upTo = ORDER.slice(0, ORDER.indexOf(role) + 1);
  return new Set(upTo.flatMap((r) => PERMISSIONS[r] as readonly Permission[]));
}

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return permissionsOf(role).has(permission);
}
