import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, MaxLength } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';

export class BillingSummaryQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    maxLength: 40,
    description:
      'Start of the period, inclusive (ISO 8601 date or date-time; UTC unless it says otherwise). Default: the start of the month `to` ends',
    example: '2026-01-01T00:00:00Z',
  })
  @IsOmittable()
  @MaxLength(40)
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    maxLength: 40,
    description:
      'End of the period, exclusive. Default: the start of the month after `from`; with neither, the period is the current calendar month (UTC). At most 366 days after `from`',
    example: '2026-02-01T00:00:00Z',
  })
  @IsOmittable()
  @MaxLength(40)
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Also break the usage down by UTC day (`byDay`)' })
  @IsOmittable()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'boolean' ? String(value) : value))
  @IsIn(['true', 'false'])
  byDay?: 'true' | 'false';
}

export class BillingPeriodDto {
  @ApiProperty({ format: 'date-time', description: 'Inclusive' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) to!: string;
}

export class BillingLineDto {
  @ApiProperty({ example: 'scan.scanner_seconds', description: 'The meter: scan, scan.bytes, scan.scanner_seconds' }) meter!: string;
  @ApiProperty({ example: 'second', description: 'What one of its quantity is: scan, byte, second' }) unit!: string;
  @ApiProperty({ example: '3600', description: 'Used in the period: an exact decimal, as a string' }) quantity!: string;
  @ApiProperty({ example: '0.0005', description: 'The price of one unit, in `currency` (BILLING_PRICES); 0 when unpriced' })
  unitPrice!: string;
  @ApiProperty({ example: '1.8000', description: 'quantity × unitPrice, rounded to 4 decimals, in `currency`' }) cost!: string;
}

export class BillingDayDto {
  @ApiProperty({ format: 'date', example: '2026-01-15', description: 'The UTC day' }) date!: string;
  @ApiProperty({ example: 'scan' }) meter!: string;
  @ApiProperty({ example: '12' }) quantity!: string;
  @ApiProperty({ example: '0.1200' }) cost!: string;
}

export class BillingSummaryDto {
  @ApiProperty({ type: BillingPeriodDto }) period!: BillingPeriodDto;
  @ApiProperty({ example: 'USD', description: 'ISO 4217 (BILLING_CURRENCY)' }) currency!: string;
  @ApiProperty({ type: [BillingLineDto], description: 'One line per meter priced or used, by meter' }) lines!: BillingLineDto[];
  @ApiProperty({ example: '12.3400', description: "The lines' costs summed, in `currency`" }) total!: string;
  @ApiPropertyOptional({ type: [BillingDayDto], description: 'With `byDay=true`: usage by UTC day and meter, the days that have any' })
  byDay?: BillingDayDto[];
}
