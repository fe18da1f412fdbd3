// The inventory context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export { EnvironmentsService } from './environments.service.js';
export { InventoryModule } from './inventory.module.js';
export { ProjectsService } from './projects.service.js';
export * from './inventory.errors.js';
