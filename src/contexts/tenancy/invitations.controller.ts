import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, NotAudited } from '../../kernel/audit/audited.decorator.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { Public } from '../../kernel/auth/public.decorator.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import {
  AcceptedInvitationDto,
  AcceptInvitationDto,
  CreatedInvitationDto,
  CreateInvitationDto,
  InvitationDto,
} from './dto/invitation.dto.js';
import { InvitationsService } from './invitations.service.js';
import { conflict, gone, notFound } from '../../kernel/http/kernel.errors.js';

@ApiTags('Tenancy')
@Controller('api/v1/invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly notes: AuditNotes,
  ) {}

  @Post()
  @RequirePermission('invitation.create')
  @Audited('invitation.create', 'invitation')
  @ApiOperation({
    summary: 'Invite someone to the organization',
    description:
      'With roles whose permissions the inviter holds. The accept token is in this response only; it expires (7 days by default) and works once.',
  })
  @ApiCreated(CreatedInvitationDto)
  @ApiErrors(notFound, conflict)
  async createInvitation(@CurrentPrincipal() principal: Principal, @Body() body: CreateInvitationDto): Promise<CreatedInvitationDto> {
    const { invitation, acceptToken } = await this.invitations.create(principal.organizationId, principal, body);
    this.notes.note({ resourceId: invitation.id });
    return { invitation: InvitationDto.from(invitation), acceptToken };
  }

  @Post(':id/accept')
  @Public()
  @NotAudited('InvitationsService records invitation.accept with the invitee as actor: the request has no principal yet')
  @ApiOperation({
    summary: 'Accept an invitation',
    description:
      'Authenticated by the accept token. Adds the membership with the invited roles; creates the account when none exists for the email ' +
      '(password required). 404 for an unknown id or wrong token; 410 once accepted, revoked or expired.',
  })
  @ApiOk(AcceptedInvitationDto)
  @ApiErrors(notFound, gone)
  acceptInvitation(@UuidParam() id: string, @Body() body: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    return this.invitations.accept(id, body);
  }

  @Post(':id/revoke')
  @RequirePermission('invitation.revoke')
  @Audited('invitation.revoke', 'invitation')
  @ApiOperation({
    summary: 'Revoke a pending invitation',
    description:
      'Revokes an invitation that is still pending, so its link no longer admits anyone. An invitation already accepted, revoked or expired is 409. Audited.',
  })
  @ApiOk(InvitationDto)
  @ApiErrors(notFound, conflict)
  async revokeInvitation(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<InvitationDto> {
    return InvitationDto.from(await this.invitations.revoke(principal.organizationId, id));
  }
}
