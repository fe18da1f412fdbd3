import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

export interface RouteHandler {
  controller: string;
  handler: string;
  method: string;
  paths: string[];
  /** Reads this handler's (or its controller's) metadata. */
  meta<T>(key: string): T | undefined;
}

/** Every HTTP handler Nest registers, with its metadata: for start-up checks over all routes. */
@Injectable()
export class RouteInventory {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  handlers(): RouteHandler[] {
    const out: RouteHandler[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!instance || !type) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      const base = ([] as string[]).concat((Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined) ?? '');
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const fn = prototype[name] as object;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (requestMethod === undefined) continue;
        const own = ([] as string[]).concat((Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined) ?? '');
        out.push({
          controller: type.name,
          handler: name,
          method: RequestMethod[requestMethod],
          paths: base.flatMap((b) => own.map((o) => `/${[b, o].filter(Boolean).join('/')}`.replace(/\/+/g, '/'))),
          meta: <T>(key: string) => (Reflect.getMetadata(key, fn) ?? Reflect.getMetadata(key, type)) as T | undefined,
        });
      }
    }
    return out;
  }
}
