export { checkSchema, type CheckOptions } from './check.js';
export type { Field, ObjectRule, ObjectSchema, Schema, SchemaIssue, StringFormat } from './language.js';
export * from './clink-api.js';
