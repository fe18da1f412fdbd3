import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, ListApiKeysQuery } from './dto/api-key.dto.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';

@ApiTags('API keys')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly notes: AuditNotes,
  ) {}

  @Post()
  @RequirePermission('api_key.create')
  @Audited('api_key.create', 'api_key')
  @ApiOperation({
    summary: 'Mint an API key',
    description:
      'The secret is in this response only (and in its replay: a retry with the same Idempotency-Key within 24 h returns this ' +
      'same response, kept encrypted until then). The key acts for you, limited to `permissions` (each held by you) or to all of yours.',
  })
  @ApiCreated(CreatedApiKeyDto)
  @ApiErrors(conflict)
  async createApiKey(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { key, secret } = await this.keys.create(principal.organizationId, principal, body);
    this.notes.note({ resourceId: key.id });
    return { apiKey: ApiKeyDto.from(key), secret };
  }

  @Get()
  @RequirePermission('api_key.read')
  @ApiOperation({
    summary: "List the organization's API keys",
    description: 'Never shows a secret. Filter by status or creator; sort by name, createdAt or lastUsedAt.',
  })
  @ApiPage(ApiKeyDto)
  async listApiKeys(@CurrentPrincipal() principal: Principal, @Query() query: ListApiKeysQuery): Promise<Page<ApiKeyDto>> {
    return (await this.keys.list(principal.organizationId, query)).map(ApiKeyDto.from);
  }

  @Get(':id')
  @RequirePermission('api_key.read')
  @ApiOperation({
    summary: "An API key's metadata",
    description:
      "An API key's metadata: name, hint, status, permissions, creator and expiry. The key itself is shown once, at creation, and never again. Another organization's key is 404.",
  })
  @ApiOk(ApiKeyDto)
  @ApiErrors(notFound)
  async getApiKey(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<ApiKeyDto> {
    return ApiKeyDto.from(await this.keys.get(principal.organizationId, id));
  }

  @Delete(':id')
  @RequirePermission('api_key.revoke')
  @Audited('api_key.revoke', 'api_key')
  @ApiOperation({
    summary: 'Revoke an API key',
    description: 'For good: it answers 401 from the next request on, and stays listed as revoked.',
  })
  @ApiNoContent()
  @ApiErrors(notFound)
  async revokeApiKey(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.keys.revoke(principal.organizationId, id);
  }

  @Post(':id/disable')
  @RequirePermission('api_key.revoke')
  @Audited('api_key.disable', 'api_key')
  @ApiOperation({ summary: 'Disable an API key', description: 'It answers 401 from the next request on.' })
  @ApiOk(ApiKeyDto)
  @ApiErrors(notFound)
  async disableApiKey(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<ApiKeyDto> {
    return ApiKeyDto.from(await this.keys.disable(principal.organizationId, id));
  }
}
