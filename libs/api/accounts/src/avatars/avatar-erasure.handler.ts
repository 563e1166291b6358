import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventBus } from '@crossroads/api-platform';
import { ACCOUNTS_EVENTS, type AccountErasedPayload } from '../self-service/account-deletion.service.js';
import { AvatarsService } from './avatars.service.js';

/** An erased account loses its avatar too: the column at once, the files after (idempotent, retried by the queue). */
@Injectable()
export class AvatarErasureHandler implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly avatars: AvatarsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.events.on<AccountErasedPayload>('accounts-erase-avatar', [ACCOUNTS_EVENTS.accountErased], async (event) => {
      await this.dataSource.query(`UPDATE users SET avatar_version = NULL WHERE id = $1 AND avatar_version IS NOT NULL`, [event.payload.userId]);
      await this.avatars.removeAll(event.payload.userId);
    });
  }
}
