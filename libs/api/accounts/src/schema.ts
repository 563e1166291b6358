import { AuthResolver } from './auth/auth.resolver.js';
import { RefreshTokenEntity } from './auth/refresh-token.entity.js';
import { UserEntity } from './users/user.entity.js';
import { CreateAccounts1795305799996 } from './migrations/1795305799996-create-accounts.js';
import { LiveSessionIndex1795320000000 } from './migrations/1795320000000-live-session-index.js';
import { UsersResolver } from './users/users.resolver.js';

export const accountsEntities = [UserEntity, RefreshTokenEntity];
export const accountsMigrations = [CreateAccounts1795305799996, LiveSessionIndex1795320000000];
export const accountsResolvers = [AuthResolver, UsersResolver];
