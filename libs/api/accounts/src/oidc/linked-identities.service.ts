import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadInputError, NotFoundError } from '@crossroads/api-platform';
import { UserEntity } from '../users/user.entity.js';
import { OidcClientService } from './oidc-client.service.js';
import { LinkedIdentityModel, SignInMethodsModel } from './oidc.models.js';
import { UserIdentityEntity } from './user-identity.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The viewer's own linked sign-ins: listed and unlinked by their owner only. */
@Injectable()
export class LinkedIdentitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: OidcClientService,
  ) {}

  async methods(userId: string): Promise<SignInMethodsModel> {
    const [user, rows] = await Promise.all([
      this.dataSource.manager.findOne(UserEntity, { where: { id: userId }, select: { id: true, passwordHash: true } }),
      this.dataSource.manager.find(UserIdentityEntity, { where: { userId }, order: { createdAt: 'ASC' } }),
    ]);
    const names = new Map(this.clients.providers().map((p) => [p.id, p.displayName]));
    return Object.assign(new SignInMethodsModel(), {
      hasPassword: !!user?.passwordHash,
      identities: rows.map((r) =>
        Object.assign(new LinkedIdentityModel(), {
          id: r.id,
          provider: r.provider,
          providerName: names.get(r.provider) ?? r.provider,
          email: r.email,
          createdAt: r.createdAt,
          lastUsedAt: r.lastUsedAt,
        }),
      ),
    });
  }

  /** Locks the user row so that two unlinks at once cannot both pass the "not the last one" check. */
  async unlink(userId: string, id: string): Promise<void> {
    if (!UUID.test(id)) throw new NotFoundError('That linked sign-in', 'id');
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      const rows = await m.find(UserIdentityEntity, { where: { userId } });
      if (!user || !rows.some((r) => r.id === id)) throw new NotFoundError('That linked sign-in', 'id');
      if (!user.passwordHash && rows.length === 1) {
        throw new BadInputError(
          'id',
          'This is your only way to sign in. Set a password (Forgot password on the sign-in page) or link another provider first.',
        );
      }
      await m.delete(UserIdentityEntity, { id, userId });
    });
  }
}
