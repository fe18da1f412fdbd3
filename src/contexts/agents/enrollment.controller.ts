import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { ApiCreated, ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { EnrollmentDto, EnrollmentQuery, EnrollmentTokenDto, RotatedEnrollmentDto, RotateEnrollmentDto } from './dto/enrollment.dto.js';
import { EnrollmentService } from './enrollment.service.js';
import { unknownEnvironment } from '../inventory/index.js';

@ApiTags('Agents')
@Controller('api/v1/edge-agent/enrollment')
export class EnrollmentController {
  constructor(private readonly enrollment: EnrollmentService) {}

  @Get()
  @RequirePermission('agent.enroll')
  @ApiOperation({
    summary: "The organization's (or an environment's) enrollment token",
    description: 'Its state, expiry and use; never the token itself.',
  })
  @ApiOk(EnrollmentDto)
  async getEnrollment(@CurrentPrincipal() principal: Principal, @Query() query: EnrollmentQuery): Promise<EnrollmentDto> {
    const token = await this.enrollment.current(principal.organizationId, query.environmentId);
    return { token: token ? EnrollmentTokenDto.from(token) : null, registerPath: '/api/v1/agents/register' };
  }

  @Post('rotate')
  @RequirePermission('agent.enroll')
  @Audited('agent.enrollment.rotate', 'enrollment_token')
  @ApiOperation({
    summary: 'Issue a new enrollment token',
    description: 'Revokes the current one at once (agents already registered keep working) and answers the new token, shown this once.',
  })
  @ApiCreated(RotatedEnrollmentDto)
  @ApiErrors(unknownEnvironment)
  async rotateEnrollment(@CurrentPrincipal() principal: Principal, @Body() body: RotateEnrollmentDto): Promise<RotatedEnrollmentDto> {
    const { token, secret } = await this.enrollment.rotate(principal.organizationId, principal, body);
    return { token: EnrollmentTokenDto.from(token), enrollmentToken: secret };
  }
}
