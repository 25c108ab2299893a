import { describe, expect, it } from 'vitest';
import { ClinkValidationError } from '../errors.js';
import { validateOrderId } from './orderId.js';

describe('validateOrderId', () => {
  it.each(['ord_123', 'A-b.c~d_9', 'x'.repeat(128)])('accepts %s', (id) => {
    expect(validateOrderId(id)).toBe(id);
  });

  it.each([
    ['an empty string', '', /non-empty string/],
    ['a number', 42, /non-empty string, got a number/],
    ['a path traversal', '../admin', /letters, digits/],
    ['a dot segment', '..', /letters, digits/],
    ['a slash', 'ord/1', /letters, digits/],
    ['a query', 'ord?x=1', /letters, digits/],
    ['spaces', 'ord 1', /letters, digits/],
    ['129 characters', 'x'.repeat(129), /1-128/],
  ])('refuses %s with a field error at orderId', (_label, id, message) => {
    let caught: unknown;
    try {
      validateOrderId(id);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ClinkValidationError);
    expect((caught as ClinkValidationError).fields).toEqual([{ path: 'orderId', message: expect.stringMatching(message) as unknown as string }]);
  });
});
