import { describe, expect, it } from 'vitest';
import { checkSchema } from './check.js';
import { optional, required, type ObjectSchema } from './language.js';

const person: ObjectSchema = {
  type: 'object',
  fields: {
    name: required({ type: 'string', nonEmpty: true }, 'spec: name'),
    age: optional({ type: 'integer', minimum: 0 }, 'spec: age'),
    tags: optional({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } }, 'spec: tags'),
    labels: optional({ type: 'object', fields: {}, values: { type: 'string' } }, 'spec: labels'),
    seen: optional({ type: 'anyOf', options: [{ type: 'string', format: 'date-time' }, { type: 'integer' }] }, 'spec: seen'),
  },
};

describe('checkSchema', () => {
  it('accepts a value that follows every rule', () => {
    expect(checkSchema(person, { name: 'Ada', age: 36, tags: ['a'], labels: { x: 'y' }, seen: '2026-12-01T10:00:00Z' })).toEqual([]);
    expect(checkSchema(person, { name: 'Ada', seen: 1_764_583_200_000 })).toEqual([]);
  });

  it('names the path, the problem and the source of each broken rule', () => {
    expect(checkSchema(person, { age: 1.5, tags: ['a', 'c'], labels: { x: 1 }, seen: 'yesterday' })).toEqual([
      { path: 'name', message: 'is required', source: 'spec: name' },
      { path: 'age', message: 'must be a whole number, got 1.5' },
      { path: 'tags[1]', message: 'must be one of a, b, got "c"' },
      { path: 'labels.x', message: 'must be a string, got 1' },
      { path: 'seen', message: expect.stringMatching(/^matches none of its allowed forms: must be an ISO 8601 date-time.*; or must be a finite number/) },
    ]);
  });

  it('treats null as a value, not as absent', () => {
    expect(checkSchema(person, { name: 'Ada', age: null })).toEqual([{ path: 'age', message: 'must be a finite number, got null' }]);
  });

  it('reports unknown fields unless told to allow them', () => {
    expect(checkSchema(person, { name: 'Ada', nickname: 'A' })).toEqual([
      { path: 'nickname', message: "is not a field of this object in Clink's reference" },
    ]);
    expect(checkSchema(person, { name: 'Ada', nickname: 'A' }, { unknownFields: 'allow' })).toEqual([]);
  });

  it('checks rules that span fields', () => {
    const order: ObjectSchema = {
      type: 'object',
      fields: { a: optional({ type: 'string' }, 's'), b: optional({ type: 'string' }, 's'), c: optional({ type: 'string' }, 's') },
      rules: [
        { kind: 'at_least_one', fields: ['a', 'b'], source: 'one of a, b' },
        { kind: 'requires', when: 'c', then: ['b'], source: 'c needs b' },
        { kind: 'required_unless', unless: 'a', then: ['c'], source: 'c unless a' },
      ],
    };
    expect(checkSchema(order, { a: 'x' })).toEqual([]);
    expect(checkSchema(order, { c: 'x' })).toEqual([
      { path: 'a', message: 'needs at least one of a, b', source: 'one of a, b' },
      { path: 'b', message: 'is required when c is given', source: 'c needs b' },
    ]);
    expect(checkSchema(order, { b: 'x' })).toEqual([{ path: 'c', message: 'is required unless a is given', source: 'c unless a' }]);
  });

  it('refuses a non-object where an object belongs', () => {
    expect(checkSchema(person, [])).toEqual([{ path: '(root)', message: 'must be an object, got an array' }]);
  });
});
