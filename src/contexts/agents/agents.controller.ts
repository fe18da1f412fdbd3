import { Body, Controller, Delete, Get, Post, Put, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgentRoute } from '../../kernel/auth/agent-route.decorator.js';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { Public } from '../../kernel/auth/public.decorator.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import type { MarshalRequest } from '../../kernel/http/request.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { AgentsService } from './agents.service.js';
import {
  AgentCredentialsDto,
  AgentDto,
  ListAgentsQuery,
  MintAgentDto,
  PublicKeyDto,
  RegisterAgentDto,
  UpdateAgentDto,
} from './dto/agent.dto.js';
import { conflict, notFound, unauthenticated } from '../../kernel/http/kernel.errors.js';
import { unknownEnvironment } from '../inventory/index.js';

@ApiTags('Agents')
@Controller('api/v1/agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  private dto(agent: Parameters<typeof AgentDto.from>[0]): AgentDto {
    return AgentDto.from(agent, this.agents.timing.heartbeatIntervalSeconds);
  }

  @Post()
  @RequirePermission('agent.mint')
  @Audited('agent.mint', 'agent')
  @ApiOperation({
    summary: 'Mint an agent',
    description:
      'Answers the agent and its secret (for `X-Agent-Secret`), shown this once, with the heartbeat and poll intervals it should keep.',
  })
  @ApiCreated(AgentCredentialsDto)
  @ApiErrors(conflict, unknownEnvironment)
  async mintAgent(@CurrentPrincipal() principal: Principal, @Body() body: MintAgentDto): Promise<AgentCredentialsDto> {
    const { agent, secret } = await this.agents.mint(principal.organizationId, principal, body);
    return { agent: this.dto(agent), agentSecret: secret, timing: this.agents.timing };
  }

  @Post('register')
  @Public()
  @Audited('agent.register', 'agent')
  @ApiOperation({
    summary: 'Register an agent with an enrollment token',
    description:
      'For agents installing themselves: the enrollment token (from POST /api/v1/edge-agent/enrollment/rotate) names the organization ' +
      'and environment. Answers the new agent and its secret, shown this once. A wrong, expired or rotated token is 401.',
  })
  @ApiCreated(AgentCredentialsDto)
  @ApiErrors(unauthenticated, conflict, unknownEnvironment)
  async registerAgent(@Req() req: MarshalRequest, @Body() body: RegisterAgentDto): Promise<AgentCredentialsDto> {
    const { agent, secret, principal } = await this.agents.register(body);
    req.principal = principal;
    return { agent: this.dto(agent), agentSecret: secret, timing: this.agents.timing };
  }

  @Get()
  @RequirePermission('agent.read')
  @ApiOperation({
    summary: "List the organization's agents",
    description: 'Never shows a credential. Sort by name, createdAt or lastSeenAt.',
  })
  @ApiPage(AgentDto)
  async listAgents(@CurrentPrincipal() principal: Principal, @Query() query: ListAgentsQuery): Promise<Page<AgentDto>> {
    return (await this.agents.list(principal.organizationId, query)).map((a) => this.dto(a));
  }

  @Get(':id')
  @RequirePermission('agent.read')
  @ApiOperation({
    summary: 'An agent',
    description:
      "An agent of the organization you act in: its labels, capabilities, status and connectivity (from its last heartbeat). Its secret is never returned. Another organization's agent is 404.",
  })
  @ApiOk(AgentDto)
  @ApiErrors(notFound)
  async getAgent(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<AgentDto> {
    return this.dto(await this.agents.get(principal.organizationId, id));
  }

  @Put(':id')
  @RequirePermission('agent.edit')
  @Audited('agent.update', 'agent')
  @ApiOperation({ summary: "Edit an agent's name, description, labels or capabilities", description: 'Fields left out keep their value.' })
  @ApiOk(AgentDto)
  @ApiErrors(notFound, conflict)
  async updateAgent(@CurrentPrincipal() principal: Principal, @UuidParam() id: string, @Body() body: UpdateAgentDto): Promise<AgentDto> {
    return this.dto(await this.agents.update(principal.organizationId, id, body));
  }

  @Delete(':id')
  @RequirePermission('agent.delete')
  @Audited('agent.delete', 'agent')
  @ApiOperation({
    summary: 'Delete an agent',
    description: 'Its secret stops working at once; jobs it holds go back to the queue, and jobs aimed at it alone are cancelled.',
  })
  @ApiNoContent()
  @ApiErrors(notFound)
  async deleteAgent(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.agents.delete(principal.organizationId, id);
  }

  @Post(':id/revoke')
  @RequirePermission('agent.revoke')
  @Audited('agent.revoke', 'agent')
  @ApiOperation({
    summary: 'Revoke an agent',
    description:
      'For good: its next request is 401. Jobs it holds go back to the queue; jobs aimed at it alone are cancelled. It stays listed as revoked.',
  })
  @ApiOk(AgentDto)
  @ApiErrors(notFound)
  async revokeAgent(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<AgentDto> {
    return this.dto(await this.agents.revoke(principal.organizationId, id));
  }

  @Put(':id/public-key')
  @AgentRoute()
  @Audited('agent.public_key.set', 'agent')
  @ApiOperation({
    summary: "Set the agent's X25519 public key",
    description: 'Called by the agent itself. The key seals what Marshal sends it in wire envelopes; a malformed or low-order key is 400.',
  })
  @ApiOk(AgentDto)
  async setAgentPublicKey(@CurrentPrincipal() agent: Principal, @UuidParam() _id: string, @Body() body: PublicKeyDto): Promise<AgentDto> {
    return this.dto(await this.agents.setPublicKey(agent.organizationId, agent, body.publicKey));
  }
}
