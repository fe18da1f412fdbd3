import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { repeatedOrCommaSeparated } from '../../../kernel/http/query-lists.js';
import { CursorQuery } from '../../../kernel/pagination/cursor-page.js';

const TYPE_PATTERN = /^[a-z][a-z0-9_.]*\*?$|^\*$/;

export class StreamQuery {
  @ApiPropertyOptional({
    type: [String],
    example: ['job.*', 'agent.revoked'],
    description: 'Event types (repeated, or comma-separated); a trailing * matches a prefix',
  })
  @IsOmittable()
  @Transform(repeatedOrCommaSeparated)
  @ArrayMaxSize(50)
  @Matches(TYPE_PATTERN, { each: true, message: 'each type must look like job.succeeded or job.*' })
  @MaxLength(200, { each: true })
  types?: string[];

  @ApiPropertyOptional({ example: 'job' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  resourceType?: string;

  @ApiPropertyOptional({ description: 'Events about this resource only' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  resourceId?: string;
}

export class OutboxQuery extends CursorQuery {
  @ApiPropertyOptional({
    type: [String],
    example: ['job.*'],
    description: 'Event types (repeated, or comma-separated); a trailing * matches a prefix',
  })
  @IsOmittable()
  @Transform(repeatedOrCommaSeparated)
  @ArrayMaxSize(50)
  @Matches(TYPE_PATTERN, { each: true, message: 'each type must look like job.succeeded or job.*' })
  @MaxLength(200, { each: true })
  types?: string[];

  @ApiPropertyOptional({ example: 'job' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  resourceType?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  resourceId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Occurred at or after' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  since?: Date;
}

export class WebSocketStreamQuery extends StreamQuery {
  @ApiPropertyOptional({ example: '7312-88410', description: 'Resume after this event (a cursor from an earlier message)' })
  @IsOmittable()
  @Matches(/^\d{1,20}-\d{1,20}$/, { message: 'after must be an event cursor such as 7312-88410' })
  @MaxLength(41)
  after?: string;
}
