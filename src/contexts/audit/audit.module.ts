import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { CheckpointKeysController } from './checkpoint-keys.controller.js';

/** The audit trail's routes. Writing, reading and checkpoints live in the kernel, where every context reaches them. */
@Module({ controllers: [AuditController, CheckpointKeysController] })
export class AuditModule {}
