import { v7 as uuidv7 } from 'uuid';

/** Every identifier Marshal creates: a UUIDv7, time-ordered so that indexes stay compact. */
export function newId(): string {
  return uuidv7();
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
