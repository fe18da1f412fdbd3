import { Body, Controller, Headers, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotAudited } from '../../kernel/audit/audited.decorator.js';
import { SignedWebhook } from '../../kernel/auth/public.decorator.js';
import { ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { SECURITY_SCHEMES } from '../../kernel/openapi/openapi-document.js';
import { DELIVERY_HEADER } from './callback-signature.js';
import { WorkflowCallbackAckDto, WorkflowCallbackDto } from './dto/workflow-callback.dto.js';
import { WorkflowCallbackReceiver } from './workflow-callback-receiver.service.js';
import { WorkflowCallbackSignatureGuard } from './workflow-callback-signature.guard.js';
import { notFound, routeNotFound, unauthenticated } from '../../kernel/http/kernel.errors.js';
import { notACallbackStep } from '../workflows/index.js';
import { invalidDeliveryId, invalidSignature, malformedSignature, missingDeliveryId, signatureExpired } from './integrations.errors.js';

@ApiTags('Webhooks')
@Controller('api/v1/webhooks')
export class WorkflowCallbacksController {
  constructor(private readonly receiver: WorkflowCallbackReceiver) {}

  @Post('workflow-completed')
  @SignedWebhook(SECURITY_SCHEMES.agentfieldSignature, WorkflowCallbackSignatureGuard)
  @NotAudited(
    "WorkflowCallbackReceiver records workflow_run.callback in the run's organization, with the webhook as actor, in the report's transaction: the request has no principal",
  )
  @ApiOperation({
    summary: 'Report that an external executor finished a workflow step',
    description:
      'For executors handed a `callback` step. No bearer token: the request is authenticated by `x-agentfield-signature: t=<unix seconds>,v1=<hex>`, ' +
      'where v1 is the lowercase hex HMAC-SHA256, under WORKFLOW_WEBHOOK_SECRET, of `<t>.<x-agentfield-delivery>.<raw body bytes>`; ' +
      'several v1 entries may be sent (secret rotation) and any one may match. t must be within WORKFLOW_WEBHOOK_TOLERANCE_SECONDS ' +
      '(300 by default) of the server clock. The delivery id is kept 24 h: a delivery id received before changes nothing and answers 200 ' +
      'with duplicate: true and the first outcome. A failed callback (404, 409) is not recorded, so its retry is processed afresh. ' +
      'Without WORKFLOW_WEBHOOK_SECRET the route answers 404 ROUTE_NOT_FOUND, as if absent, before any other check. See docs/workflow-callbacks.md.',
  })
  @ApiHeader({
    name: DELIVERY_HEADER,
    required: true,
    description:
      'The delivery id: 1–200 visible ASCII characters, no dot; unique per delivery and the same on every retry of it. Part of the signed string.',
    schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x2d\\x2f-\\x7e]{1,200}$' },
  })
  @ApiOk(WorkflowCallbackAckDto, {
    description: 'Taken by the run engine (duplicate: false), or a delivery id received before (duplicate: true, the first answer)',
  })
  @ApiErrors(
    [unauthenticated, 'The signature header is missing'],
    malformedSignature,
    invalidSignature,
    signatureExpired,
    missingDeliveryId,
    invalidDeliveryId,
    [notFound, 'No such workflow run or node'],
    [routeNotFound, 'No WORKFLOW_WEBHOOK_SECRET is configured: as for an absent route'],
    notACallbackStep,
  )
  reportWorkflowCallback(@Headers(DELIVERY_HEADER) deliveryId: string, @Body() body: WorkflowCallbackDto): Promise<WorkflowCallbackAckDto> {
    return this.receiver.receive(deliveryId, body);
  }
}
