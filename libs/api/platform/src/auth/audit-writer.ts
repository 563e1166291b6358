import type { EntityManager } from 'typeorm';

/** Admin and moderator actions taken outside the moderation context that still belong in its audit log. */
export const AUDITED_ACTIONS = [
  'SET_ROLE',
  'VERIFY_MENTOR',
  'UNVERIFY_MENTOR',
  'LIFT_MENTOR_PAUSE',
  'UPHOLD_MENTOR_PAUSE',
] as const;
export type AuditedAction = (typeof AUDITED_ACTIONS)[number];

export interface AuditEntry {
  /** Who acted (a moderator or an admin). */
  actorId: string;
  action: AuditedAction;
  /** Every audited action so far is about a user (a role, a mentor profile keyed by its user). */
  targetType: 'USER';
  targetId: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Writes one entry of the moderation log, for contexts that must not import moderation (accounts'
 * setRole, mentoring's mentor verification). Call it inside the mutation's own transaction with its
 * EntityManager, so the action and its log entry commit or roll back together. The moderation
 * module provides it; inject it with `@Optional()` (without moderation nothing is logged).
 */
export abstract class AuditWriter {
  abstract record(manager: EntityManager, entry: AuditEntry): Promise<void>;
}
