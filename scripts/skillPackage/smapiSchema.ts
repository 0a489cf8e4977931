import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { problem, type JsonPath, type Problem } from './problem';

/*
 * Checks JSON documents against the Swagger 2.0 definitions that Amazon ships in ask-smapi-model
 * (the same model the ASK CLI and SMAPI SDK are generated from), with Ajv, so a typo or a wrong
 * type is caught here rather than by a failed deploy. Swagger 2.0 is not quite JSON Schema, so the
 * definitions are translated once: `allOf` parts are merged (so a sub-type's fields are known in
 * one place), a `discriminator` picks the sub-type its tag names, and, unlike SMAPI's lenient
 * parsing, unknown fields are reported: in a file written by hand they are almost always typos.
 */

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  discriminator?: string;
  'x-discriminator-value'?: string;
  [keyword: string]: unknown;
}

export type DefinitionName =
  | 'v1.skill.Manifest.SkillManifestEnvelope'
  | 'v1.skill.interactionModel.InteractionModelData'
  | 'v1.skill.accountLinking.AccountLinkingRequest';

const REF_PREFIX = '#/definitions/';
/** The merged schema of a discriminated base, without the dispatch to its sub-types. */
const BASE_SUFFIX = '__base';

/**
 * Fields the model marks required that SMAPI accepts without (slot values with no synonyms are
 * what the developer console itself exports); insisting on them would only produce noise.
 */
const OPTIONAL_IN_PRACTICE: Readonly<Record<string, readonly string[]>> = {
  'v1.skill.interactionModel.TypeValueObject': ['synonyms'],
};

/** Swagger 2.0 definitions → JSON Schema definitions Ajv can check with unknown fields refused. */
function translate(swagger: Record<string, Schema>): Record<string, Schema> {
  const merged = new Map<string, Schema>();
  const mergedOf = (name: string): Schema => {
    const done = merged.get(name);
    if (done !== undefined) return done;
    const source = swagger[name];
    if (source === undefined) throw new Error(`ask-smapi-model has no definition ${name}`);
    const { allOf, discriminator: _tag, ...own } = source;
    const schema: Schema = { ...own, properties: { ...own.properties }, required: [...(own.required ?? [])] };
    for (const part of allOf ?? []) {
      const resolved = part.$ref !== undefined ? mergedOf(part.$ref.slice(REF_PREFIX.length)) : part;
      Object.assign(schema.properties!, resolved.properties);
      schema.required!.push(...(resolved.required ?? []));
      schema.type ??= resolved.type;
    }
    const optional = OPTIONAL_IN_PRACTICE[name] ?? [];
    schema.required = [...new Set(schema.required)].filter((field) => !optional.includes(field));
    if (Object.keys(schema.properties!).length === 0) delete schema.properties;
    else schema.additionalProperties ??= false;
    merged.set(name, schema);
    return schema;
  };

  const out: Record<string, Schema> = {};
  for (const [name, source] of Object.entries(swagger)) {
    const base = mergedOf(name);
    const tag = source.discriminator;
    if (tag === undefined) {
      out[name] = base;
      continue;
    }
    // The tag's value picks the sub-type (those whose allOf extends this definition); an unknown tag gets the base.
    out[`${name}${BASE_SUFFIX}`] = base;
    const subtypes = Object.entries(swagger).filter(([, candidate]) => candidate['x-discriminator-value'] !== undefined
      && candidate.allOf?.some((part) => part.$ref === `${REF_PREFIX}${name}`));
    out[name] = subtypes.reduceRight<Schema>(
      (otherwise, [subtype, candidate]) => ({
        if: { type: 'object', properties: { [tag]: { const: candidate['x-discriminator-value'] } }, required: [tag] },
        then: { $ref: `${REF_PREFIX}${subtype}` },
        else: otherwise,
      }),
      { $ref: `${REF_PREFIX}${name}${BASE_SUFFIX}` },
    );
  }
  return out;
}

// Read at run time rather than imported: type-checking a 2.6 MB JSON module would slow every `tsc` run.
const definitions = translate(
  (JSON.parse(readFileSync(require.resolve('ask-smapi-model/spec.json'), 'utf8')) as { definitions: Record<string, Schema> }).definitions,
);
// strict: false lets Swagger's own keywords (x-…, discriminator values, formats like int32) pass unread.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, verbose: true });
ajv.addSchema({ definitions }, 'smapi');
const validators = new Map<DefinitionName, ValidateFunction>();

function validatorFor(name: DefinitionName): ValidateFunction {
  let validate = validators.get(name);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `smapi${REF_PREFIX}${name}` });
    validators.set(name, validate);
  }
  return validate;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
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

/** `/a/0/b~1c` → `['a', 0, 'b/c']`. */
function pathOf(pointer: string, document: unknown): JsonPath {
  const path: (string | number)[] = [];
  let node = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = Array.isArray(node) ? Number(key) : Number.NaN;
    path.push(Number.isInteger(index) ? index : key);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

/** One Ajv error as the sentence `npm run validate` prints, or undefined for the dispatch's own bookkeeping. */
function sentenceFor(error: ErrorObject, document: unknown, file: string): Problem | undefined {
  const at = pathOf(error.instancePath, document);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return problem(file, at, `must be ${typeInWords(String(params.type))}, not ${describe(error.data)}.`);
    case 'enum':
      return problem(file, at, `must be one of ${(params.allowedValues as unknown[]).map((item) => JSON.stringify(item)).join(', ')}, not ${JSON.stringify(error.data)}.`);
    case 'required':
      return problem(file, [...at, String(params.missingProperty)], 'is required but missing.');
    case 'additionalProperties': {
      const known = Object.keys((error.parentSchema as Schema | undefined)?.properties ?? {}).join(', ');
      return problem(file, [...at, String(params.additionalProperty)], `is not a field Alexa knows here (known: ${known}).`);
    }
    case 'minLength':
      return problem(file, at, `must have at least ${String(params.limit)} character(s).`);
    case 'maxLength':
      return problem(file, at, `must have at most ${String(params.limit)} characters, not ${String((error.data as string).length)}.`);
    case 'minItems':
      return problem(file, at, `must have at least ${String(params.limit)} item(s).`);
    case 'maxItems':
      return problem(file, at, `must have at most ${String(params.limit)} items.`);
    case 'minimum':
      return problem(file, at, `must be at least ${String(params.limit)}.`);
    case 'maximum':
      return problem(file, at, `must be at most ${String(params.limit)}.`);
    case 'minProperties':
      return problem(file, at, `must have at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}.`);
    case 'pattern':
      return problem(file, at, `does not match the pattern ${String(params.pattern)}.`);
    case 'if':
      return undefined;
    default:
      return problem(file, at, `${error.message ?? 'is not what Alexa expects'}.`);
  }
}

/** Every way `value` departs from the named SMAPI definition. */
export function checkAgainstDefinition(name: DefinitionName, value: unknown, file: string): Problem[] {
  const validate = validatorFor(name);
  if (validate(value)) return [];
  const problems = (validate.errors ?? []).map((error) => sentenceFor(error, value, file)).filter((found): found is Problem => found !== undefined);
  // A value of the wrong type is reported once, not also for the values its enum allows.
  const wrongType = new Set(problems.filter((found) => found.message.startsWith('must be a') && found.message.includes(', not ')).map((found) => found.path));
  const seen = new Set<string>();
  return problems.filter((found) => {
    if (wrongType.has(found.path) && found.message.startsWith('must be one of')) return false;
    const key = `${found.path}\u0000${found.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
