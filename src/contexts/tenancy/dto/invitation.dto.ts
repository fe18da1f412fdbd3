import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import type { Invitation, InvitationStatus } from '../entities/invitation.entity.js';

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) roleIds!: string[];
  @ApiProperty({ enum: ['pending', 'accepted', 'revoked', 'expired'] }) status!: InvitationStatus;
  @ApiProperty({ description: 'principal type and id of the inviter' }) invitedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;

  static from(i: Invitation): InvitationDto {
    return {
      id: i.id,
      organizationId: i.organizationId,
      email: i.email,
      roleIds: i.roleIds,
      status: i.status,
      invitedBy: i.invitedBy,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      acceptedAt: i.acceptedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedInvitationDto {
  @ApiProperty({ type: InvitationDto }) invitation!: InvitationDto;
  @ApiProperty({ description: 'Send it to the invitee; shown this once. They accept with POST /api/v1/invitations/{id}/accept.' })
  acceptToken!: string;
}

export class CreateInvitationDto {
  @ApiProperty({ format: 'email', example: 'grace@example.com' })
  @IsEmail({ require_tld: false })
  @MaxLength(320)
  email!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Roles the invitee gets on accepting; the inviter must hold their permissions',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  roleIds!: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 720, default: 168, description: 'Hours until the invitation expires' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(720)
  expiresInHours?: number;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The accept token from the invitation' })
  @IsString()
  @Length(1, 256)
  token!: string;

  @ApiPropertyOptional({
    format: 'password',
    minLength: 12,
    description: "Required when no account exists for the invited email: the new account's password",
  })
  @IsOmittable()
  @IsString()
  @MinLength(12)
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ example: 'Grace Hopper', description: 'For a new account' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  displayName?: string;
}

export class AcceptedInvitationDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ description: 'Whether a new account was created' }) accountCreated!: boolean;
  @ApiProperty({ type: [String], description: 'Keys of the roles granted' }) roles!: string[];
}
