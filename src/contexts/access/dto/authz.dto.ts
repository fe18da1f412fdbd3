import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';

export class AuthzCheckDto {
  @ApiProperty({ example: 'role.edit' })
  @IsString()
  @MaxLength(200)
  permission!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A member to check; yourself when omitted (checking another needs authz.check)' })
  @IsOmittable()
  @IsUUID()
  principalId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Check within this project' })
  @IsOmittable()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Check within this environment' })
  @IsOmittable()
  @IsUUID()
  environmentId?: string;
}

export class AuthzDecisionDto {
  @ApiProperty({ example: 'role.edit' }) permission!: string;
  @ApiProperty({ format: 'uuid' }) principalId!: string;
  @ApiProperty({ enum: ['user', 'api_key', 'agent'] }) principalType!: string;
  @ApiProperty() allowed!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) environmentId!: string | null;
}

export class AuthzBatchDto {
  @ApiProperty({ type: [AuthzCheckDto], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AuthzCheckDto)
  checks!: AuthzCheckDto[];
}

export class AuthzBatchResultDto {
  @ApiProperty({ type: [AuthzDecisionDto], description: 'One decision per check, in order' })
  results!: AuthzDecisionDto[];
}
