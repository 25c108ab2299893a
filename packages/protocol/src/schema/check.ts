import type { ObjectSchema, Schema, SchemaIssue, StringFormat } from './language.js';

export interface CheckOptions {
  /**
   * What to do with fields an object schema does not name. `report` suits what we send and what our
   * sandbox answers (neither may invent fields); `allow` suits what Clink answers (it may add fields).
   * @default 'report'
   */
  unknownFields?: 'report' | 'allow';
}

/**
 * Checks `value` against `schema` and lists every issue (an empty list means it conforms). `null` counts
 * as a value, not as absent: Clink's types never say a field may be `null`.
 */
export function checkSchema(schema: Schema, value: unknown, options: CheckOptions = {}): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  visit(schema, value, '', issues, options.unknownFields ?? 'report');
  return issues;
}

function visit(schema: Schema, value: unknown, path: string, issues: SchemaIssue[], unknown: 'report' | 'allow'): void {
  const fail = (message: string, source?: string): void => {
    issues.push({ path: path || '(root)', message, ...(source && { source }) });
  };
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return fail(`must be a string, got ${describe(value)}`);
      if (schema.nonEmpty && value === '') return fail('must not be empty');
      if (schema.enum && !schema.extensible && !schema.enum.includes(value)) {
        return fail(`must be one of ${schema.enum.join(', ')}, got ${JSON.stringify(value)}`);
      }
      if (schema.format && !FORMATS[schema.format](value)) return fail(`must be ${FORMAT_NAMES[schema.format]}, got ${JSON.stringify(value)}`);
      return;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`must be a finite number, got ${describe(value)}`);
      if (schema.type === 'integer' && !Number.isInteger(value)) return fail(`must be a whole number, got ${value}`);
      if (schema.enum && !schema.enum.includes(value)) return fail(`must be one of ${schema.enum.join(', ')}, got ${value}`);
      if (schema.exclusiveMinimum !== undefined && !(value > schema.exclusiveMinimum)) return fail(`must be above ${schema.exclusiveMinimum}, got ${value}`);
      if (schema.minimum !== undefined && value < schema.minimum) return fail(`must be at least ${schema.minimum}, got ${value}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`must be true or false, got ${describe(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return fail(`must be an array, got ${describe(value)}`);
      value.forEach((item, index) => visit(schema.items, item, `${path}[${index}]`, issues, unknown));
      return;
    case 'anyOf': {
      const attempts = schema.options.map((option) => {
        const found: SchemaIssue[] = [];
        visit(option, value, path, found, unknown);
        return found;
      });
      if (attempts.some((found) => found.length === 0)) return;
      return fail(`matches none of its allowed forms: ${attempts.map((found) => found[0]!.message).join('; or ')}`);
    }
    case 'object':
      return visitObject(schema, value, path, issues, unknown, fail);
    default:
      return schema satisfies never;
  }
}

function visitObject(
  schema: ObjectSchema,
  value: unknown,
  path: string,
  issues: SchemaIssue[],
  unknown: 'report' | 'allow',
  fail: (message: string, source?: string) => void,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(`must be an object, got ${describe(value)}`);
  const record = value as Record<string, unknown>;
  const present = (key: string) => Object.prototype.hasOwnProperty.call(record, key) && record[key] !== undefined;
  const at = (key: string) => (path ? `${path}.${key}` : key);

  for (const [key, field] of Object.entries(schema.fields)) {
    if (present(key)) visit(field.schema, record[key], at(key), issues, unknown);
    else if (field.required) issues.push({ path: at(key), message: 'is required', source: field.source });
  }
  for (const key of Object.keys(record)) {
    if (Object.prototype.hasOwnProperty.call(schema.fields, key) || record[key] === undefined) continue;
    if (schema.values) visit(schema.values, record[key], at(key), issues, unknown);
    else if (unknown === 'report') issues.push({ path: at(key), message: 'is not a field of this object in Clink\'s reference' });
  }
  for (const rule of schema.rules ?? []) {
    switch (rule.kind) {
      case 'at_least_one':
        if (!rule.fields.some(present)) issues.push({ path: at(rule.fields[0]!), message: `needs at least one of ${rule.fields.join(', ')}`, source: rule.source });
        break;
      case 'requires':
        if (present(rule.when)) {
          for (const key of rule.then) if (!present(key)) issues.push({ path: at(key), message: `is required when ${rule.when} is given`, source: rule.source });
        }
        break;
      case 'required_unless':
        if (!present(rule.unless)) {
          for (const key of rule.then) if (!present(key)) issues.push({ path: at(key), message: `is required unless ${rule.unless} is given`, source: rule.source });
        }
        break;
      default:
        rule satisfies never;
    }
  }
}

const FORMATS: Record<StringFormat, (value: string) => boolean> = {
  'absolute-url': (value) => /^[a-z][a-z\d+.-]*:/i.test(value) && canParseUrl(value),
  'date-time': (value) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i.test(value) && !Number.isNaN(Date.parse(value)),
  currency: (value) => /^[A-Za-z]{3}$/.test(value),
};

const FORMAT_NAMES: Record<StringFormat, string> = {
  'absolute-url': 'an absolute URL',
  'date-time': 'an ISO 8601 date-time',
  currency: 'a three-letter ISO 4217 currency code',
};

function canParseUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
