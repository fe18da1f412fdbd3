import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { Public } from '../../kernel/auth/public.decorator.js';
import { AnyPrincipal } from '../../kernel/auth/require-permission.decorator.js';
import { Audited, NotAudited } from '../../kernel/audit/audited.decorator.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { ApiErrors, ApiNoContent, ApiOk } from '../../kernel/http/response.decorators.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';
import { LoginDto, RefreshDto, TokenPairDto } from './dto/login.dto.js';
import { UserDto } from './dto/user.dto.js';
import type { User } from './entities/user.entity.js';
import { forbidden, unauthenticated } from '../../kernel/http/kernel.errors.js';

@ApiTags('Identity')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly notes: AuditNotes,
  ) {}

  @Post('login')
  @Public()
  @NotAudited('AuthService records auth.login with the user as actor: the request has no principal yet')
  @ApiOperation({
    summary: 'Log in with email and password',
    description:
      'Returns an access token (ES256 JWT) and a single-use refresh token. Every failure answers the same 401, ' +
      'whether the account exists or not. Repeated failures are slowed, never locked: past a few free failures of an ' +
      'account from one address (or of any accounts from one address), each failure delays the next attempt there, ' +
      'doubling up to a maximum; until then the answer is 429 with Retry-After. Other addresses are not held back.',
  })
  @ApiOk(TokenPairDto)
  @ApiErrors(unauthenticated, forbidden)
  login(@Body() body: LoginDto, @Req() req: Request): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password, { ip: req.ip ?? 'unknown', userAgent: req.headers['user-agent'] });
  }

  @Post('refresh')
  @Public()
  @NotAudited('routine rotation; a refresh token reuse is recorded by SessionsService')
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description: 'Rotates the refresh token. Presenting an already-used refresh token revokes the whole session.',
  })
  @ApiOk(TokenPairDto)
  @ApiErrors(unauthenticated)
  refreshSession(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @AnyPrincipal('a principal may always end its own session')
  @Audited('auth.logout', 'session')
  @ApiOperation({ summary: 'End the session', description: 'Revokes the session: its access and refresh tokens stop working at once.' })
  @ApiNoContent()
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    if (!principal.sessionId) return; // an API key has no session to end
    this.notes.note({ resourceId: principal.sessionId });
    await this.auth.logout(principal.sessionId);
  }

  @Get('me')
  @AnyPrincipal('a principal may always see itself')
  @ApiOperation({ summary: 'The authenticated user', description: 'The user behind the credential: id, email and display name.' })
  @ApiOk(UserDto)
  getAuthenticatedUser(@CurrentUser() user: User): UserDto {
    return UserDto.from(user);
  }
}
