// The identity context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export { ApiKeysService } from './api-keys.service.js';
export { AuthenticationGuard } from './authentication.guard.js';
export { IdentityModule } from './identity.module.js';
export { UsersService } from './users.service.js';
