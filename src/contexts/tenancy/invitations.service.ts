import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { randomSecret, secretMatchesDigest, sha256 } from '../../kernel/crypto/secret-tokens.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { conflict, gone, notFound, validationFailed } from '../../kernel/http/kernel.errors.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AccessService } from '../access/index.js';
import { UsersService } from '../identity/index.js';
import type { AcceptedInvitationDto, AcceptInvitationDto, CreateInvitationDto } from './dto/invitation.dto.js';
import { Invitation } from './entities/invitation.entity.js';
import { MembershipsService } from './memberships.service.js';
import { ADVISORY_XACT_LOCK } from './tenancy.sql.js';

const DEFAULT_EXPIRY_HOURS = 168;

@Injectable()
export class InvitationsService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly access: AccessService,
    private readonly memberships: MembershipsService,
    private readonly users: UsersService,
    private readonly audit: AuditWriter,
    private readonly notes: AuditNotes,
  ) {}

  /** Invites an email with roles the inviter holds; the accept token is returned this once. */
  async create(
    organizationId: string,
    principal: Principal,
    input: CreateInvitationDto,
  ): Promise<{ invitation: Invitation; acceptToken: string }> {
    const email = input.email.trim().toLowerCase();
    const roles = await this.access.visibleRoles(organizationId, input.roleIds);
    await this.access.assertCanGrant(
      principal,
      roles.flatMap((r) => r.permissions),
    );
    // Serialise invitations of one email to one organization, so the pending check below holds.
    await this.tx.tx.query(ADVISORY_XACT_LOCK, [`invitation:${organizationId}:${email}`]);
    const existing = await this.users.findByEmail(email);
    if (existing && (await this.memberships.isMember(organizationId, existing.id))) throw conflict(`${email} is already a member`);
    const invitations = this.data.repository(Invitation, organizationId);
    const pending = await invitations
      .query('i')
      .andWhere('i.email = :email AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()', { email })
      .getExists();
    if (pending) throw conflict(`${email} already has a pending invitation; revoke it to send another`);
    const secret = randomSecret(32);
    const invitation = await invitations.insert({
      email,
      roleIds: roles.map((r) => r.id),
      tokenHash: sha256(secret),
      invitedBy: `${principal.type}:${principal.id}`,
      expiresAt: new Date(Date.now() + (input.expiresInHours ?? DEFAULT_EXPIRY_HOURS) * 3_600_000),
    });
    this.notes.note({ details: { email, roles: roles.map((r) => r.key) } });
    return { invitation, acceptToken: `mit_${secret}` };
  }

  @Transactional()
  async revoke(organizationId: string, id: string): Promise<Invitation> {
    const invitations = this.data.repository(Invitation, organizationId);
    // The same row lock as accept: a revoke and an accept of one invitation cannot both win.
    const invitation = await invitations.lockById(id, 'Invitation');
    if (invitation.status !== 'pending') throw conflict(`The invitation is ${invitation.status}; only a pending one can be revoked`);
    return invitations.updateByIdReturning(id, { revokedAt: new Date() }, 'Invitation');
  }

  /**
   * Accepts with the token: adds the membership with the invited roles, creating the account first
   * when none exists for the email. The row lock makes a second (or concurrent) acceptance fail.
   */
  accept(id: string, input: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    return this.tx.withTransaction(() => this.acceptLocked(id, input));
  }

  private async acceptLocked(id: string, input: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    // A public route: the invitation id and its token are the only lookup and proof.
    const invitation = await this.tx.tx
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .addSelect('i.tokenHash')
      .where('i.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    const token = input.token.startsWith('mit_') ? input.token.slice(4) : '';
    if (!invitation || !secretMatchesDigest(token, invitation.tokenHash)) throw notFound('Invitation');
    if (invitation.status !== 'pending') throw gone(`The invitation is ${invitation.status}`);

    // Two invitations of one new email (from two organizations) accepted at once: one creates the
    // account, the other must then find it rather than collide with it.
    await this.tx.tx.query(ADVISORY_XACT_LOCK, [`user-email:${invitation.email}`]);
    let user = await this.users.findByEmail(invitation.email);
    const accountCreated = !user;
    if (!user) {
      if (!input.password) {
        throw validationFailed([
          { field: 'password', message: 'No account exists for this email yet: choose a password (12+ characters)', code: 'REQUIRED' },
        ]);
      }
      user = await this.users.create(
        { email: invitation.email, displayName: input.displayName ?? invitation.email.split('@')[0], password: input.password },
        this.tx.tx,
      );
    }
    const org = invitation.organizationId;
    await this.memberships.add(org, user.id);
    // Roles deleted since the invitation was sent are simply not granted.
    const roles = await this.access.findVisibleRoles(org, invitation.roleIds);
    await this.access.grant(org, user.id, roles, `invitation:${invitation.id}`);
    await this.data.repository(Invitation, org).update({ id }, { acceptedAt: new Date(), acceptedBy: user.id });
    await this.audit.record({
      organizationId: org,
      action: 'invitation.accept',
      actor: { type: 'user', id: user.id },
      resourceType: 'invitation',
      resourceId: invitation.id,
      details: { email: invitation.email, roles: roles.map((r) => r.key), accountCreated },
    });
    return { organizationId: org, userId: user.id, email: user.email, accountCreated, roles: roles.map((r) => r.key) };
  }
}
