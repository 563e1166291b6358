import type { SuspensionEntity } from './suspension.entity.js';
import { SuspensionModel } from './suspension.model.js';

export function toSuspensionModel(s: SuspensionEntity): SuspensionModel {
  return Object.assign(new SuspensionModel(), {
    id: s.id,
    reason: s.reason,
    endsAt: s.endsAt,
    liftedAt: s.liftedAt,
    createdAt: s.createdAt,
    userId: s.userId,
  });
}
