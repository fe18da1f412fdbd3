import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import type { Organization, OrganizationTier } from '../entities/organization.entity.js';

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acme Platform' }) name!: string;
  @ApiProperty({ example: 'acme-platform' }) slug!: string;
  @ApiProperty({ enum: ['standard', 'premium'], description: 'Decides the rate limits' }) tier!: OrganizationTier;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(org: Organization): OrganizationDto {
    return { id: org.id, name: org.name, slug: org.slug, tier: org.tier, createdAt: org.createdAt.toISOString() };
  }
}

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Acme Platform', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: 'acme-platform', description: 'Derived from the name when omitted' })
  @IsOmittable()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'slug must be 2-63 lowercase letters, digits or -' })
  @MaxLength(63)
  slug?: string;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: string;
  @ApiProperty({ format: 'date-time', description: 'When the user joined' }) joinedAt!: string;
}
