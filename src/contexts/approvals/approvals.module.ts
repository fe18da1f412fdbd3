import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/index.js';
import { InventoryModule } from '../inventory/index.js';
import { ApprovalPoliciesController } from './approval-policies.controller.js';
import { ApprovalPoliciesService } from './approval-policies.service.js';
import { ApprovalWorkflowsController } from './approval-workflows.controller.js';
import { ApprovalWorkflowsService } from './approval-workflows.service.js';
import { ApprovalsService } from './approvals.service.js';
import { ApprovalDecision } from './entities/approval-decision.entity.js';
import { ApprovalGate } from './entities/approval-gate.entity.js';
import { ApprovalPolicy } from './entities/approval-policy.entity.js';
import { ApprovalWorkflow } from './entities/approval-workflow.entity.js';
import { MyApprovalsController } from './my-approvals.controller.js';

/** Approvals: workflows, policies, and the engine that gates access requests and the approval steps of workflow runs. */
@Module({
  imports: [TypeOrmModule.forFeature([ApprovalWorkflow, ApprovalPolicy, ApprovalGate, ApprovalDecision]), AccessModule, InventoryModule],
  controllers: [ApprovalWorkflowsController, ApprovalPoliciesController, MyApprovalsController],
  providers: [ApprovalWorkflowsService, ApprovalPoliciesService, ApprovalsService],
  exports: [ApprovalsService],
})
export class ApprovalsModule {}
