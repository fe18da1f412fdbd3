import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/index.js';
import { AgentAuthenticationModule } from '../agents/index.js';
import { AccessTokensService } from './access-tokens.service.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKey } from './entities/api-key.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { LoginFailure } from './entities/login-failure.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { Session } from './entities/session.entity.js';
import { User } from './entities/user.entity.js';
import { JwksController } from './jwks.controller.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { MeController } from './me.controller.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { UsersService } from './users.service.js';

/** Identity: users, passwords, sessions, access tokens and API keys; the authentication guard. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Session, RefreshToken, LoginFailure, ApiKey]),
    PassportModule,
    AccessModule,
    AgentAuthenticationModule,
  ],
  controllers: [AuthController, MeController, JwksController, ApiKeysController],
  providers: [
    PasswordHasher,
    UsersService,
    SessionsService,
    AccessTokensService,
    LoginThrottleService,
    AuthService,
    JwtStrategy,
    ApiKeysService,
    AuthenticationGuard,
  ],
  exports: [UsersService, ApiKeysService, AuthenticationGuard],
})
export class IdentityModule {}
