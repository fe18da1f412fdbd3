import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk } from '../../kernel/http/response.decorators.js';
import { CurrentUser } from './current-user.decorator.js';
import { UserDto } from './dto/user.dto.js';
import type { User } from './entities/user.entity.js';

@ApiTags('Identity')
@Controller('api/v1/me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'The current principal', description: 'The same user as GET /api/v1/auth/me.' })
  @ApiOk(UserDto)
  getMe(@CurrentUser() user: User): UserDto {
    return UserDto.from(user);
  }
}
