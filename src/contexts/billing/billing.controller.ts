import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { validationFailed } from '../../kernel/http/kernel.errors.js';
import { ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { BillingService } from './billing.service.js';
import { BillingSummaryDto, BillingSummaryQuery } from './dto/billing-summary.dto.js';

/** Usage and its cost (seed 004 `/v1/billing/summary`). */
@ApiTags('Billing')
@Controller('api/v1/billing')
export class BillingController {
  constructor(private readonly billing: BillingService) {}

  @Get('summary')
  @RequirePermission('billing.read')
  @ApiOperation({
    summary: 'Usage summary and cost breakdown',
    description: [
      "The organization's metered usage in the period `[from, to)` (by default the current calendar month, UTC), one line per meter:",
      'scans that ran (`scan`), the snapshot bytes they read (`scan.bytes`) and their running time (`scan.scanner_seconds`), each priced',
      'from BILLING_PRICES in BILLING_CURRENCY. Quantities, prices and costs are exact decimal strings, costs rounded to 4 decimals;',
      '`byDay=true` adds the usage by UTC day. 400 VALIDATION_FAILED for a period that is empty, longer than 366 days, or not dates.',
    ].join(' '),
  })
  @ApiOk(BillingSummaryDto)
  @ApiErrors(validationFailed)
  getBillingSummary(@CurrentPrincipal() principal: Principal, @Query() query: BillingSummaryQuery): Promise<BillingSummaryDto> {
    return this.billing.summary(principal.organizationId, query);
  }
}
