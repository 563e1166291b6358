export const ROLES = ['MEMBER', 'MENTOR', 'MODERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { MEMBER: 0, MENTOR: 1, MODERATOR: 2, ADMIN: 3 };

/** True when `role` is `atLeast` or above in the role ladder. */
export function hasRoleAtLeast(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}
