import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkflowDefinitionVersion } from './entities/workflow-definition-version.entity.js';
import { WorkflowDefinition } from './entities/workflow-definition.entity.js';
import { StepTypesController } from './step-types.controller.js';
import { WorkflowDefinitionsController } from './workflow-definitions.controller.js';
import { WorkflowCallbacksService } from './workflow-callbacks.service.js';
import { WorkflowDefinitionsService } from './workflow-definitions.service.js';
import { WorkflowTemplatesController } from './workflow-templates.controller.js';

/** Workflows: versioned definitions (DAGs of typed steps) and the step type registry. Runs come next. */
@Module({
  imports: [TypeOrmModule.forFeature([WorkflowDefinition, WorkflowDefinitionVersion])],
  controllers: [WorkflowTemplatesController, WorkflowDefinitionsController, StepTypesController],
  providers: [WorkflowDefinitionsService, WorkflowCallbacksService],
  exports: [WorkflowDefinitionsService, WorkflowCallbacksService],
})
export class WorkflowsModule {}
