import type { ModerationLogEntity } from './moderation-log.entity.js';
import { ModerationLogEntryModel } from './moderation-log.model.js';

export function toModerationLogEntryModel(e: ModerationLogEntity): ModerationLogEntryModel {
  return Object.assign(new ModerationLogEntryModel(), {
    id: e.id,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    reason: e.reason,
    details: JSON.stringify(e.details ?? {}),
    createdAt: e.createdAt,
    actorId: e.actorId,
  });
}
