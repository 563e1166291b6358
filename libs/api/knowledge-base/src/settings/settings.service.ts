import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@crossroads/api-platform';
import { KbSettingsEntity } from './kb-settings.entity.js';
import { inTransaction } from '@crossroads/api-platform';

/** The single settings row (created by the kb-search migration). */
@Injectable()
export class KbSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<KbSettingsEntity> {
    const row = await manager.findOne(KbSettingsEntity, { where: { id: 1 } });
    return row ?? Object.assign(new KbSettingsEntity(), { id: 1, mentorsMayWrite: false, updatedById: null, updatedAt: new Date(0) });
  }

  async set(viewer: Principal, mentorsMayWrite: boolean): Promise<KbSettingsEntity> {
    return inTransaction(this.dataSource, async (m) => {
      await m.query(
        `INSERT INTO kb_settings (id, mentors_may_write, updated_by_id, updated_at) VALUES (1, $1, $2, now())
         ON CONFLICT (id) DO UPDATE SET mentors_may_write = EXCLUDED.mentors_may_write, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`,
        [mentorsMayWrite, viewer.id],
      );
      return this.get(m);
    });
  }
}
