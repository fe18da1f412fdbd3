import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { validationFailed } from '../../kernel/http/kernel.errors.js';
import { ApiCreatedOrOk, ApiOk } from '../../kernel/http/response.decorators.js';
import { Upserted } from '../../kernel/http/upserted.js';
import { ConfigSecretsService } from './config-secrets.service.js';
import { SecretMetadataDto, SetSecretDto, SettingsDto, UpdateSettingsDto } from './dto/settings.dto.js';
import { SettingsService } from './settings.service.js';

const SECRET_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/;

function secretKey(key: string): string {
  if (!SECRET_KEY.test(key))
    throw validationFailed([
      { field: 'key', message: 'key must be 1-128 letters, digits, _ . -, starting with a letter', code: 'INVALID_KEY' },
    ]);
  return key;
}

const KEY_PARAM = {
  name: 'key',
  description: 'Letters, digits, _ . - (1-128), starting with a letter',
  example: 'GITHUB_TOKEN',
  schema: { type: 'string' as const, pattern: SECRET_KEY.source, maxLength: 128 },
};

@ApiTags('Tenancy')
@Controller('api/v1/workspace')
export class WorkspaceController {
  constructor(
    private readonly settings: SettingsService,
    private readonly secrets: ConfigSecretsService,
  ) {}

  @Get('settings')
  @RequirePermission('settings.read')
  @ApiOperation({
    summary: "The organization's settings",
    description: "The organization's settings (plain configuration; secrets have their own store).",
  })
  @ApiOk(SettingsDto)
  getWorkspaceSettings(@CurrentPrincipal() principal: Principal): Promise<SettingsDto> {
    return this.settings.getWorkspace(principal.organizationId);
  }

  @Put('settings')
  @RequirePermission('settings.write')
  @Audited('settings.update', 'workspace_settings')
  @ApiOperation({
    summary: "Replace the organization's settings",
    description: 'Secret-looking keys are refused: store secrets with POST /api/v1/workspace/secrets/{key}.',
  })
  @ApiOk(SettingsDto)
  putWorkspaceSettings(@CurrentPrincipal() principal: Principal, @Body() body: UpdateSettingsDto): Promise<SettingsDto> {
    return this.settings.putWorkspace(principal.organizationId, principal, body.settings);
  }

  @Get('secrets')
  @RequirePermission('secret.read')
  @ApiOperation({
    summary: "The organization's secrets: names and metadata, never values",
    description: "The organization's secrets: keys, versions and timestamps. Values are never returned by any route.",
  })
  @ApiOk(SecretMetadataDto, { isArray: true })
  async listWorkspaceSecrets(@CurrentPrincipal() principal: Principal): Promise<SecretMetadataDto[]> {
    return (await this.secrets.list({ organizationId: principal.organizationId })).map(SecretMetadataDto.from);
  }

  @Post('secrets/:key')
  @RequirePermission('secret.write')
  @Audited('secret.set', 'workspace_secret')
  @ApiParam(KEY_PARAM)
  @ApiOperation({
    summary: 'Set a workspace secret',
    description:
      'Encrypted at rest (envelope encryption); the response and every later read show metadata only. 201 when the key is new, 200 when its value is replaced (one more version).',
  })
  @ApiCreatedOrOk(SecretMetadataDto, {
    created: 'The secret was created (version 1)',
    replaced: 'The secret existed: its value was replaced',
  })
  async setWorkspaceSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('key') key: string,
    @Body() body: SetSecretDto,
  ): Promise<Upserted<SecretMetadataDto>> {
    const set = await this.secrets.set(principal, { organizationId: principal.organizationId }, secretKey(key), body.value);
    return new Upserted(SecretMetadataDto.from(set.value), set.created);
  }
}

@ApiTags('Platform')
@Controller('api/v1/platform')
export class PlatformController {
  constructor(
    private readonly settings: SettingsService,
    private readonly secrets: ConfigSecretsService,
  ) {}

  @Get('settings')
  @RequirePermission('platform.settings.read')
  @ApiOperation({
    summary: 'Platform-wide settings (platform administrators)',
    description: 'The settings that apply to every organization unless an organization sets its own. Platform administrators only.',
  })
  @ApiOk(SettingsDto)
  getPlatformSettings(): Promise<SettingsDto> {
    return this.settings.getPlatform();
  }

  @Put('settings')
  @RequirePermission('platform.settings.write')
  @Audited('platform.settings.update', 'platform_settings')
  @ApiOperation({
    summary: 'Replace platform-wide settings (platform administrators)',
    description:
      'Replaces the platform-wide settings as a whole (keys not sent are removed). Settings are plain configuration: a key that looks like a secret is refused, secrets have their own store. Audited. Platform administrators only.',
  })
  @ApiOk(SettingsDto)
  putPlatformSettings(@CurrentPrincipal() principal: Principal, @Body() body: UpdateSettingsDto): Promise<SettingsDto> {
    return this.settings.putPlatform(principal, body.settings);
  }

  @Get('secrets')
  @RequirePermission('platform.secrets.read')
  @ApiOperation({
    summary: 'Platform secrets: names and metadata, never values (platform administrators)',
    description:
      'Secrets shared by every organization (platform scope): keys, versions and timestamps. Values are never returned by any route. Platform administrators only.',
  })
  @ApiOk(SecretMetadataDto, { isArray: true })
  async listPlatformSecrets(): Promise<SecretMetadataDto[]> {
    return (await this.secrets.list('platform')).map(SecretMetadataDto.from);
  }

  @Post('secrets/:key')
  @RequirePermission('platform.secrets.write')
  @Audited('platform.secret.set', 'platform_secret')
  @ApiParam(KEY_PARAM)
  @ApiOperation({
    summary: 'Set a platform secret (platform administrators)',
    description:
      'Encrypted at rest; never returned. 201 when the key is new, 200 when its value is replaced (one more version), as for workspace secrets.',
  })
  @ApiCreatedOrOk(SecretMetadataDto, {
    created: 'The secret was created (version 1)',
    replaced: 'The secret existed: its value was replaced',
  })
  async setPlatformSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('key') key: string,
    @Body() body: SetSecretDto,
  ): Promise<Upserted<SecretMetadataDto>> {
    const set = await this.secrets.set(principal, 'platform', secretKey(key), body.value);
    return new Upserted(SecretMetadataDto.from(set.value), set.created);
  }
}
