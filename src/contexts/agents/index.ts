// The agents context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export { AgentDto, HeartbeatDto, ListAgentsQuery } from './dto/agent.dto.js';
export { AgentsModule } from './agents.module.js';
export { AgentsService } from './agents.service.js';
export { EnrollmentService } from './enrollment.service.js';
export { AgentAuthenticationModule } from './agent-authentication.module.js';
