import { Controller, Get, Header, Injectable, Module } from '@nestjs/common';
import { ApiExcludeController, OpenAPIObject } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator.js';
import { RawResponse } from '../http/response.decorators.js';
import { SkipRateLimit } from '../rate-limit/skip-rate-limit.decorator.js';

/** Holds the document built at start-up from the running code. */
@Injectable()
export class OpenApiDocumentHolder {
  document: OpenAPIObject | undefined;
}

/** Serves the contract at both paths the surfaces name; Swagger UI is mounted at /docs by the app factory. */
@ApiExcludeController()
@Controller()
export class OpenApiController {
  constructor(private readonly holder: OpenApiDocumentHolder) {}

  @Get('openapi.json')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @RawResponse({ description: 'The OpenAPI document' })
  getOpenApiDocument(): OpenAPIObject | undefined {
    return this.holder.document;
  }

  @Get('api/v1/openapi')
  @Public()
  @SkipRateLimit()
  @Header('Cache-Control', 'no-cache')
  @RawResponse({ description: 'The OpenAPI document' })
  getVersionedOpenApiDocument(): OpenAPIObject | undefined {
    return this.holder.document;
  }
}

@Module({ controllers: [OpenApiController], providers: [OpenApiDocumentHolder] })
export class OpenApiModule {}
