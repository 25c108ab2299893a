import { describe, expect, it } from 'vitest';
import { CustomerBook, type CustomerIdentifiers } from './customers.js';

let counter = 0;
const create = { id: () => `cus_new_${++counter}`, now: 1 };

function bookWith(...customers: Array<CustomerIdentifiers & { customerName?: string }>): CustomerBook {
  const book = new CustomerBook();
  for (const identifiers of customers) {
    const resolution = book.resolve(identifiers, 'new');
    if (!resolution.ok) throw new Error(resolution.message);
    book.commit(resolution, identifiers, create);
  }
  return book;
}

describe('CustomerBook.resolve', () => {
  const book = () => bookWith({ customerId: 'cus_ada', customerEmail: 'ada@example.com', referenceCustomerId: 'user_1' }, { customerId: 'cus_bob', customerEmail: 'bob@example.com' });

  it.each<[string, CustomerIdentifiers, string | undefined]>([
    ['customerId alone', { customerId: 'cus_ada' }, 'cus_ada'],
    ['email alone, any case', { customerEmail: 'Ada@Example.com' }, 'cus_ada'],
    ['reference alone', { referenceCustomerId: 'user_1' }, 'cus_ada'],
    ['all three agreeing', { customerId: 'cus_ada', customerEmail: 'ada@example.com', referenceCustomerId: 'user_1' }, 'cus_ada'],
    ['an email nobody has', { customerEmail: 'new@example.com' }, undefined],
  ])('finds the customer by %s', (_, identifiers, expected) => {
    const resolution = book().resolve(identifiers);
    expect(resolution).toMatchObject({ ok: true });
    expect(resolution.ok && resolution.customer?.customerId).toBe(expected ?? undefined);
  });

  it.each<[string, CustomerIdentifiers, string, string]>([
    ['an unknown customerId', { customerId: 'cus_nobody' }, 'customerId', 'CUSTOMER_NOT_FOUND: customerId cus_nobody names no customer'],
    ["a customerId with another customer's email", { customerId: 'cus_ada', customerEmail: 'bob@example.com' }, 'customerEmail', 'CUSTOMER_IDENTIFIER_NOT_MATCHED: customerEmail and customerId name different customers'],
    ['a customerId with an email it does not have', { customerId: 'cus_ada', customerEmail: 'other@example.com' }, 'customerEmail', 'CUSTOMER_IDENTIFIER_NOT_MATCHED: customerEmail and customerId name different customers'],
    ['an email and a reference of two customers', { customerEmail: 'bob@example.com', referenceCustomerId: 'user_1' }, 'referenceCustomerId', 'CUSTOMER_IDENTIFIER_NOT_MATCHED: referenceCustomerId and customerEmail name different customers'],
    ['an email with a reference its customer does not have', { customerEmail: 'ada@example.com', referenceCustomerId: 'user_2' }, 'referenceCustomerId', 'CUSTOMER_IDENTIFIER_NOT_MATCHED: referenceCustomerId and customerEmail name different customers'],
  ])('refuses %s, naming the field', (_, identifiers, field, message) => {
    expect(book().resolve(identifiers)).toEqual({ ok: false, field, message });
  });

  it('binds a new identifier to a customer that has none of that kind', () => {
    const customers = book();
    const resolution = customers.resolve({ customerId: 'cus_bob', referenceCustomerId: 'user_2' });
    expect(resolution).toEqual({ ok: true, customer: expect.objectContaining({ customerId: 'cus_bob' }), bind: { referenceCustomerId: 'user_2' } });
    customers.commit(resolution as Extract<typeof resolution, { ok: true }>, { customerId: 'cus_bob', referenceCustomerId: 'user_2' }, create);
    expect(customers.get('cus_bob')).toMatchObject({ customerEmail: 'bob@example.com', referenceCustomerId: 'user_2' });
    expect(customers.resolve({ referenceCustomerId: 'user_2' })).toMatchObject({ ok: true, customer: { customerId: 'cus_bob' } });
  });

  it('creates a customer from the identifiers when none matches, and only on commit', () => {
    const customers = book();
    const resolution = customers.resolve({ customerEmail: 'cy@example.com', referenceCustomerId: 'user_3' });
    expect(customers.list()).toHaveLength(2);
    const created = customers.commit(resolution as Extract<typeof resolution, { ok: true }>, { customerEmail: 'cy@example.com', referenceCustomerId: 'user_3', customerName: 'Cy' }, create);
    expect(created).toEqual({ customerId: expect.stringMatching(/^cus_new_/), customerEmail: 'cy@example.com', referenceCustomerId: 'user_3', customerName: 'Cy', created: 1 });
    expect(customers.list()).toHaveLength(3);
  });

  it('lets a test control choose a new customerId', () => {
    expect(book().resolve({ customerId: 'cus_chosen', customerEmail: 'new@example.com' }, 'new')).toEqual({
      ok: true,
      customer: undefined,
      bind: { customerEmail: 'new@example.com' },
    });
  });
});
