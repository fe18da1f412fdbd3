import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApprovalsModule } from '../approvals/index.js';
import { JobsModule } from '../jobs/index.js';
import { TenancyModule } from '../tenancy/index.js';
import { RunTransitions } from './engine/run-transitions.js';
import { STEP_HANDLER_PROVIDERS, StepHandlers } from './engine/step-handlers.js';
import { WorkflowEngine } from './engine/workflow-engine.js';
import { WorkflowDefinitionVersion } from './entities/workflow-definition-version.entity.js';
import { WorkflowDefinition } from './entities/workflow-definition.entity.js';
import { WorkflowRunStep } from './entities/workflow-run-step.entity.js';
import { WorkflowRun } from './entities/workflow-run.entity.js';
import { WorkflowStepArtifact } from './entities/workflow-step-artifact.entity.js';
import { WorkflowStepLog } from './entities/workflow-step-log.entity.js';
import { RunStreams } from './run-streams.js';
import { StepTypesController } from './step-types.controller.js';
import { WorkflowCallbacksService } from './workflow-callbacks.service.js';
import { WorkflowDefinitionsController } from './workflow-definitions.controller.js';
import { WorkflowDefinitionsService } from './workflow-definitions.service.js';
import { WorkflowExecutionsController } from './workflow-executions.controller.js';
import { WorkflowRunStepsController } from './workflow-run-steps.controller.js';
import { WorkflowRunsController } from './workflow-runs.controller.js';
import { WorkflowRunsService } from './workflow-runs.service.js';
import { WorkflowTemplatesController } from './workflow-templates.controller.js';

/**
 * Workflows: versioned definitions (DAGs of typed steps), the step type registry, runs and the
 * durable engine that advances them. Approval steps use the approval engine, job steps the job
 * queue, notify steps the workspace secrets, each through its exported service.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      WorkflowDefinition,
      WorkflowDefinitionVersion,
      WorkflowRun,
      WorkflowRunStep,
      WorkflowStepLog,
      WorkflowStepArtifact,
    ]),
    ApprovalsModule,
    JobsModule,
    TenancyModule,
  ],
  controllers: [
    WorkflowTemplatesController,
    WorkflowDefinitionsController,
    StepTypesController,
    WorkflowRunsController,
    WorkflowRunStepsController,
    WorkflowExecutionsController,
  ],
  providers: [
    WorkflowDefinitionsService,
    WorkflowRunsService,
    WorkflowCallbacksService,
    RunTransitions,
    RunStreams,
    WorkflowEngine,
    StepHandlers,
    ...STEP_HANDLER_PROVIDERS,
  ],
  exports: [WorkflowDefinitionsService, WorkflowCallbacksService],
})
export class WorkflowsModule {}
