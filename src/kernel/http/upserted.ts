/**
 * What a handler decorated with @ApiCreatedOrOk returns: the resource, and whether this request
 * created it (201) or replaced one that existed (200). A replay of the request answers the same.
 */
export class Upserted<T> {
  constructor(
    readonly value: T,
    readonly created: boolean,
  ) {}
}
