export { AccountsModule } from './accounts.module.js';
export { UsersService } from './users/users.service.js';
export { UserEntity } from './users/user.entity.js';
export { UserModel, RoleEnum } from './users/user.model.js';
export { toUserModel } from './users/user.mapper.js';
export { ARGON2_OPTIONS } from './auth/password-hasher.js';
export { TokenService } from './auth/token.service.js';
export { PRINCIPAL_LOOKUP_TAG } from './auth/session-principal.resolver.js';
export { accountsEntities, accountsMigrations, accountsResolvers } from './schema.js';
