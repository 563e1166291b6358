import { CreateRateLimits1763769600000 } from './1763769600000-create-rate-limits.js';
import { CreateDomainEvents1795994180087 } from './1795994180087-create-domain-events.js';
import { CreateMail1795994443193 } from './1795994443193-create-mail.js';
import { SquashedMigrationHistory1796900000000 } from './1796900000000-squashed-migration-history.js';
import { MailAttachments1797000000002 } from './1797000000002-mail-attachments.js';

export { SQUASHED_MIGRATIONS } from './1796900000000-squashed-migration-history.js';

export const platformMigrations = [CreateRateLimits1763769600000, CreateDomainEvents1795994180087, CreateMail1795994443193, SquashedMigrationHistory1796900000000, MailAttachments1797000000002];
