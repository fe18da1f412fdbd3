import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { CreateRoleDto, ListRolesQuery, RoleDto, SetRolePermissionsDto } from './dto/role.dto.js';
import { RolesService } from './roles.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { systemRoleImmutable } from './access.errors.js';

@ApiTags('Access')
@Controller('api/v1/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Post()
  @RequirePermission('role.edit')
  @Audited('role.create', 'role')
  @ApiOperation({ summary: 'Create a custom role', description: 'Every permission must be in the catalog and held by the caller.' })
  @ApiCreated(RoleDto)
  @ApiErrors(conflict)
  async createRole(@CurrentPrincipal() principal: Principal, @Body() body: CreateRoleDto): Promise<RoleDto> {
    return RoleDto.from(await this.roles.create(principal.organizationId, principal, body));
  }

  @Get()
  @RequirePermission('role.read')
  @ApiOperation({
    summary: "List roles: the system roles and the organization's custom roles",
    description: 'Sort by name, key or createdAt.',
  })
  @ApiPage(RoleDto)
  async listRoles(@CurrentPrincipal() principal: Principal, @Query() query: ListRolesQuery): Promise<Page<RoleDto>> {
    return (await this.roles.list(principal.organizationId, query)).map(RoleDto.from);
  }

  @Get(':id')
  @RequirePermission('role.read')
  @ApiOperation({
    summary: 'Get a role',
    description: "A role with its permissions, system or custom. Another organization's custom role is 404.",
  })
  @ApiOk(RoleDto)
  @ApiErrors(notFound)
  async getRole(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<RoleDto> {
    return RoleDto.from(await this.roles.get(principal.organizationId, id));
  }

  @Put(':id/permissions')
  @RequirePermission('role.edit')
  @Audited('role.permissions.set', 'role')
  @ApiOperation({
    summary: "Replace a custom role's permissions",
    description:
      'Takes effect on the next request of every holder. Adding or removing a permission needs the caller to hold it. System roles answer 422 SYSTEM_ROLE_IMMUTABLE.',
  })
  @ApiOk(RoleDto)
  @ApiErrors(notFound, systemRoleImmutable)
  async setRolePermissions(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: SetRolePermissionsDto,
  ): Promise<RoleDto> {
    return RoleDto.from(await this.roles.setPermissions(principal.organizationId, principal, id, body.permissions));
  }

  @Delete(':id')
  @RequirePermission('role.edit')
  @Audited('role.delete', 'role')
  @ApiOperation({
    summary: 'Delete a custom role',
    description: 'Refused (409) while the role is granted; system roles answer 422 SYSTEM_ROLE_IMMUTABLE.',
  })
  @ApiNoContent()
  @ApiErrors(notFound, [conflict, 'The role is still granted'], systemRoleImmutable)
  async deleteRole(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.roles.delete(principal.organizationId, principal, id);
  }
}
