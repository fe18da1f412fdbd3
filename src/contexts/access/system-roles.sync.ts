import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { newId } from '../../kernel/ids.js';
import { SYSTEM_ROLES, systemRolePermissions } from './system-roles.js';

/**
 * Writes the system roles, as the code defines them, into the roles table at every start: a release
 * that adds permissions updates the built-in roles with it. Idempotent and safe for replicas starting together.
 */
@Injectable()
export class SystemRolesSync implements OnApplicationBootstrap {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const role of SYSTEM_ROLES) {
      await this.dataSource.query(
        `INSERT INTO roles (id, organization_id, key, name, description, is_system, permissions)
         VALUES ($1, NULL, $2, $3, $4, true, $5)
         ON CONFLICT (key) WHERE organization_id IS NULL
         DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, is_system = true, permissions = EXCLUDED.permissions,
                       updated_at = CASE WHEN roles.permissions IS DISTINCT FROM EXCLUDED.permissions THEN now() ELSE roles.updated_at END`,
        [newId(), role.key, role.name, role.description, systemRolePermissions(role)],
      );
    }
  }
}
