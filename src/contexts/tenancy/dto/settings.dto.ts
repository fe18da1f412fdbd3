import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Length } from 'class-validator';
import { defineValidator } from '../../../kernel/http/validators.js';
import type { ConfigSecret } from '../entities/config-secret.entity.js';

const SETTING_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const SECRET_LOOKING = /pass(word)?|secret|token|api[-_]?key|private[-_]?key|credential/i;
const MAX_BYTES = 32 * 1024;
const MAX_KEYS = 200;

/** The dotted path of the first key, at any depth, that looks like it names a secret. */
function secretLookingPath(value: unknown, prefix = ''): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const path = Array.isArray(value) ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;
    if (!Array.isArray(value) && SECRET_LOOKING.test(key)) return path;
    const found = secretLookingPath(inner, path);
    if (found) return found;
  }
  return undefined;
}

/** Settings are plain configuration: bounded, well-named, and never a secret (those have their own store). */
const IsSettingsDocument = defineValidator({
  name: 'isSettingsDocument',
  documentation: () => ({
    keywords: { type: 'object', maxProperties: MAX_KEYS },
    unstated:
      "the keys' pattern (OpenAPI 3.0 has no propertyNames), the refusal of secret-looking keys and the size in bytes: the description says them",
  }),
  validate: (value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    const keys = Object.keys(value);
    return (
      keys.length <= MAX_KEYS &&
      keys.every((k) => SETTING_KEY.test(k)) &&
      !secretLookingPath(value) &&
      Buffer.byteLength(JSON.stringify(value), 'utf8') <= MAX_BYTES
    );
  },
  message: (args) => {
    const secret = secretLookingPath(args.value);
    if (secret) return `settings.${secret} looks like a secret: store it with POST .../secrets/{key} instead`;
    return 'settings must be an object of at most 200 keys (letters, digits, _ . -), 32 KiB in all';
  },
});

export class SettingsDto {
  @ApiProperty({ type: 'object', additionalProperties: true, example: { timezone: 'Europe/Paris', defaultApprovers: 2 } })
  settings!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'principal type and id of the last editor' }) updatedBy!: string | null;
}

export class UpdateSettingsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { timezone: 'Europe/Paris', defaultApprovers: 2 },
    description:
      'Replaces the settings as a whole: at most 200 keys (a letter, then up to 63 letters, digits, _ . -), 32 KiB in all, and no key at any depth that looks like it names a secret (password, token, api key…)',
  })
  @IsObject()
  @IsSettingsDocument()
  settings!: Record<string, unknown>;
}

export class SecretMetadataDto {
  @ApiProperty({ example: 'GITHUB_TOKEN' }) key!: string;
  @ApiProperty({ example: 3, description: 'How many times the value was set' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;

  static from(s: ConfigSecret): SecretMetadataDto {
    return {
      key: s.key,
      version: s.version,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      updatedBy: s.updatedBy,
    };
  }
}

export class SetSecretDto {
  @ApiProperty({ format: 'password', maxLength: 65536, description: 'Encrypted at rest; never returned by the API' })
  @IsString()
  @Length(1, 65536)
  value!: string;
}
