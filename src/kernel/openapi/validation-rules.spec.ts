import { IsInt, IsOptional, Length, Matches, Max } from 'class-validator';
import { defineValidator, IsJsonObject } from '../http/validators.js';
import { undocumentedRules } from './validation-rules.js';

const NAME = /^[a-z]+$/;

class ProbeDto {
  @Length(1, 100) @Matches(NAME)
  name!: string;

  @IsOptional() @IsInt() @Max(10)
  count?: number;

  @IsOptional() @IsJsonObject(1024)
  payload?: object;
}

const complete: Record<string, Record<string, unknown>> = {
  name: { type: 'string', minLength: 1, maxLength: 100, pattern: NAME.source },
  count: { type: 'integer', maximum: 10 },
  payload: { type: 'object' },
};

describe('undocumentedRules', () => {
  test('accepts a schema that states every rule (the byte limit is a documented exception)', () => {
    expect(undocumentedRules(ProbeDto, (p) => complete[p], 'ProbeDto')).toEqual([]);
  });

  test('negative control: a rule without its keyword is reported', () => {
    const { pattern: _pattern, ...name } = complete.name;
    const problems = undocumentedRules(ProbeDto, (p) => (p === 'name' ? name : complete[p]), 'ProbeDto');
    expect(problems).toEqual([expect.stringMatching(/^ProbeDto\.name: rule matches/)]);
  });

  test('a number the server wants whole must be an integer in the schema, and a validated property must be there at all', () => {
    const problems = undocumentedRules(ProbeDto, (p) => (p === 'count' ? { type: 'number', maximum: 10 } : p === 'name' ? undefined : complete[p]), 'ProbeDto');
    expect(problems).toEqual(expect.arrayContaining(['ProbeDto.count: rule isInt([]) is not in its schema', 'ProbeDto.name: validated (isLength) but not in the document']));
  });
});

describe('a custom validator declares its schema beside its check', () => {
  const IsEven = defineValidator({
    name: 'isEvenProbe',
    documentation: () => ({ keywords: { type: 'integer', multipleOf: 2, description: 'An even number.' } }),
    validate: (value) => Number.isInteger(value) && (value as number) % 2 === 0,
    message: (args) => `${args.property} must be even`,
  });
  const IsAfterStart = defineValidator({
    name: 'isAfterStartProbe',
    documentation: () => ({ unstated: 'a rule across fields' }),
    validate: () => true,
    message: () => 'after start',
  });

  class EvenDto {
    @IsEven()
    count!: number;

    @IsAfterStart()
    end!: string;
  }

  test('its keywords must be in the schema (the description appended), a rule it says no keyword states is not asked for', () => {
    expect(undocumentedRules(EvenDto, (p) => (p === 'count' ? { type: 'integer', multipleOf: 2, description: 'Seats. An even number.' } : { type: 'string' }), 'EvenDto')).toEqual([]);
    expect(undocumentedRules(EvenDto, (p) => (p === 'count' ? { type: 'integer' } : { type: 'string' }), 'EvenDto')).toEqual([expect.stringMatching(/^EvenDto\.count: rule isEvenProbe/)]);
  });

  test('a second validator of the same name is refused: the document would describe one of them wrongly', () => {
    expect(() => defineValidator({ name: 'isEvenProbe', documentation: () => ({}), validate: () => true, message: () => '' })).toThrow(/defined twice/);
  });
});
