import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ValidationErrorItem } from '../../../kernel/http/envelope.js';
import { defineValidator, IsJsonObject, IsOmittable, MatchesPattern } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import { NODE_ID, type WorkflowNode } from '../definition-graph.js';
import { schemaProblems } from '../json-schema.js';
import type { WorkflowDefinitionVersion } from '../entities/workflow-definition-version.entity.js';
import type { WorkflowDefinition } from '../entities/workflow-definition.entity.js';

/** A run's input schema that Ajv can compile, with no pattern that can take exponential time: refused when saved, not when a run starts. */
const IsCompilableSchema = defineValidator({
  name: 'isCompilableSchema',
  documentation: () => ({
    unstated:
      'that the schema compiles and its patterns are safe from catastrophic backtracking: no keyword says it (the description does)',
  }),
  validate: (value) => !!value && typeof value === 'object' && schemaProblems(value as Record<string, unknown>, 'inputSchema').length === 0,
  message: (args) =>
    schemaProblems((args.value ?? {}) as Record<string, unknown>, 'inputSchema')[0]?.message ?? 'inputSchema must be a JSON Schema object',
});

export class RetryPolicyDto {
  @ApiProperty({ minimum: 1, maximum: 10, example: 3, description: 'Attempts in all, the first included' })
  @IsInt()
  @Min(1)
  @Max(10)
  maxAttempts!: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 3600,
    default: 0,
    description: 'Wait before the second attempt; doubled before each further one',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(3600)
  backoffSeconds?: number;
}

export class WorkflowNodeInputDto {
  @ApiProperty({ pattern: NODE_ID.source, example: 'approve', description: 'Unique within the definition' })
  @IsString()
  @MatchesPattern(NODE_ID, { message: 'id must start with a lower-case letter, then up to 62 of a-z 0-9 _ -' })
  @MaxLength(63)
  id!: string;

  @ApiProperty({ example: 'wait', description: 'A step type of GET /api/v1/step-types' })
  @IsString()
  @Length(1, 64)
  type!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { durationSeconds: 5 },
    description: "Checked against the step type's input schema; at most 64 KiB",
  })
  @IsOmittable()
  @IsJsonObject(65_536)
  inputs?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], maxItems: 100, description: 'Ids of the nodes that must complete first' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(63, { each: true })
  dependsOn?: string[];

  @ApiPropertyOptional({ type: RetryPolicyDto, description: 'One attempt, no retry, unless given' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => RetryPolicyDto)
  retry?: RetryPolicyDto;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 604800,
    description: "How long one attempt may take; unless given, the step type's own limit",
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(604_800)
  timeoutSeconds?: number;
}

export class WorkflowNodeDto {
  @ApiProperty({ example: 'approve' }) id!: string;
  @ApiProperty({ example: 'approval' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) inputs!: Record<string, unknown>;
  @ApiProperty({ type: [String] }) dependsOn!: string[];
  @ApiProperty({ type: RetryPolicyDto }) retry!: RetryPolicyDto;
  @ApiProperty({ type: Number, nullable: true }) timeoutSeconds!: number | null;

  static from(n: WorkflowNode): WorkflowNodeDto {
    return { id: n.id, type: n.type, inputs: n.inputs, dependsOn: n.dependsOn, retry: n.retry, timeoutSeconds: n.timeoutSeconds };
  }
}

const NODES_EXAMPLE = [{ id: 'pause', type: 'wait', inputs: { durationSeconds: 5 } }];
const NODES_DESCRIPTION =
  'The DAG: at least one node, at most 200. Invalid graphs are refused with 400 VALIDATION_FAILED, each error at `nodes[<index>]...` with a code: DUPLICATE_NODE_ID, UNKNOWN_STEP_TYPE, INVALID_INPUT, PRIVATE_TARGET, UNKNOWN_DEPENDENCY, UNKNOWN_REFERENCE, CYCLE, UNREACHABLE.';

export class WorkflowDefinitionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Deploy with approval' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ minimum: 1, description: 'The current version: 1 at creation, +1 on each update that changes the graph' })
  version!: number;
  @ApiProperty({ type: [WorkflowNodeDto] }) nodes!: WorkflowNodeDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: "JSON Schema of a run's inputs" })
  inputSchema!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, description: 'principal type and id of its creator' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(d: WorkflowDefinition): WorkflowDefinitionDto {
    return {
      id: d.id,
      name: d.name,
      description: d.description,
      version: d.version,
      nodes: d.nodes.map(WorkflowNodeDto.from),
      inputSchema: d.inputSchema,
      createdBy: d.createdBy,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}

export class WorkflowDefinitionVersionDto {
  @ApiProperty({ minimum: 1 }) version!: number;
  @ApiProperty({ type: [WorkflowNodeDto] }) nodes!: WorkflowNodeDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) inputSchema!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, description: 'who made this version' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(v: WorkflowDefinitionVersion): WorkflowDefinitionVersionDto {
    return {
      version: v.version,
      nodes: v.nodes.map(WorkflowNodeDto.from),
      inputSchema: v.inputSchema,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
    };
  }
}

export class CreateWorkflowDefinitionDto {
  @ApiProperty({ example: 'Deploy with approval', maxLength: 100, description: 'Unique in the organization' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ type: [WorkflowNodeInputDto], minItems: 1, maxItems: 200, example: NODES_EXAMPLE, description: NODES_DESCRIPTION })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WorkflowNodeInputDto)
  nodes!: WorkflowNodeInputDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "JSON Schema of a run's inputs; at most 64 KiB. It must compile, and no pattern may nest quantifiers (`(a+)+`): a pattern that can take exponential time is refused",
  })
  @IsOmittable()
  @IsJsonObject(65_536)
  @IsCompilableSchema()
  inputSchema?: Record<string, unknown>;
}

export class UpdateWorkflowDefinitionDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiPropertyOptional({
    type: [WorkflowNodeInputDto],
    minItems: 1,
    maxItems: 200,
    description: `Replaces the graph: a new version when it differs. ${NODES_DESCRIPTION}`,
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WorkflowNodeInputDto)
  nodes?: WorkflowNodeInputDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Replaces the input schema: a new version when it differs. It must compile, and no pattern may nest quantifiers',
  })
  @IsOmittable()
  @IsJsonObject(65_536)
  @IsCompilableSchema()
  inputSchema?: Record<string, unknown>;
}

/** A candidate graph to check against a definition; without nodes, the stored version is checked. */
export class ValidateWorkflowDefinitionDto {
  @ApiPropertyOptional({
    type: [WorkflowNodeInputDto],
    minItems: 1,
    maxItems: 200,
    description: 'A draft graph; the stored one unless given',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WorkflowNodeInputDto)
  nodes?: WorkflowNodeInputDto[];
}

export class WorkflowValidationDto {
  @ApiProperty({ description: 'Whether the graph would be accepted' }) valid!: boolean;
  @ApiProperty({ type: [ValidationErrorItem], description: 'Each problem at `nodes[<index>]...`, with its code; empty when valid' })
  errors!: ValidationErrorItem[];
}

export class ListWorkflowDefinitionsQuery extends PageQuery {}
