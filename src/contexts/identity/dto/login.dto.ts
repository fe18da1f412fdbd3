import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { UserDto } from './user.dto.js';

export class LoginDto {
  @ApiProperty({ format: 'email', example: 'admin@marshal.local', maxLength: 320 })
  @IsEmail({ require_tld: false })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'password', minLength: 1, maxLength: 1024 })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh; each is single-use', example: 'mrt_…' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  refreshToken!: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'ES256 JWT; send as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ format: 'date-time', description: 'When the access token expires' })
  expiresAt!: string;

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;

  @ApiProperty({ description: 'Single-use; exchange it at POST /api/v1/auth/refresh for the next pair' })
  refreshToken!: string;

  @ApiProperty({ format: 'date-time' })
  refreshExpiresAt!: string;

  @ApiProperty({ type: UserDto })
  user!: UserDto;
}
