import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import { ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { StepTypeDto } from './dto/step-type.dto.js';
import { STEP_TYPES, stepType } from './step-types.js';

/** The step types a workflow node may have: fixed in code, the same for every organization. */
@ApiTags('Workflow definitions')
@Controller('api/v1/step-types')
export class StepTypesController {
  @Get()
  @RequirePermission('workflow_definition.read')
  @ApiOperation({ summary: 'List step types', description: "Each with the JSON Schema of a node's inputs." })
  @ApiOk(StepTypeDto, { isArray: true })
  listStepTypes(): StepTypeDto[] {
    return STEP_TYPES.map(StepTypeDto.from);
  }

  @Get(':type')
  @RequirePermission('workflow_definition.read')
  @ApiOperation({
    summary: 'A step type',
    description: "One workflow step type: what it does and the JSON Schema (draft 2020-12) of a node's inputs. An unknown type is 404.",
  })
  @ApiParam({
    name: 'type',
    example: 'wait',
    description: 'A step type; another is 404',
    schema: { type: 'string', enum: STEP_TYPES.map((s) => s.type) },
  })
  @ApiOk(StepTypeDto)
  @ApiErrors(notFound)
  getStepType(@Param('type') type: string): StepTypeDto {
    const found = stepType(type);
    if (!found) throw notFound('Step type');
    return StepTypeDto.from(found);
  }
}
