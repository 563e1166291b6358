import { CreateRateLimits1763769600000 } from './1763769600000-create-rate-limits.js';

export const platformMigrations = [CreateRateLimits1763769600000];
