import { AuthResolver } from './auth/auth.resolver.js';
import { RefreshTokenEntity } from './auth/refresh-token.entity.js';
import { AccountTokenEntity } from './self-service/account-token.entity.js';
import { UserEntity } from './users/user.entity.js';
import { CreateAccounts1795305799996 } from './migrations/1795305799996-create-accounts.js';
import { LiveSessionIndex1795320000000 } from './migrations/1795320000000-live-session-index.js';
import { UserLastSeen1796000000000 } from './migrations/1796000000000-user-last-seen.js';
import { UserProfile1796100000000 } from './migrations/1796100000000-user-profile.js';
import { AccountTokens1796200000000 } from './migrations/1796200000000-account-tokens.js';
import { EmailVerified1796300000000 } from './migrations/1796300000000-email-verified.js';
import { SessionClient1796400000000 } from './migrations/1796400000000-session-client.js';
import { AccountDeletion1796500000000 } from './migrations/1796500000000-account-deletion.js';
import { UserAvatar1796700000000 } from './migrations/1796700000000-user-avatar.js';
import { AccountTokenNewEmail1796800000000 } from './migrations/1796800000000-account-token-new-email.js';
import { AvatarsResolver } from './avatars/avatars.resolver.js';
import { UserIdentities1796600000000 } from './migrations/1796600000000-user-identities.js';
import { OidcResolver } from './oidc/oidc.resolver.js';
import { UserIdentityEntity } from './oidc/user-identity.entity.js';
import { SessionsResolver } from './self-service/sessions.resolver.js';
import { SelfServiceResolver } from './self-service/self-service.resolver.js';
import { UsersResolver } from './users/users.resolver.js';

export const accountsEntities = [UserEntity, RefreshTokenEntity, AccountTokenEntity, UserIdentityEntity];
export const accountsMigrations = [
  CreateAccounts1795305799996,
  LiveSessionIndex1795320000000,
  UserLastSeen1796000000000,
  UserProfile1796100000000,
  AccountTokens1796200000000,
  EmailVerified1796300000000,
  SessionClient1796400000000,
  AccountDeletion1796500000000,
  UserIdentities1796600000000,
  UserAvatar1796700000000,
  AccountTokenNewEmail1796800000000,
];
export const accountsResolvers = [
  AuthResolver,
  UsersResolver,
  SelfServiceResolver,
  SessionsResolver,
  OidcResolver,
  AvatarsResolver,
];
