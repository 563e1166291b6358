import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, type Principal } from '@crossroads/api-platform';
import { readSettings, writeSettings, type KbSettingsRow } from './settings.repository.js';

const DEFAULTS: KbSettingsRow = { id: 1, mentorsMayWrite: false, updatedById: null, updatedAt: new Date(0) };

@Injectable()
export class KbSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<KbSettingsRow> {
    return (await readSettings(manager)) ?? DEFAULTS;
  }

  async set(viewer: Principal, mentorsMayWrite: boolean): Promise<KbSettingsRow> {
    return inTransaction(this.dataSource, async (m) => {
      await writeSettings(m, mentorsMayWrite, viewer.id);
      return this.get(m);
    });
  }
}
