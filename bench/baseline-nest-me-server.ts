import 'reflect-metadata';
import { Controller, Get, Headers, Module, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { me, pool, requestIds } from './me-floor.js';

/*
 * The framework floor for GET /api/v1/me, run by me.bench.ts as a child process: me-floor.ts's work
 * in the plainest Nest + express application, one module and one controller, with Nest's logger
 * off. Marshal runs on the same two frameworks, so what it costs beyond this floor is its own
 * middleware, guards, interceptors and logging. It listens on 127.0.0.1 on a free port and prints
 * "nest baseline listening on http://127.0.0.1:<port>".
 */

@Controller('api/v1')
class MeController {
  @Get('me')
  async me(
    @Headers('authorization') authorization: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const ids = requestIds(correlationId);
    res.setHeader('x-request-id', ids.requestId);
    res.setHeader('x-correlation-id', ids.correlationId);
    const answer = await me(authorization, ids, req.originalUrl);
    res.status(answer.status);
    return answer.body;
  }
}

@Module({ controllers: [MeController] })
class FloorModule {}

const app = await NestFactory.create<NestExpressApplication>(FloorModule, { logger: false });
app.set('etag', false);
await app.listen(0, '127.0.0.1');
console.log(`nest baseline listening on ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}`);

process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
