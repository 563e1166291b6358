import { AVATAR } from '@crossroads/shared-domain';
import type { UserEntity } from './user.entity.js';
import { UserModel } from './user.model.js';

export function toUserModel(entity: UserEntity): UserModel {
  return Object.assign(new UserModel(), {
    id: entity.id,
    handle: entity.handle,
    displayName: entity.displayName,
    role: entity.role,
    reputation: entity.reputation,
    createdAt: entity.createdAt,
    bio: entity.bio ?? null,
    location: entity.location ?? null,
    links: entity.links ?? [],
    avatarUrl: entity.avatarVersion
      ? `/avatars/${entity.id}/${entity.avatarVersion}/${AVATAR.sizes[AVATAR.sizes.length - 1]}.webp`
      : null,
    privateEmail: entity.email,
    privateEmailVerified: Boolean(entity.emailVerifiedAt),
  });
}
