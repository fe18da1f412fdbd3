import { ApiProperty } from '@nestjs/swagger';
import { STEP_TYPES, type StepType } from '../step-types.js';

export class StepTypeDto {
  @ApiProperty({ example: 'wait', enum: STEP_TYPES.map((s) => s.type) }) type!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "JSON Schema (draft 2020-12) of a node's `inputs`" })
  inputSchema!: Record<string, unknown>;

  static from(s: StepType): StepTypeDto {
    return {
      type: s.type,
      description: s.description,
      inputSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...s.inputSchema },
    };
  }
}
