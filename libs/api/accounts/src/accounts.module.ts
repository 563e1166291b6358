import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, JWT_ALGORITHM, PrincipalResolver, type AppConfig } from '@crossroads/api-platform';
import { TestAccountsController } from './bulk/test-accounts.controller.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { AuthService } from './auth/auth.service.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { SessionPrincipalResolver } from './auth/session-principal.resolver.js';
import { TokenService } from './auth/token.service.js';
import { AccountDeletionService } from './self-service/account-deletion.service.js';
import { ExportController } from './self-service/export.controller.js';
import { EmailChangeService } from './self-service/email-change.service.js';
import { EmailVerificationService } from './self-service/email-verification.service.js';
import { PasswordResetService } from './self-service/password-reset.service.js';
import { SessionsResolver } from './self-service/sessions.resolver.js';
import { SessionsService } from './self-service/sessions.service.js';
import { SelfServiceResolver } from './self-service/self-service.resolver.js';
import { SelfServiceService } from './self-service/self-service.service.js';
import { AvatarStore, avatarStoreFor } from './avatars/avatar-store.js';
import { AvatarsController } from './avatars/avatars.controller.js';
import { AvatarsResolver } from './avatars/avatars.resolver.js';
import { AvatarsService } from './avatars/avatars.service.js';
import { LinkedIdentitiesService } from './oidc/linked-identities.service.js';
import { OidcClientService } from './oidc/oidc-client.service.js';
import { OidcSignInService } from './oidc/oidc-sign-in.service.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcResolver } from './oidc/oidc.resolver.js';
import { AdminBootstrapService } from './users/admin-bootstrap.service.js';
import { UsersResolver } from './users/users.resolver.js';
import { UsersService } from './users/users.service.js';

/** Global so that its PrincipalResolver reaches platform's access guard without platform importing accounts. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: JWT_ALGORITHM } }),
    }),
  ],
  controllers: [ExportController, OidcController, AvatarsController, TestAccountsController],
  providers: [
    AuthService,
    TokenService,
    PasswordHasher,
    UsersService,
    AdminBootstrapService,
    AuthResolver,
    UsersResolver,
    SelfServiceService,
    PasswordResetService,
    EmailVerificationService,
    EmailChangeService,
    SessionsService,
    AccountDeletionService,
    SessionsResolver,
    SelfServiceResolver,
    SessionPrincipalResolver,
    OidcClientService,
    OidcSignInService,
    LinkedIdentitiesService,
    OidcResolver,
    AvatarsService,
    AvatarsResolver,
    { provide: AvatarStore, inject: [APP_CONFIG], useFactory: avatarStoreFor },
    { provide: PrincipalResolver, useExisting: SessionPrincipalResolver },
  ],
  exports: [UsersService, PrincipalResolver],
})
export class AccountsModule {}
