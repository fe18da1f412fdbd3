import { Injectable } from '@nestjs/common';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { MembershipDirectory } from '../../kernel/auth/membership-directory.js';
import { forbidden, unauthenticated } from '../../kernel/http/kernel.errors.js';
import { AccessTokensService } from './access-tokens.service.js';
import { TokenPairDto } from './dto/login.dto.js';
import { UserDto } from './dto/user.dto.js';
import type { Session } from './entities/session.entity.js';
import type { User } from './entities/user.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { IssuedRefreshToken, SessionsService } from './sessions.service.js';
import { UsersService } from './users.service.js';

/** Login, refresh and logout: the session lifecycle as the API exposes it. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokensService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly memberships: MembershipDirectory,
    private readonly audit: AuditWriter,
  ) {}

  /**
   * Every failure answers the same 401, after the same work (an unknown email is verified against a
   * decoy hash), so responses do not reveal which accounts exist. Repeated failures are slowed
   * (LoginThrottleService): 429 with Retry-After, the same for known and unknown accounts.
   */
  async login(email: string, password: string, client: { ip: string; userAgent?: string }): Promise<TokenPairDto> {
    const attempt = await this.throttle.begin(email, client.ip);
    let user: User | null;
    let passwordOk: boolean;
    try {
      user = await this.users.findForLogin(email);
      passwordOk = await this.hasher.verify(user?.passwordHash, password);
    } catch (error) {
      await this.throttle.abandoned(attempt).catch(() => undefined);
      throw error;
    }
    if (!user || !passwordOk || user.status !== 'active') {
      await this.throttle.failed(attempt);
      throw unauthenticated('Invalid email or password');
    }
    await this.throttle.succeeded(attempt);
    const organizationId = await this.memberships.defaultOrganizationOf(user.id);
    if (!organizationId) throw forbidden('This account is not a member of any organization');
    const { session, refresh } = await this.sessions.start({ userId: user.id, organizationId, ...client });
    await this.users.recordLogin(user.id);
    await this.audit.record({
      organizationId,
      action: 'auth.login',
      actor: { type: 'user', id: user.id },
      resourceType: 'session',
      resourceId: session.id,
    });
    return this.pair(user, session, refresh);
  }

  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const { session, refresh } = await this.sessions.rotate(refreshToken);
    const user = await this.users.findById(session.userId);
    if (!user) throw unauthenticated('The refresh token is not valid');
    return this.pair(user, session, refresh);
  }

  logout(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId, 'logout');
  }

  private pair(user: User, session: Session, refresh: IssuedRefreshToken): TokenPairDto {
    const access = this.tokens.sign({ userId: user.id, sessionId: session.id, organizationId: session.organizationId });
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresAt: access.expiresAt.toISOString(),
      expiresIn: Math.round((access.expiresAt.getTime() - Date.now()) / 1000),
      refreshToken: refresh.token,
      refreshExpiresAt: refresh.expiresAt.toISOString(),
      user: UserDto.from(user),
    };
  }
}
