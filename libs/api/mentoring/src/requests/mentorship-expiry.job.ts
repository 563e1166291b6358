import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { MentorshipRequestsService } from './mentorship-requests.service.js';

/** How often stale PENDING requests are stored as EXPIRED. Reads never wait for it (they compute expiry). */
export const EXPIRY_SWEEP_MS = 10 * 60_000;

/** Stores EXPIRED on pending requests past the window, every EXPIRY_SWEEP_MS (a simple in-process timer). */
@Injectable()
export class MentorshipExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MentorshipExpiryJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly requests: MentorshipRequestsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EXPIRY_SWEEP_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One sweep; returns how many requests expired. */
  async sweep(): Promise<number> {
    const run = this.requests.expireStale().catch((e: unknown) => {
      this.logger.warn(`mentorship expiry sweep failed: ${String(e)}`);
      return 0;
    });
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }
}
