import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { AnyPrincipal } from '../../kernel/auth/require-permission.decorator.js';
import { ApiOk } from '../../kernel/http/response.decorators.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AccessService } from './access.service.js';
import { MyPermissionsDto, PermissionDto } from './dto/permission.dto.js';
import { UserRole } from './entities/user-role.entity.js';
import { CATALOG_ETAG, PERMISSIONS } from './permission-catalog.js';

@ApiTags('Access')
@Controller('api/v1')
export class PermissionsController {
  constructor(
    private readonly access: AccessService,
    private readonly data: TenantData,
  ) {}

  @Get('permissions')
  @AnyPrincipal('the catalog is the same for everyone and names no one')
  @ApiOperation({
    summary: 'The permission catalog',
    description:
      'Every permission, with what it allows. Cacheable for 5 minutes; send If-None-Match with the ETag to get 304 when unchanged.',
  })
  @ApiOk(PermissionDto, { isArray: true })
  @ApiResponse({ status: 304, description: 'Not modified: the If-None-Match ETag is current' })
  listPermissions(@Res({ passthrough: true }) res: Response): PermissionDto[] {
    // Express answers 304 itself when If-None-Match matches this ETag.
    res.setHeader('ETag', CATALOG_ETAG);
    res.setHeader('Cache-Control', 'private, max-age=300');
    return PERMISSIONS.map(({ key, resource, action, description, context, platform }) => ({
      key,
      resource,
      action,
      description,
      context,
      platform,
    }));
  }

  @Get('me/permissions')
  @AnyPrincipal('a principal may always see its own permissions')
  @ApiOperation({
    summary: 'Your effective permissions in the organization you act in',
    description: 'Organization-wide permissions, and the role grants behind them (including narrowed ones).',
  })
  @ApiOk(MyPermissionsDto)
  async getMyPermissions(@CurrentPrincipal() principal: Principal): Promise<MyPermissionsDto> {
    const permissions = await this.access.permissionsOf(principal);
    const userId = principal.type === 'user' ? principal.id : principal.onBehalfOf;
    const grants = userId
      ? await this.data.repository(UserRole, principal.organizationId).find({ where: { userId }, order: { createdAt: 'ASC' } })
      : [];
    const roles = await this.access.visibleRoles(
      principal.organizationId,
      grants.map((g) => g.roleId),
    );
    const byId = new Map(roles.map((r) => [r.id, r]));
    return {
      organizationId: principal.organizationId,
      principalId: principal.id,
      principalType: principal.type,
      permissions: [...permissions].sort(),
      roles: grants.map((g) => ({
        id: g.roleId,
        key: byId.get(g.roleId)!.key,
        name: byId.get(g.roleId)!.name,
        projectId: g.projectId,
        environmentId: g.environmentId,
      })),
    };
  }
}
