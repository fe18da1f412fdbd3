import { applyDecorators, Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { validationFailed } from '../../kernel/http/kernel.errors.js';
import { NODE_ID } from './definition-graph.js';

/** The `{nodeId}` path parameter: a node id of the run's definition, else 400 naming it. */
export const NodeIdParam = () =>
  Param('nodeId', {
    transform: (value: string) => {
      if (!NODE_ID.test(value))
        throw validationFailed([{ field: 'nodeId', message: 'nodeId must be a node id (a-z first, then a-z 0-9 _ -)', code: 'MATCHES' }]);
      return value;
    },
  });

export const ApiNodeIdParam = () =>
  applyDecorators(
    ApiParam({
      name: 'nodeId',
      example: 'approve',
      description: 'A node id of the run’s definition',
      schema: { type: 'string', pattern: NODE_ID.source, maxLength: 63 },
    }),
  );
