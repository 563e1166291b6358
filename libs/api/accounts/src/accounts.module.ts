import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, JWT_ALGORITHM, type AppConfig } from '@crossroads/api-platform';
import { AuthResolver } from './auth/auth.resolver.js';
import { AuthService } from './auth/auth.service.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { TokenService } from './auth/token.service.js';
import { AdminBootstrapService } from './users/admin-bootstrap.service.js';
import { UsersResolver } from './users/users.resolver.js';
import { UsersService } from './users/users.service.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: JWT_ALGORITHM } }),
    }),
  ],
  providers: [AuthService, TokenService, PasswordHasher, UsersService, AdminBootstrapService, AuthResolver, UsersResolver],
  exports: [UsersService],
})
export class AccountsModule {}
