import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access.service.js';
import { AuthzController } from './authz.controller.js';
import { AuthzService } from './authz.service.js';
import { Role } from './entities/role.entity.js';
import { UserRole } from './entities/user-role.entity.js';
import { PermissionGuard } from './permission.guard.js';
import { PermissionsController } from './permissions.controller.js';
import { RolesController } from './roles.controller.js';
import { RolesService } from './roles.service.js';
import { SystemRolesSync } from './system-roles.sync.js';
import { UserRolesController, UsersRolesController } from './user-roles.controller.js';

/** Access: the permission catalog, roles, grants, permission checks and the permission guard. */
@Module({
  imports: [TypeOrmModule.forFeature([Role, UserRole])],
  controllers: [RolesController, UserRolesController, UsersRolesController, AuthzController, PermissionsController],
  providers: [AccessService, RolesService, AuthzService, PermissionGuard, SystemRolesSync],
  exports: [AccessService, PermissionGuard],
})
export class AccessModule {}
