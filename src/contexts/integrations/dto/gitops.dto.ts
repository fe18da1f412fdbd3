import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { CLUSTER_NAME, defineValidator, IsOmittable, MatchesPattern } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import type { ArgocdEndpoint } from '../entities/argocd-endpoint.entity.js';
import type { GitopsAppMapping } from '../entities/gitops-app-mapping.entity.js';

/** An Argo CD application's name: a Kubernetes resource name (DNS-1123 subdomain). */
const MAX_URL = 2048;

export const APPLICATION_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/**
 * An http(s) base URL without credentials, query or fragment: the token goes in its own field, and
 * paths are appended to it (`/api/v1/applications`).
 */
const IsHttpBaseUrl = defineValidator({
  name: 'isHttpBaseUrl',
  documentation: () => ({
    keywords: { type: 'string', format: 'uri', maxLength: MAX_URL, pattern: '^https?://[^?#]*$' },
    unstated: 'no credentials in the authority: the description says it',
  }),
  validate: (value) => {
    if (typeof value !== 'string' || value.length > MAX_URL) return false;
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        !url.username &&
        !url.password &&
        !url.search &&
        !url.hash &&
        !value.includes('?') &&
        !value.includes('#')
      );
    } catch {
      return false;
    }
  },
  message: (args) => `${args.property} must be an http or https URL without credentials, query or fragment (up to 2048 characters)`,
});

export class UpstreamFailureDto {
  @ApiProperty({ example: 'UPSTREAM_UNAUTHORIZED', description: 'UPSTREAM_UNAVAILABLE, UPSTREAM_UNAUTHORIZED or APPLICATION_NOT_FOUND' })
  code!: string;
  @ApiProperty({ example: 'Argo CD refused the token (HTTP 401)' }) message!: string;
}

export class ArgocdEndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'production-argocd' }) name!: string;
  @ApiProperty({ example: 'https://argocd.example.com' }) url!: string;
  @ApiProperty({ description: 'Always true: a token is stored, encrypted; it is never returned' }) hasToken!: boolean;
  @ApiProperty({
    example: 'sha256:3f2a9c0d4b1e7a65',
    description: '"sha256:" and the first 16 hex digits of the token\'s SHA-256, to tell tokens apart',
  })
  tokenFingerprint!: string;
  @ApiProperty({ description: 'false: the server certificate is not checked' }) verifyTls!: boolean;
  @ApiProperty({ description: 'A disabled endpoint is neither discovered nor observed' }) enabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When discovery last ran against it' }) lastDiscoveryAt!:
    string | null;
  @ApiProperty({ type: UpstreamFailureDto, nullable: true, description: 'What that discovery failed with; null when it succeeded' })
  lastError!: UpstreamFailureDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'principal type and id of its creator' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(e: ArgocdEndpoint): ArgocdEndpointDto {
    return {
      id: e.id,
      name: e.name,
      url: e.url,
      hasToken: true,
      tokenFingerprint: e.tokenFingerprint,
      verifyTls: e.verifyTls,
      enabled: e.enabled,
      lastDiscoveryAt: e.lastDiscoveryAt?.toISOString() ?? null,
      lastError: e.lastError ? { code: e.lastError.code, message: e.lastError.message } : null,
      createdBy: e.createdBy,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

export class CreateArgocdEndpointDto {
  @ApiProperty({ example: 'production-argocd', maxLength: 100, description: 'Unique in the organization' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    example: 'https://argocd.example.com',
    maxLength: 2048,
    description: "The Argo CD API server's base URL: http or https, without credentials, query or fragment",
  })
  @IsHttpBaseUrl()
  url!: string;

  @ApiProperty({
    format: 'password',
    writeOnly: true,
    maxLength: 8192,
    description: 'A bearer token for the Argo CD API (an account or project token). Stored encrypted; never returned',
  })
  @IsString()
  @Length(1, 8192)
  @Matches(/^[\x21-\x7e]+$/, { message: 'token must be printable ASCII without spaces' })
  token!: string;

  @ApiPropertyOptional({
    default: true,
    description: 'false: accept any server certificate (self-signed installations); prefer a trusted one',
  })
  @IsOmittable()
  @IsBoolean()
  verifyTls?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class SetArgocdEndpointEnabledDto {
  @ApiProperty({ description: 'false: discovery answers 409 and observations skip the endpoint' })
  @IsBoolean()
  enabled!: boolean;
}

export class ListArgocdEndpointsQuery extends PageQuery {}

/** One application as Argo CD reports it; fields Argo CD leaves out are null. */
export class ArgocdApplicationDto {
  @ApiProperty({ example: 'payments-api' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'default' }) project!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'argocd', description: 'The namespace the Application resource lives in' })
  namespace!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://kubernetes.default.svc' }) destinationServer!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'in-cluster', description: 'The destination cluster by name, when given so' })
  destinationName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'payments' }) destinationNamespace!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Synced', description: 'Synced, OutOfSync or Unknown' }) syncStatus!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Healthy',
    description: 'Healthy, Progressing, Degraded, Suspended, Missing or Unknown',
  })
  healthStatus!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '9f1c2e7a',
    description: "The revision last synced (the first source's, for multi-source applications)",
  })
  revision!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://git.example.com/platform/deploy.git' }) repoUrl!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'apps/payments' }) path!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'main' }) targetRevision!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When Argo CD last reconciled it' }) reconciledAt!:
    string | null;
}

export class GitopsAppMappingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ example: 'payments-api' }) applicationName!: string;
  @ApiProperty({ example: 'prod-eu-1' }) clusterName!: string;
  @ApiProperty({ example: 'payments' }) namespace!: string;
  @ApiProperty({ example: 'db-credentials' }) ref!: string;
  @ApiProperty({ type: String, nullable: true, description: 'principal type and id of its creator' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(m: GitopsAppMapping): GitopsAppMappingDto {
    return {
      id: m.id,
      endpointId: m.endpointId,
      applicationName: m.applicationName,
      clusterName: m.clusterName,
      namespace: m.namespace,
      ref: m.ref,
      createdBy: m.createdBy,
      createdAt: m.createdAt.toISOString(),
    };
  }
}

export class CreateGitopsAppMappingDto {
  @ApiProperty({ format: 'uuid', description: 'An Argo CD endpoint of this organization (422 UNKNOWN_ENDPOINT otherwise)' })
  @IsUUID()
  endpointId!: string;

  @ApiProperty({ example: 'payments-api', maxLength: 253, description: 'The Argo CD application (a Kubernetes resource name)' })
  @MatchesPattern(APPLICATION_NAME, {
    message: 'applicationName must be a Kubernetes resource name: lower-case letters, digits, - and . (up to 253)',
  })
  applicationName!: string;

  @ApiProperty({ example: 'prod-eu-1', description: "The secret's cluster, as agents report it" })
  @MatchesPattern(CLUSTER_NAME, { message: 'clusterName must be 1–100 letters, digits, _ . -' })
  @MaxLength(100)
  clusterName!: string;

  @ApiPropertyOptional({ example: 'payments', maxLength: 253, default: '' })
  @IsOmittable()
  @IsString()
  @Length(0, 253)
  namespace?: string;

  @ApiProperty({ example: 'db-credentials', maxLength: 512, description: "The secret's name or path within its provider" })
  @IsString()
  @Length(1, 512)
  ref!: string;
}

export class ListGitopsAppMappingsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  endpointId?: string;

  @ApiPropertyOptional({ example: 'prod-eu-1' })
  @IsOmittable()
  @MatchesPattern(CLUSTER_NAME)
  @MaxLength(100)
  clusterName?: string;
}

/**
 * What an Argo CD application looked like when asked, for one mapping of a secret's location: its
 * sync and health status, or why it could not be read (`error`, the other fields then null).
 */
export class GitopsObservationDto {
  @ApiProperty({ format: 'uuid' }) mappingId!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ example: 'production-argocd' }) endpointName!: string;
  @ApiProperty({ example: 'payments-api' }) applicationName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Synced', description: 'Synced, OutOfSync or Unknown' }) syncStatus!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Healthy',
    description: 'Healthy, Progressing, Degraded, Suspended, Missing or Unknown',
  })
  healthStatus!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '9f1c2e7a' }) revision!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When Argo CD last reconciled the application' })
  reconciledAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When Marshal asked' }) observedAt!: string;
  @ApiPropertyOptional({ type: UpstreamFailureDto, description: 'Present when the application could not be read' })
  error?: UpstreamFailureDto;
}
