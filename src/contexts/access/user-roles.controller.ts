import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { CreateUserRoleDto, ListUserRolesQuery, UserRoleDto } from './dto/user-role.dto.js';
import { RolesService } from './roles.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { lastOwner } from './access.errors.js';

@ApiTags('Access')
@Controller('api/v1/user-roles')
export class UserRolesController {
  constructor(private readonly roles: RolesService) {}

  @Post()
  @RequirePermission('user_role.edit')
  @Audited('user_role.grant', 'user_role')
  @ApiOperation({
    summary: 'Grant a role to a member',
    description:
      'Organization-wide, or narrowed to a project or environment. The granter must hold every permission of the role in that scope. Takes effect on the next request.',
  })
  @ApiCreated(UserRoleDto)
  @ApiErrors(notFound, conflict)
  async grantRole(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserRoleDto): Promise<UserRoleDto> {
    const { grant, role } = await this.roles.grant(principal.organizationId, principal, body);
    return UserRoleDto.from(grant, role);
  }

  @Get()
  @RequirePermission('user_role.read')
  @ApiOperation({ summary: 'List role grants', description: 'Filter by user, role, project or environment; sort by createdAt.' })
  @ApiPage(UserRoleDto)
  async listRoleGrants(@CurrentPrincipal() principal: Principal, @Query() query: ListUserRolesQuery): Promise<Page<UserRoleDto>> {
    return (await this.roles.listGrants(principal.organizationId, query)).map(({ grant, role }) => UserRoleDto.from(grant, role));
  }

  @Delete(':id')
  @RequirePermission('user_role.edit')
  @Audited('user_role.revoke', 'user_role')
  @ApiOperation({
    summary: 'Revoke a role grant',
    description: 'Takes effect on the next request. The last organization-wide owner cannot be revoked (422 LAST_OWNER).',
  })
  @ApiNoContent()
  @ApiErrors(notFound, lastOwner)
  async revokeRole(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.roles.revoke(principal.organizationId, principal, id);
  }
}

@ApiTags('Access')
@Controller('api/v1/users')
export class UsersRolesController {
  constructor(private readonly roles: RolesService) {}

  @Get(':id/roles')
  @RequirePermission('user_role.read')
  @ApiOperation({
    summary: "A member's role grants",
    description: 'The role grants of one member of the organization you act in. A user who is not a member is 404.',
  })
  @ApiOk(UserRoleDto, { isArray: true })
  @ApiErrors(notFound)
  async listUserRoles(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<UserRoleDto[]> {
    return (await this.roles.grantsOf(principal.organizationId, id)).map(({ grant, role }) => UserRoleDto.from(grant, role));
  }
}
