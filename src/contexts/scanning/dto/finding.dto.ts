import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { repeatedOrCommaSeparated, SeedAlias } from '../../../kernel/http/query-lists.js';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import {
  DISMISSAL_REASONS,
  type DismissalReason,
  type Finding,
  type FindingChange,
  type FindingRule,
  FINDING_STATUSES,
  type FindingStatus,
  SEVERITIES,
  type Severity,
  TRIAGE_STATUSES,
  type TriageStatus,
} from '../entities/finding.entity.js';

export class FindingLocationDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'src/config.js',
    description: 'Relative to the tree; null when the tool named no path inside it',
  })
  path!: string | null;
  @ApiProperty({ type: Number, nullable: true }) startLine!: number | null;
  @ApiProperty({ type: Number, nullable: true }) startColumn!: number | null;
  @ApiProperty({ type: Number, nullable: true }) endLine!: number | null;
  @ApiProperty({ type: Number, nullable: true }) endColumn!: number | null;
}

export class FindingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) repositoryId!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for a legacy session (POST /sessions) made without a project',
  })
  projectId!: string | null;
  @ApiProperty({ example: 'ESLint', description: "The tool that reported it (its SARIF run's driver)" }) tool!: string;
  @ApiProperty({ example: 'security/detect-eval-with-expression' }) ruleId!: string;
  @ApiProperty({ enum: SEVERITIES, description: "From the rule's security-severity when it has one (GitHub's bands), else from the level" })
  severity!: Severity;
  @ApiProperty({ enum: ['error', 'warning', 'note', 'none'] }) level!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: FindingLocationDto }) location!: FindingLocationDto;
  @ApiProperty({ enum: FINDING_STATUSES, description: 'open, confirmed and dismissed are triage; fixed is set by scans' })
  status!: FindingStatus;
  @ApiProperty({ type: String, enum: DISMISSAL_REASONS, nullable: true }) dismissedReason!: DismissalReason | null;
  @ApiProperty({ type: String, nullable: true }) dismissedComment!: string | null;
  @ApiProperty({ description: 'Its identity across scans: never the line, so an edit above it keeps it the same finding' })
  fingerprint!: string;
  @ApiProperty({ format: 'uuid' }) firstScanId!: string;
  @ApiProperty({ format: 'uuid' }) lastScanId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The scan that found it gone, while it is fixed' })
  fixedScanId!: string | null;
  @ApiProperty({ format: 'date-time' }) firstSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(f: Finding): FindingDto {
    return {
      id: f.id,
      repositoryId: f.repositoryId,
      projectId: f.projectId,
      tool: f.tool,
      ruleId: f.ruleId,
      severity: f.severity,
      level: f.level,
      message: f.message,
      location: { path: f.path, startLine: f.startLine, startColumn: f.startColumn, endLine: f.endLine, endColumn: f.endColumn },
      status: f.status,
      dismissedReason: f.dismissedReason,
      dismissedComment: f.dismissedComment,
      fingerprint: f.fingerprint,
      firstScanId: f.firstScanId,
      lastScanId: f.lastScanId,
      fixedScanId: f.fixedScanId,
      firstSeenAt: f.firstSeenAt.toISOString(),
      lastSeenAt: f.lastSeenAt.toISOString(),
      updatedAt: f.updatedAt.toISOString(),
    };
  }
}

export class FindingRuleDto {
  @ApiProperty() tool!: string;
  @ApiProperty() ruleId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) shortDescription!: string | null;
  @ApiProperty({ type: String, nullable: true }) helpText!: string | null;
  @ApiProperty({ type: String, nullable: true }) helpUri!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String], example: ['CWE-95'] }) cwe!: string[];
  @ApiProperty({ type: Number, nullable: true, description: "The rule's security-severity (0–10)" }) securitySeverity!: number | null;

  static from(r: FindingRule): FindingRuleDto {
    return {
      tool: r.tool,
      ruleId: r.ruleId,
      name: r.name,
      shortDescription: r.shortDescription,
      helpText: r.helpText,
      helpUri: r.helpUri,
      tags: r.tags,
      cwe: r.cwe,
      securitySeverity: r.securitySeverity,
    };
  }
}

export class FindingChangeDto {
  @ApiProperty({ type: String, enum: FINDING_STATUSES, nullable: true, description: 'null when the finding was first seen' })
  fromStatus!: FindingStatus | null;
  @ApiProperty({ enum: FINDING_STATUSES }) toStatus!: FindingStatus;
  @ApiProperty({ type: String, enum: DISMISSAL_REASONS, nullable: true }) reason!: DismissalReason | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ example: 'user:0192…', description: 'Who: a principal, or `scan:<id>` for what a scan decided' }) actor!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) scanId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;

  static from(c: FindingChange): FindingChangeDto {
    return {
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
      reason: c.reason,
      comment: c.comment,
      actor: c.actor,
      scanId: c.scanId,
      at: c.createdAt.toISOString(),
    };
  }
}

export class FindingDetailDto extends FindingDto {
  @ApiProperty({ type: String, nullable: true, description: 'The matched text, as the tool reported it (secret scanners report none)' })
  snippet!: string | null;
  @ApiProperty({ type: FindingRuleDto, nullable: true }) rule!: FindingRuleDto | null;
  @ApiProperty({ type: [FindingChangeDto], description: 'Its status changes, oldest first: first seen, triage, fixed, reopened' })
  history!: FindingChangeDto[];

  static detail(f: Finding, rule: FindingRule | null, history: FindingChange[]): FindingDetailDto {
    return {
      ...FindingDto.from(f),
      snippet: f.snippet,
      rule: rule && FindingRuleDto.from(rule),
      history: history.map(FindingChangeDto.from),
    };
  }
}

export class ListFindingsQuery extends PageQuery {
  @ApiPropertyOptional({ type: [String], enum: SEVERITIES, description: 'Repeat or comma-separate' })
  @IsOmittable()
  @Transform(repeatedOrCommaSeparated)
  @IsArray()
  @ArrayMaxSize(SEVERITIES.length)
  @IsIn(SEVERITIES, { each: true })
  severity?: Severity[];

  @ApiPropertyOptional({ type: [String], enum: FINDING_STATUSES, description: 'Repeat or comma-separate' })
  @IsOmittable()
  @Transform(repeatedOrCommaSeparated)
  @IsArray()
  @ArrayMaxSize(FINDING_STATUSES.length)
  @IsIn(FINDING_STATUSES, { each: true })
  status?: FindingStatus[];

  @ApiPropertyOptional({ maxLength: 512, example: 'security/detect-eval-with-expression' })
  @IsOmittable()
  @IsString()
  @Length(1, 512)
  ruleId?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'secretlint' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  tool?: string;

  @ApiPropertyOptional({ maxLength: 1024, example: 'src/', description: 'Findings whose path starts with it' })
  @IsOmittable()
  @IsString()
  @Length(1, 1024)
  pathPrefix?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Findings that scan saw' })
  @SeedAlias('scan_id', '004', { type: String, format: 'uuid', maxLength: 36 })
  @IsOmittable()
  @IsUUID()
  scanId?: string;
}

export class TriageFindingDto {
  @ApiProperty({ enum: TRIAGE_STATUSES, description: '`fixed` is set by scans only' })
  @IsIn(TRIAGE_STATUSES)
  status!: TriageStatus;

  @ApiPropertyOptional({ enum: DISMISSAL_REASONS, description: 'Required to dismiss; not taken otherwise' })
  @ValidateIf((o: TriageFindingDto) => o.status === 'dismissed' || o.reason !== undefined)
  @IsIn(DISMISSAL_REASONS, { message: `reason must be one of ${DISMISSAL_REASONS.join(', ')} (required to dismiss)` })
  reason?: DismissalReason;

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'Required to dismiss: why, for whoever reads the history' })
  @ValidateIf((o: TriageFindingDto) => o.status === 'dismissed' || o.comment !== undefined)
  @IsString()
  @Matches(/\S/, { message: 'comment must say something (required to dismiss)' })
  @MaxLength(2000)
  comment?: string;
}
