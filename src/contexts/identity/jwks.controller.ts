import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../kernel/auth/public.decorator.js';
import { RawResponse } from '../../kernel/http/response.decorators.js';
import { AccessTokensService, PublicJwk } from './access-tokens.service.js';

const JWKS_SCHEMA = {
  type: 'object',
  required: ['keys'],
  properties: {
    keys: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kty', 'crv', 'x', 'y', 'kid', 'alg', 'use'],
        properties: {
          kty: { type: 'string', example: 'EC' },
          crv: { type: 'string', example: 'P-256' },
          x: { type: 'string' },
          y: { type: 'string' },
          kid: { type: 'string', description: 'RFC 7638 thumbprint of the key' },
          alg: { type: 'string', example: 'ES256' },
          use: { type: 'string', example: 'sig' },
        },
      },
    },
  },
};

@ApiTags('Identity')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly tokens: AccessTokensService) {}

  /** A standard JWKS (RFC 7517), not enveloped, so that any JWT library can read it. */
  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'Public keys that verify access tokens (JWKS)',
    description:
      'The public keys (JWK Set, RFC 7517) that verify the access tokens this server signs; a verifier caches them by `kid`. Public.',
  })
  @RawResponse({ description: 'The JSON Web Key Set', schema: JWKS_SCHEMA })
  getJwks(): { keys: PublicJwk[] } {
    return this.tokens.jwks();
  }
}
