import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgentRoute } from '../../kernel/auth/agent-route.decorator.js';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { AgentWrapDto, DataKeyDto, IssueDataKeyDto, PostedWrapDto, PostWrapDto } from './dto/secret-request.dto.js';
import { SecretWrapsService } from './secret-wraps.service.js';
import { conflict, gone, notFound } from '../../kernel/http/kernel.errors.js';
import { agentKeyMissing, alreadyPosted, invalidWrap, jobNotHeld, notAReadJob, requestNotApproved } from './secrets.errors.js';

/** The agent's side of the broker: data keys and values for the secret jobs it holds. */
@ApiTags('Agent protocol')
@Controller('api/v1/agents/:id')
export class AgentSecretsController {
  constructor(private readonly wraps: SecretWrapsService) {}

  @Post('dek')
  @AgentRoute()
  @Audited('secret.dek_issue', 'secret_request')
  @ApiOperation({
    summary: 'Issue a data key for a read job',
    description:
      "For a secret.read job this agent holds: a fresh AES-256-GCM data key, which leaves Marshal only as a wire envelope sealed to the agent's " +
      'registered X25519 key (`keyEnvelope`, bound to `keyEnvelopeContext`), and the same key wrapped by the KMS. Open the envelope with your private ' +
      'key, seal the value under the key with `context` as additional data, post it with the wrapped key (POST /agents/{id}/wraps), and forget the key. ' +
      'No public key registered: 409 AGENT_KEY_MISSING. See docs/wire-envelope.md.',
  })
  @ApiOk(DataKeyDto)
  @ApiErrors(notFound, jobNotHeld, requestNotApproved, agentKeyMissing, notAReadJob)
  async issueDataKey(@CurrentPrincipal() agent: Principal, @UuidParam() _id: string, @Body() body: IssueDataKeyDto): Promise<DataKeyDto> {
    const { keyEnvelope, keyEnvelopeContext, wrappedKey, context } = await this.wraps.issueDataKey(agent.organizationId, agent, body.jobId);
    return {
      keyEnvelope: keyEnvelope.toString('base64url'),
      keyEnvelopeContext,
      wrappedKey: wrappedKey.toString('base64'),
      context,
      algorithm: 'AES-256-GCM',
    };
  }

  @Post('wraps')
  @AgentRoute()
  @Audited('secret_wrap.create', 'secret_request')
  @ApiOperation({
    summary: 'Post the value a read job fetched',
    description:
      'Sealed under the data key issued for the job. It must open (422 INVALID_WRAP otherwise); one value per job (409 ALREADY_POSTED). ' +
      'Then complete the job. The requester retrieves it once, before it expires.',
  })
  @ApiCreated(PostedWrapDto)
  @ApiErrors(notFound, jobNotHeld, alreadyPosted, invalidWrap)
  async postWrap(@CurrentPrincipal() agent: Principal, @UuidParam() _id: string, @Body() body: PostWrapDto): Promise<PostedWrapDto> {
    const wrap = await this.wraps.acceptFromAgent(agent.organizationId, agent, body);
    return { wrapId: wrap.id, requestId: wrap.requestId, expiresAt: wrap.expiresAt!.toISOString() };
  }

  @Get('wraps/:wrapId')
  @AgentRoute()
  @ApiOperation({
    summary: "Retrieve a patch's new value, once",
    description:
      "For the secret.patch job this agent holds: the value in a wire envelope sealed to the agent's registered X25519 key, bound to `context`. " +
      'The first retrieval shreds it; any later one is 410 GONE. No public key registered: 409 AGENT_KEY_MISSING.',
  })
  @ApiOk(AgentWrapDto)
  @ApiErrors(notFound, conflict, gone)
  async retrieveAgentWrap(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @UuidParam('wrapId') wrapId: string,
  ): Promise<AgentWrapDto> {
    const { wrap, envelope, context } = await this.wraps.retrieveForAgent(agent.organizationId, agent, wrapId);
    return { wrapId: wrap.id, requestId: wrap.requestId, envelope: envelope.toString('base64url'), context };
  }
}
