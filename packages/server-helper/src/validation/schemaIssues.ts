import type { ObjectSchema, Schema, SchemaIssue } from '@clink-checkout/protocol/schema';
import type { FieldError } from '../errors.js';

/**
 * Turns the protocol schema's issues into field errors, each with the source of the rule it broke: the
 * issue's own (required fields, cross-field rules) or, for a type or format, the field's.
 */
export function fieldErrorsOf(schema: ObjectSchema, value: Record<string, unknown>, issues: readonly SchemaIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path === '(root)' ? '' : issue.path;
    const source = issue.source ?? sourceAt(schema, path);
    return { path, message: withCaseHint(issue.message, valueAt(value, path)), ...(source === undefined ? {} : { source }) };
  });
}

/** "must be one of WEB, WAP, got "wap"" -> says which spelling is meant, since the casing is the mistake. */
function withCaseHint(message: string, value: unknown): string {
  const options = /^must be one of (.+), got /.exec(message)?.[1]?.split(', ');
  if (options === undefined || typeof value !== 'string') return message;
  const meant = options.find((option) => option.toLowerCase() === value.toLowerCase());
  return meant === undefined ? message : `must be spelled exactly "${meant}", got ${JSON.stringify(value)}`;
}

/** Path segments of `priceDataList[0].unitAmount`: `priceDataList`, `0`, `unitAmount`. */
function segments(path: string): string[] {
  return path === '' ? [] : path.replace(/\[(\d+)\]/g, '.$1').split('.');
}

function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const segment of segments(path)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function sourceAt(schema: Schema, path: string): string | undefined {
  let current: Schema = schema;
  let source: string | undefined;
  for (const segment of segments(path)) {
    if (current.type === 'array' && /^\d+$/.test(segment)) {
      current = current.items;
      continue;
    }
    if (current.type !== 'object') return source;
    const field = current.fields[segment];
    if (field === undefined) return current.values === undefined ? undefined : source;
    source = field.source;
    current = field.schema;
  }
  return source;
}
