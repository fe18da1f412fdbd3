import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokensService } from './access-tokens.service.js';
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

/** Identity: users, passwords, sessions and access tokens; the global authentication guard. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Session, RefreshToken, LoginFailure]), PassportModule],
  controllers: [AuthController, MeController, JwksController],
  providers: [
    PasswordHasher,
    UsersService,
    SessionsService,
    AccessTokensService,
    LoginThrottleService,
    AuthService,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [UsersService],
})
export class IdentityModule {}
