export { AccountsModule } from './accounts.module.js';
export { UsersService } from './users/users.service.js';
export { UserEntity } from './users/user.entity.js';
export { UserModel, RoleEnum } from './users/user.model.js';
export { toUserModel } from './users/user.mapper.js';
export { accountsTables } from './tables.js';
export { ARGON2_OPTIONS } from './auth/password-hasher.js';
export { TokenService } from './auth/token.service.js';
export { sessionHintBackfill } from './auth/session-cookie.js';
export { PRINCIPAL_LOOKUP_TAG } from './auth/session-principal.resolver.js';
export { accountsEntities, accountsMigrations, accountsResolvers } from './schema.js';
export {
  ACCOUNTS_EVENTS,
  FIRST_WEEK_SIGN_INS_DAYS,
  type AccountErasedPayload,
  type MemberJoinedPayload,
  type MemberSignedInPayload,
} from './events/accounts-events.js';
export { AccountDeletionService } from './self-service/account-deletion.service.js';
export { signOidcToken } from './oidc/oidc-tokens.js';
export {
  bulkCreateAccounts,
  bulkAdjustReputation,
  takenHandles,
  ageAccounts,
  accountCensus,
  type NewAccount,
} from './bulk/accounts.bulk.js';
