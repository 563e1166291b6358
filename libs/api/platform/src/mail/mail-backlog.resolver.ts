import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/access.decorators.js';
import { Mailer } from './mailer.js';

@ObjectType('MailBacklog', { description: 'The outgoing email queue: what waits to be delivered and what failed.' })
export class MailBacklogModel {
  @Field(() => Int, {
    description: 'Emails queued or being sent (including those waiting for a retry after an SMTP failure).',
  })
  queued!: number;

  @Field(() => Int, {
    description: 'Emails given up on: refused by the SMTP server, or still failing after every retry.',
  })
  failed!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'How long the oldest queued email has waited, in seconds; null when none waits.',
  })
  oldestQueuedSeconds!: number | null;

  @Field({
    description: 'Whether emails go to an SMTP server (SMTP_URL); false: they are kept in the database, never sent.',
  })
  delivering!: boolean;
}

@Resolver(() => MailBacklogModel)
export class MailBacklogResolver {
  constructor(private readonly mailer: Mailer) {}

  @Query(() => MailBacklogModel, {
    description: 'ADMIN: the outgoing email backlog, to see when the SMTP server is down or refusing.',
  })
  @RequirePermission('mail.backlog.read')
  async mailBacklog(): Promise<MailBacklogModel> {
    return { ...(await this.mailer.backlog()), delivering: this.mailer.delivering };
  }
}
