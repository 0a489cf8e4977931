import { readFileSync } from 'node:fs';
import { problem, type JsonPath, type Problem } from './problem';

/*
 * Checks JSON documents against the Swagger 2.0 definitions that Amazon ships in ask-smapi-model
 * (the same model the ASK CLI and SMAPI SDK are generated from), so a typo or a wrong type is
 * caught here rather than by a failed `ask deploy`. Only the keywords those definitions use are
 * understood. Unlike SMAPI's own lenient parsing, unknown properties are reported: in a file we
 * write by hand they are almost always misspellings.
 */

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  discriminator?: string;
  'x-discriminator-value'?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minProperties?: number;
  pattern?: string;
}

// Read at run time rather than imported: type-checking a 2.6 MB JSON module would slow every `tsc` run.
const definitions = (
  JSON.parse(readFileSync(require.resolve('ask-smapi-model/spec.json'), 'utf8')) as { definitions: Record<string, Schema> }
).definitions;

/**
 * Fields the model marks required that SMAPI accepts without (slot values with no synonyms are
 * what the developer console itself exports); insisting on them would only produce noise.
 */
const OPTIONAL_IN_PRACTICE: Readonly<Record<string, readonly string[]>> = {
  'v1.skill.interactionModel.TypeValueObject': ['synonyms'],
};
for (const [name, fields] of Object.entries(OPTIONAL_IN_PRACTICE)) {
  const target = definitions[name];
  if (target?.required !== undefined) target.required = target.required.filter((field) => !fields.includes(field));
}
const REF_PREFIX = '#/definitions/';

export type DefinitionName =
  | 'v1.skill.Manifest.SkillManifestEnvelope'
  | 'v1.skill.interactionModel.InteractionModelData'
  | 'v1.skill.accountLinking.AccountLinkingRequest';

function definition(ref: string): Schema {
  const found = definitions[ref.replace(REF_PREFIX, '')];
  if (found === undefined) throw new Error(`ask-smapi-model has no definition ${ref}`);
  return found;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = typeOf(value);
  return actual === expected || (expected === 'number' && actual === 'integer');
}

/** Follows `$ref`, picks the sub-type a discriminator names, and merges `allOf` parts into one schema. */
function resolve(schema: Schema, value: unknown): Schema {
  if (schema.$ref !== undefined) {
    const ref = schema.$ref;
    const base = definition(ref);
    if (base.discriminator !== undefined && value !== null && typeof value === 'object') {
      const tag = (value as Record<string, unknown>)[base.discriminator];
      const subtype = Object.values(definitions).find(
        (candidate) => candidate['x-discriminator-value'] === tag && candidate.allOf?.some((part) => part.$ref === ref),
      );
      if (subtype !== undefined) return resolve(subtype, value);
    }
    return resolve(base, value);
  }
  if (schema.allOf === undefined) return schema;
  const properties: Record<string, Schema> = { ...schema.properties };
  const required = [...(schema.required ?? [])];
  let type = schema.type;
  for (const part of schema.allOf.map((item) => resolve(item, undefined))) {
    Object.assign(properties, part.properties);
    required.push(...(part.required ?? []));
    type ??= part.type;
  }
  return { ...schema, allOf: undefined, properties, required, type };
}

/** A schema type as a sentence says it: "an object", "a whole number". */
function typeInWords(type: string): string {
  if (type === 'integer') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  const type = typeOf(value);
  return type === 'integer' || type === 'number' ? 'a number' : typeInWords(type);
}

function check(schema: Schema, value: unknown, file: string, path: JsonPath, out: Problem[]): void {
  const resolved = resolve(schema, value);
  if (resolved.enum !== undefined && !resolved.enum.includes(value)) {
    out.push(problem(file, path, `must be one of ${resolved.enum.map((item) => JSON.stringify(item)).join(', ')}, not ${JSON.stringify(value)}.`));
    return;
  }
  if (resolved.type !== undefined && !typeMatches(resolved.type, value)) {
    out.push(problem(file, path, `must be ${typeInWords(resolved.type)}, not ${describe(value)}.`));
    return;
  }
  if (typeof value === 'string') checkString(resolved, value, file, path, out);
  else if (typeof value === 'number') checkNumber(resolved, value, file, path, out);
  else if (Array.isArray(value)) checkArray(resolved, value, file, path, out);
  else if (value !== null && typeof value === 'object') checkObject(resolved, value as Record<string, unknown>, file, path, out);
}

function checkString(schema: Schema, value: string, file: string, path: JsonPath, out: Problem[]): void {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    out.push(problem(file, path, `must have at least ${schema.minLength} character(s).`));
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    out.push(problem(file, path, `must have at most ${schema.maxLength} characters, not ${value.length}.`));
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
    out.push(problem(file, path, `does not match the pattern ${schema.pattern}.`));
  }
}

function checkNumber(schema: Schema, value: number, file: string, path: JsonPath, out: Problem[]): void {
  if (schema.minimum !== undefined && value < schema.minimum) out.push(problem(file, path, `must be at least ${schema.minimum}.`));
  if (schema.maximum !== undefined && value > schema.maximum) out.push(problem(file, path, `must be at most ${schema.maximum}.`));
}

function checkArray(schema: Schema, value: unknown[], file: string, path: JsonPath, out: Problem[]): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) out.push(problem(file, path, `must have at least ${schema.minItems} item(s).`));
  if (schema.maxItems !== undefined && value.length > schema.maxItems) out.push(problem(file, path, `must have at most ${schema.maxItems} items.`));
  if (schema.items !== undefined) value.forEach((item, index) => check(schema.items!, item, file, [...path, index], out));
}

function checkObject(schema: Schema, value: Record<string, unknown>, file: string, path: JsonPath, out: Problem[]): void {
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) out.push(problem(file, [...path, name], 'is required but missing.'));
  }
  if (schema.minProperties !== undefined && Object.keys(value).length < schema.minProperties) {
    out.push(problem(file, path, `must have at least ${schema.minProperties} entr${schema.minProperties === 1 ? 'y' : 'ies'}.`));
  }
  for (const [name, child] of Object.entries(value)) {
    const declared = schema.properties?.[name];
    if (declared !== undefined) check(declared, child, file, [...path, name], out);
    else if (typeof schema.additionalProperties === 'object') check(schema.additionalProperties, child, file, [...path, name], out);
    else if (schema.properties !== undefined && schema.additionalProperties !== true) {
      const known = Object.keys(schema.properties).join(', ');
      out.push(problem(file, [...path, name], `is not a field Alexa knows here (known: ${known}).`));
    }
  }
}

/** Every way `value` departs from the named SMAPI definition. */
export function checkAgainstDefinition(name: DefinitionName, value: unknown, file: string): Problem[] {
  const out: Problem[] = [];
  check({ $ref: `${REF_PREFIX}${name}` }, value, file, [], out);
  return out;
}
