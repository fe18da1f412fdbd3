import { Module } from '@nestjs/common';
import { EventsController } from './events.controller.js';

/** Events: the outbox and its streams (SSE and WebSocket). The writer and the hub are in the kernel. */
@Module({ controllers: [EventsController] })
export class EventsModule {}
