import { dropUndefined } from './objects.js';

/** A customer of the merchant, as the sandbox keeps it. */
export interface SandboxCustomer {
  /** `cus_…`, or the id a test control chose. */
  customerId: string;
  customerEmail?: string;
  /** The merchant's own id for the customer. */
  referenceCustomerId?: string;
  customerName?: string;
  /** Milliseconds. */
  created: number;
}

/** Who a customer is: at least one identifier. */
export interface SandboxCustomerInput {
  customerId?: string;
  customerEmail?: string;
  referenceCustomerId?: string;
  customerName?: string;
}

/** The identifiers a request may name a customer by. */
export interface CustomerIdentifiers {
  customerId?: string;
  customerEmail?: string;
  referenceCustomerId?: string;
}

/** Why identifiers do not lead to one customer; `message` starts with Clink's error name. */
export interface CustomerProblem {
  field: keyof CustomerIdentifiers;
  message: string;
}

/**
 * How the identifiers resolve: an existing customer (with identifiers it does not have yet, to bind), or
 * none (a new customer would be created from them).
 */
export type CustomerResolution =
  | { ok: true; customer: SandboxCustomer | undefined; bind: Pick<SandboxCustomer, 'customerEmail' | 'referenceCustomerId'> }
  | ({ ok: false } & CustomerProblem);

const SECONDARY = ['customerEmail', 'referenceCustomerId'] as const;

/**
 * The merchant's customers. Resolution follows Clink's reference (OpenAPI `SessionCreateReq`, the same
 * identifiers as `POST /payment` and `POST /payment-instrument`): `customerId` is an existing customer and
 * wins, the other identifiers must match that same customer; without it, `customerEmail` and
 * `referenceCustomerId` find the customer, must agree with each other (else `CUSTOMER_IDENTIFIER_NOT_MATCHED`),
 * and a new customer may be created when none matches.
 */
export class CustomerBook {
  readonly #byId = new Map<string, SandboxCustomer>();

  get(customerId: string): SandboxCustomer | undefined {
    return this.#byId.get(customerId);
  }

  list(): SandboxCustomer[] {
    return [...this.#byId.values()];
  }

  /**
   * Reads the identifiers without changing anything. An unknown `customerId` is `CUSTOMER_NOT_FOUND`
   * unless `unknownCustomerId` is `'new'` (test controls may choose a new customer's id; the API cannot).
   */
  resolve(identifiers: CustomerIdentifiers, unknownCustomerId: 'refuse' | 'new' = 'refuse'): CustomerResolution {
    const { customerId } = identifiers;
    const found = SECONDARY.map((field) => ({ field, value: identifiers[field], owner: this.#findBy(field, identifiers[field]) }));
    let customer: SandboxCustomer | undefined;
    if (customerId !== undefined) {
      customer = this.#byId.get(customerId);
      if (!customer && unknownCustomerId === 'refuse') {
        return { ok: false, field: 'customerId', message: `CUSTOMER_NOT_FOUND: customerId ${customerId} names no customer` };
      }
      const other = found.find(({ owner }) => owner !== undefined && owner.customerId !== customerId);
      if (other) return notMatched(other.field, 'customerId');
    } else {
      const [email, reference] = found;
      if (email!.owner && reference!.owner && email!.owner !== reference!.owner) return notMatched('referenceCustomerId', 'customerEmail');
      customer = email!.owner ?? reference!.owner;
    }
    const bind: Pick<SandboxCustomer, 'customerEmail' | 'referenceCustomerId'> = {};
    for (const { field, value, owner } of found) {
      if (value === undefined || owner) continue;
      const known = customer?.[field];
      if (known !== undefined && !sameIdentifier(field, known, value)) return notMatched(field, customerId !== undefined ? 'customerId' : otherOf(field));
      bind[field] = value;
    }
    return { ok: true, customer, bind };
  }

  /** Applies a resolution: binds the new identifiers to the customer found, or creates the customer. */
  commit(
    resolution: Extract<CustomerResolution, { ok: true }>,
    identifiers: CustomerIdentifiers & { customerName?: string },
    create: { id: () => string; now: number },
  ): SandboxCustomer {
    const existing = resolution.customer;
    if (existing) {
      Object.assign(existing, resolution.bind);
      if (existing.customerName === undefined && identifiers.customerName !== undefined) existing.customerName = identifiers.customerName;
      return existing;
    }
    const customer: SandboxCustomer = dropUndefined({
      customerId: identifiers.customerId ?? create.id(),
      customerEmail: identifiers.customerEmail,
      referenceCustomerId: identifiers.referenceCustomerId,
      customerName: identifiers.customerName,
      created: create.now,
    });
    this.#byId.set(customer.customerId, customer);
    return customer;
  }

  #findBy(field: (typeof SECONDARY)[number], value: string | undefined): SandboxCustomer | undefined {
    if (value === undefined) return undefined;
    for (const customer of this.#byId.values()) {
      const known = customer[field];
      if (known !== undefined && sameIdentifier(field, known, value)) return customer;
    }
    return undefined;
  }
}

/** Email addresses are compared without regard to case, as mail systems treat them. */
function sameIdentifier(field: (typeof SECONDARY)[number], a: string, b: string): boolean {
  return field === 'customerEmail' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function otherOf(field: (typeof SECONDARY)[number]): keyof CustomerIdentifiers {
  return field === 'customerEmail' ? 'referenceCustomerId' : 'customerEmail';
}

function notMatched(field: keyof CustomerIdentifiers, against: keyof CustomerIdentifiers): { ok: false } & CustomerProblem {
  return { ok: false, field, message: `CUSTOMER_IDENTIFIER_NOT_MATCHED: ${field} and ${against} name different customers` };
}
