import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { AVATAR } from '@crossroads/shared-domain';
import { UserEntity } from '../users/user.entity.js';
import { clearAvatarVersion } from '../users/users.repository.js';
import { avatarImages } from './avatar-image.js';
import { AvatarStore } from './avatar-store.js';

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VERSION = /^[0-9a-z]{16}$/;

/** Each upload gets a new version (its files never change, so they cache forever); the previous one is removed. */
@Injectable()
export class AvatarsService {
  private readonly logger = new Logger('Accounts');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: AvatarStore,
  ) {}

  /** Checks and stores the image, then points the user at it; a rejected image stores nothing. */
  async upload(userId: string, bytes: Buffer): Promise<UserEntity> {
    const images = await avatarImages(bytes);
    const version = randomBytes(10).toString('hex').slice(0, 16);
    for (const [size, image] of images) await this.store.put(`${userId}/${version}/${size}.webp`, image, 'image/webp');
    let previous: string | null = null;
    const user = await this.dataSource.transaction(async (m) => {
      const row = await m.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!row) return null;
      previous = row.avatarVersion;
      await m.update(UserEntity, { id: userId }, { avatarVersion: version });
      row.avatarVersion = version;
      return row;
    });
    if (!user) {
      await this.store.removePrefix(`${userId}/${version}`);
      throw new Error('The account no longer exists.');
    }
    if (previous) await this.removeQuietly(`${userId}/${previous}`);
    return user;
  }

  async remove(userId: string): Promise<UserEntity | null> {
    const previous = await clearAvatarVersion(this.dataSource, userId);
    if (previous) await this.removeQuietly(`${userId}/${previous}`);
    return this.dataSource.manager.findOne(UserEntity, { where: { id: userId } });
  }

  /** Every avatar file of a user (account erasure). */
  removeAll(userId: string): Promise<void> {
    return this.removeQuietly(userId);
  }

  /** The stored file for a served address, or null for anything that is not one. */
  read(userId: string, version: string, file: string): Promise<Readable | null> {
    const size = Number(/^(\d+)\.webp$/.exec(file)?.[1]);
    if (!USER_ID.test(userId) || !VERSION.test(version) || !(AVATAR.sizes as readonly number[]).includes(size))
      return Promise.resolve(null);
    return this.store.get(`${userId}/${version}/${size}.webp`);
  }

  /** Old files are garbage, not state: failing to remove them must not fail the request. */
  private async removeQuietly(prefix: string): Promise<void> {
    try {
      await this.store.removePrefix(prefix);
    } catch (e) {
      this.logger.warn(`Could not remove old avatar files ${prefix}: ${(e as Error).message}`);
    }
  }
}
