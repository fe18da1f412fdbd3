import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyPrincipal } from '../../kernel/auth/require-permission.decorator.js';
import { ApiOk } from '../../kernel/http/response.decorators.js';
import { CurrentUser } from './current-user.decorator.js';
import { UserDto } from './dto/user.dto.js';
import type { User } from './entities/user.entity.js';

@ApiTags('Identity')
@Controller('api/v1/me')
export class MeController {
  @Get()
  @AnyPrincipal('a principal may always see itself')
  @ApiOperation({ summary: 'The current user', description: 'The same user as GET /api/v1/auth/me. For an API key: the user it acts for.' })
  @ApiOk(UserDto)
  getMe(@CurrentUser() user: User): UserDto {
    return UserDto.from(user);
  }
}
