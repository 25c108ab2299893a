/**
 * A small, declarative schema language: enough to write down Clink's contract field by field, with
 * where each rule comes from, and to check values against it. Plain data, so a schema can be printed,
 * diffed and read like documentation.
 */

/** String formats Clink's reference states. */
export type StringFormat =
  /** An absolute URL with a scheme. */
  | 'absolute-url'
  /** An ISO 8601 / RFC 3339 date-time, e.g. `2026-12-01T10:00:00Z`. */
  | 'date-time'
  /** Three letters (ISO 4217). */
  | 'currency';

export type Schema =
  | {
      type: 'string';
      enum?: readonly string[];
      /** The `enum` lists the documented values, but the source says others may come (a reader must cope). */
      extensible?: boolean;
      format?: StringFormat;
      nonEmpty?: boolean;
    }
  | { type: 'integer' | 'number'; enum?: readonly number[]; exclusiveMinimum?: number; minimum?: number }
  | { type: 'boolean' }
  | ObjectSchema
  | { type: 'array'; items: Schema }
  /** Any one of the options (e.g. a date-time string or an integer). */
  | { type: 'anyOf'; options: readonly Schema[] };

/** An object with known fields, or a map (`values`) such as `metadata`. */
export interface ObjectSchema {
  type: 'object';
  fields: Readonly<Record<string, Field>>;
  /** When set, every key not in `fields` is allowed and its value must match (string maps). */
  values?: Schema;
  /** Rules that span several fields. */
  rules?: readonly ObjectRule[];
}

/** One field of an object, with where Clink says so. */
export interface Field {
  schema: Schema;
  /** @default false */
  required?: boolean;
  /** Where the rule comes from, e.g. `OpenAPI CreatePaymentApiRequest.returnUrl (required)`. */
  source: string;
}

/** Rules across fields. `source` says where Clink states them. */
export type ObjectRule =
  /** At least one of `fields` is present. */
  | { kind: 'at_least_one'; fields: readonly string[]; source: string }
  /** When `when` is present, every field of `then` is present too. */
  | { kind: 'requires'; when: string; then: readonly string[]; source: string }
  /** Unless `unless` is present, every field of `then` is present. */
  | { kind: 'required_unless'; unless: string; then: readonly string[]; source: string };

/** One way a value breaks a schema: `path` is `priceDataList[0].unitAmount` style. */
export interface SchemaIssue {
  path: string;
  message: string;
  /** The broken rule's source, when the schema names one. */
  source?: string;
}

/** `field(schema, source)` — an optional field. */
export const optional = (schema: Schema, source: string): Field => ({ schema, source });
/** `required(schema, source)` — a field that must be present. */
export const required = (schema: Schema, source: string): Field => ({ schema, source, required: true });
