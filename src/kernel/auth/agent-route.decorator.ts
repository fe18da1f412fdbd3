import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

export const AGENT_ROUTE = 'marshal:agent-route';

/**
 * A route of the agent protocol: the caller authenticates with `X-Agent-Secret` (users and API keys
 * are refused), and the `{id}` in the path must be that agent, else 403. It stands for the route's
 * permission: an agent may act only on itself and the work it holds.
 */
export const AgentRoute = () => applyDecorators(SetMetadata(AGENT_ROUTE, true), ApiSecurity('agentSecret'));
