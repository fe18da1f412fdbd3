/** One field's validation failure, as the envelope reports it. */
export interface FieldError {
  field: string;
  message: string;
  code: string;
}

/**
 * A failure the client should see: an HTTP status, a stable UPPER_SNAKE code and a message safe to
 * show. Domain code throws these through a catalog's factories (defineError); the exception filter
 * turns them into the error envelope. Anything else that escapes a handler is a bug and becomes 500 INTERNAL.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly validationErrors?: FieldError[],
    /** Response headers the failure implies, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** What the document says of an error code: its status, the code and when it is answered. */
export interface ErrorSpec {
  readonly status: number;
  readonly code: string;
  readonly description: string;
}

/** What a factory's arguments make of one failure: at least its message. */
export interface ErrorParts {
  message: string;
  details?: Record<string, unknown>;
  validationErrors?: FieldError[];
  headers?: Record<string, string>;
}

type DefaultArgs = [message?: string, details?: Record<string, unknown>];

/** Builds the AppError of one code; carries its status, code and description for the document (@ApiErrors). */
export type ErrorFactory<A extends unknown[] = DefaultArgs> = ((...args: A) => AppError) & ErrorSpec;

/** Any catalog entry, whatever its arguments: what @ApiErrors takes. */
export type AnyErrorFactory = ((...args: never[]) => AppError) & ErrorSpec;

/**
 * One entry of an error catalog (`<context>.errors.ts`). Without `build`, the factory takes an
 * optional message (the description by default) and details; with it, `build` turns the factory's
 * arguments into the message (and details, field errors or headers).
 */
export function defineError(spec: ErrorSpec): ErrorFactory;
export function defineError<A extends unknown[]>(spec: ErrorSpec, build: (...args: A) => string | ErrorParts): ErrorFactory<A>;
export function defineError(spec: ErrorSpec, build?: (...args: unknown[]) => string | ErrorParts): AnyErrorFactory {
  const parts =
    build ??
    ((message?: unknown, details?: unknown): ErrorParts => ({
      message: (message as string | undefined) ?? spec.description,
      details: details as Record<string, unknown> | undefined,
    }));
  const factory = (...args: unknown[]) => {
    const made = parts(...args);
    const { message, details, validationErrors, headers } = typeof made === 'string' ? ({ message: made } as ErrorParts) : made;
    return new AppError(spec.status, spec.code, message, details, validationErrors, headers);
  };
  return Object.freeze(Object.assign(factory, { status: spec.status, code: spec.code, description: spec.description }));
}
