import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingController } from './billing.controller.js';
import { BillingService } from './billing.service.js';
import { UsageRecord } from './entities/usage-record.entity.js';
import { UsageMeter } from './usage-meter.service.js';

/**
 * Usage and billing (seed 004 `/billing/summary`; seed 003's `/organizations/{id}/usage` to come):
 * other contexts meter what they do through UsageMeter, in their own transactions; summaries price
 * it from the configuration.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UsageRecord])],
  controllers: [BillingController],
  providers: [UsageMeter, BillingService],
  exports: [UsageMeter],
})
export class BillingModule {}
