import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LIMITS } from '@crossroads/shared-domain';
import { APP_CONFIG, type AppConfig } from '@crossroads/api-platform';
import { PasswordHasher } from '../auth/password-hasher.js';
import { UserEntity } from './user.entity.js';

/** Creates the ADMIN account named by ADMIN_EMAIL/ADMIN_PASSWORD when no such user exists. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const email = admin.email.toLowerCase();
    if (await this.dataSource.manager.exists(UserEntity, { where: { email } })) return;
    const passwordHash = await this.hasher.hash(admin.password);
    const base = email
      .split('@')[0]
      .replace(/[^a-z0-9_-]/g, '')
      .slice(0, LIMITS.handle.max - 5)
      .padEnd(LIMITS.handle.min, '0');
    for (const handle of [base, `${base}-${Math.floor(1000 + Math.random() * 9000)}`]) {
      const result = await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({ email, handle, displayName: 'Administrator', passwordHash, role: 'ADMIN' })
        .orIgnore()
        .execute();
      if (result.identifiers.length && result.identifiers[0]) {
        this.logger.log(`Created admin account ${email} (@${handle})`);
        return;
      }
      if (await this.dataSource.manager.exists(UserEntity, { where: { email } })) return; // another instance made it
    }
  }
}
