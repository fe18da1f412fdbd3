import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditCheckpoints } from '../../kernel/audit/audit-checkpoints.js';
import { Public } from '../../kernel/auth/public.decorator.js';
import { RawResponse } from '../../kernel/http/response.decorators.js';

const KEYS_SCHEMA = {
  type: 'object',
  required: ['keys'],
  properties: {
    keys: {
      type: 'array',
      description: 'The current key first, then those of retired master keys this server still holds',
      items: {
        type: 'object',
        required: ['kid', 'kty', 'crv', 'x', 'alg', 'use', 'status', 'pem'],
        properties: {
          kid: { type: 'string', description: 'The keyId checkpoints name' },
          kty: { type: 'string', example: 'OKP' },
          crv: { type: 'string', example: 'Ed25519' },
          x: { type: 'string', description: 'The public key, base64url (RFC 8037)' },
          alg: { type: 'string', example: 'EdDSA' },
          use: { type: 'string', example: 'sig' },
          status: { type: 'string', enum: ['current', 'retired'] },
          pem: { type: 'string', description: 'The same key as a PEM SubjectPublicKeyInfo, for openssl' },
        },
      },
    },
  },
};

@ApiTags('Audit')
@Controller('.well-known')
export class CheckpointKeysController {
  constructor(private readonly checkpoints: AuditCheckpoints) {}

  /** A JWKS (RFC 7517, OKP keys of RFC 8037), not enveloped, so that any JOSE library or openssl reads it. */
  @Get('audit-checkpoint-keys')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'Public keys that verify audit checkpoints (Ed25519)',
    description:
      'Pin them beside the checkpoints you export: a checkpoint then verifies offline, with no trust in the server (docs/audit-trail.md).',
  })
  @RawResponse({ description: 'The JSON Web Key Set', schema: KEYS_SCHEMA })
  getAuditCheckpointKeys(): { keys: ReturnType<AuditCheckpoints['publishedKeys']> } {
    return { keys: this.checkpoints.publishedKeys() };
  }
}
