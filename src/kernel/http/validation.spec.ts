import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, ValidateNested } from 'class-validator';
import { IsOmittable } from './validators.js';
import { createValidationPipe } from './validation.js';
import { AppError } from './app-error.js';

class Item {
  @IsInt() quantity!: number;
}

class Order {
  @IsEmail() email!: string;
  @IsOmittable() @IsString() note?: string;
  @ValidateNested({ each: true }) @Type(() => Item) items!: Item[];
}

async function failures(value: unknown) {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: Order });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.status).toBe(400);
    expect(appError.code).toBe('VALIDATION_FAILED');
    return appError.validationErrors;
  }
  throw new Error('expected validation to fail');
}

describe('the validation pipe', () => {
  test('reports nested and array fields by path, one REQUIRED for a missing field', async () => {
    expect(await failures({ items: [{ quantity: 1 }, { quantity: 'x' }] })).toEqual([
      { field: 'email', message: 'email is required', code: 'REQUIRED' },
      { field: 'items[1].quantity', message: 'quantity must be an integer number', code: 'IS_INT' },
    ]);
  });

  test('refuses unknown fields, at any depth', async () => {
    const found = await failures({ email: 'a@b.c', items: [{ quantity: 1, price: 3 }], admin: true });
    expect(found).toEqual(
      expect.arrayContaining([
        { field: 'admin', message: 'admin is not a known field', code: 'UNKNOWN_FIELD' },
        { field: 'items[0].price', message: 'items[0].price is not a known field', code: 'UNKNOWN_FIELD' },
      ]),
    );
  });

  test('never puts a submitted value in a message', async () => {
    const found = await failures({ email: 'leaked-value', items: [] });
    expect(JSON.stringify(found)).not.toContain('leaked-value');
  });

  test('passes a valid body through, transformed to the class', async () => {
    const order = await createValidationPipe().transform(
      { email: 'ada@example.com', items: [{ quantity: 2 }] },
      { type: 'body', metatype: Order },
    );
    expect(order).toBeInstanceOf(Order);
  });

  test('refuses a NUL character in any argument a client sends, at its field, whatever its type', async () => {
    const nul = async (value: unknown, metadata: Parameters<ReturnType<typeof createValidationPipe>['transform']>[1]) => {
      try {
        await createValidationPipe().transform(value, metadata);
      } catch (error) {
        return (error as AppError).validationErrors?.map((e) => `${e.field}:${e.code}`);
      }
      return 'passed';
    };
    expect(await nul({ email: 'a@b.c', note: 'x\u0000', items: [] }, { type: 'body', metatype: Order })).toEqual(['note:NUL_CHARACTER']);
    // A free-form body (no class) is not validated by class-validator, but still walked.
    expect(await nul({ payload: { items: [{}, { name: '\u0000' }] } }, { type: 'body', metatype: Object })).toEqual([
      'payload.items[1].name:NUL_CHARACTER',
    ]);
    expect(await nul({ q: 'a\u0000b' }, { type: 'query', metatype: Object })).toEqual(['q:NUL_CHARACTER']);
    expect(await nul('a\u0000', { type: 'param', data: 'key', metatype: String })).toEqual(['key:NUL_CHARACTER']);
    expect(await nul({ x: 'y\u0000' }, { type: 'body', data: 'payload', metatype: Object })).toEqual(['payload.x:NUL_CHARACTER']);
    // What the application itself passes (the principal) is not the client's input.
    expect(await nul({ id: '\u0000' }, { type: 'custom', metatype: Object })).toBe('passed');
  });
});
