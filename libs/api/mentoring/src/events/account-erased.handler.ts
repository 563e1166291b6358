import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventBus, inTransaction } from '@crossroads/api-platform';
import { ACCOUNTS_EVENTS, type AccountErasedPayload } from '@crossroads/api-accounts';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { MentorshipRequestsService } from '../requests/mentorship-requests.service.js';

export const MENTORING_ERASURE_QUEUE = 'mentoring-account-erased';

/**
 * When accounts erases an account, mentoring lets go of it: its open mentorship requests (either
 * side) are cancelled and its mentor profile is removed. Idempotent: a retried job finds nothing open.
 */
@Injectable()
export class AccountErasedHandler implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
    private readonly profiles: MentorProfilesService,
    private readonly requests: MentorshipRequestsService,
  ) {}

  onModuleInit(): void {
    this.events.on<AccountErasedPayload>(MENTORING_ERASURE_QUEUE, [ACCOUNTS_EVENTS.accountErased], async (event) => {
      await this.erase(event.payload.userId);
    });
  }

  async erase(userId: string): Promise<{ closedRequests: number; profileRemoved: boolean }> {
    return inTransaction(this.dataSource, async (m) => ({
      closedRequests: await this.requests.closeForErasedAccount(m, userId),
      profileRemoved: await this.profiles.removeForErasedAccount(m, userId),
    }));
  }
}
