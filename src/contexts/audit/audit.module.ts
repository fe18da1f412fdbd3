import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';

/** The audit trail's routes. Writing and reading live in the kernel, where every context reaches them. */
@Module({ controllers: [AuditController] })
export class AuditModule {}
