import path from 'node:path';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, ValidationContext, type Operation } from 'openapi-backend';
import type { OpenAPIV3 } from 'openapi-types';

/*
 * The Spotify OpenAPI spec as the contract suite's judge. openapi-backend routes a method and a
 * path to the spec's operation (path templates included) and validates parameters, bodies and
 * responses with Ajv, after resolving every $ref; Ajv understands OpenAPI 3.0's `nullable`.
 */

export const SPEC_FILE = path.join(__dirname, '..', '..', 'spec', 'spotify-openapi.yml');

/** A request as sent on the wire, below the API's base path (`/v1`). */
export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
  readonly body?: unknown;
}

/**
 * The spec gives no schema for these statuses on some operations, yet Spotify sends them with its
 * usual error object (a 404 NO_ACTIVE_DEVICE on play, a 404 for a deleted playlist, a 400 for a
 * bad limit). They are checked against the spec's shared response of the same meaning.
 */
const SHARED_ERROR_RESPONSES: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  429: 'TooManyRequests',
};

export interface SpotifySpec {
  readonly document: OpenAPIV3.Document;
  /** The operation that `request` is, if the spec has one. */
  operationFor(request: Pick<WireRequest, 'method' | 'path'>): Operation | undefined;
  /** Why `request` is not a valid call of a current (not deprecated) operation; empty when it is. */
  requestProblems(request: WireRequest): string[];
  /** Why `body` is not what the spec says `request` may be answered with `status`; empty when it is. */
  responseProblems(request: Pick<WireRequest, 'method' | 'path'>, status: number, body: unknown): string[];
}

export async function loadSpotifySpec(): Promise<SpotifySpec> {
  const api = new OpenAPIBackend({
    definition: SPEC_FILE,
    // Skips checking the 7,500-line document itself (seconds), not the validation of messages.
    quick: true,
    validate: true,
    customizeAjv: (ajv) => addFormats(ajv),
  });
  await api.init();
  const document = api.definition as OpenAPIV3.Document;
  const responseAjv = api.validator.getAjv(ValidationContext.Response);

  const operationFor = (request: Pick<WireRequest, 'method' | 'path'>): Operation | undefined =>
    api.router.matchOperation({ method: request.method.toLowerCase(), path: request.path, headers: {} }) || undefined;

  const problemsWith = (schema: object | undefined, value: unknown, what: string): string[] => {
    if (schema === undefined) return [`the spec has no schema for ${what}`];
    const validate = responseAjv.compile(schema);
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${what}${error.instancePath} ${error.message ?? ''}`);
  };

  const sharedErrorProblems = (status: number, body: unknown): string[] => {
    const name = SHARED_ERROR_RESPONSES[status];
    if (name !== undefined) {
      const response = document.components?.responses?.[name] as OpenAPIV3.ResponseObject | undefined;
      return problemsWith(response?.content?.['application/json']?.schema, body, `${name} response`);
    }
    if (status < 500) return [`status ${status} is in neither the operation nor the spec's shared responses`];
    // No server error is in the spec, but its ErrorObject allows statuses up to 599: they share its shape.
    const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    return problemsWith(document.components?.schemas?.ErrorObject, error, 'error');
  };

  return {
    document,
    operationFor,

    requestProblems(request) {
      const operation = operationFor(request);
      if (operation === undefined) return [`${request.method} ${request.path} is not an operation of the spec`];
      const problems: string[] = [];
      if (operation.deprecated) problems.push(`${operation.operationId} is deprecated`);
      const result = api.validator.validateRequest(
        {
          method: request.method.toLowerCase(),
          path: request.path,
          query: { ...request.query },
          headers: { 'content-type': 'application/json', ...(request.headers as Record<string, string>) },
          body: request.body,
        },
        operation,
      );
      for (const error of result.errors ?? []) problems.push(`${error.instancePath} ${error.message ?? ''}`);
      const parameters = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
      for (const name of Object.keys(request.query)) {
        const parameter = parameters.find((candidate) => candidate.in === 'query' && candidate.name === name);
        if (parameter?.deprecated || (parameter?.schema as OpenAPIV3.SchemaObject | undefined)?.deprecated) problems.push(`query ${name} is deprecated`);
      }
      const bodySchema = (operation.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content['application/json']?.schema as
        | OpenAPIV3.SchemaObject
        | undefined;
      if (request.body !== undefined && bodySchema === undefined) problems.push(`${operation.operationId} takes no JSON body`);
      for (const name of Object.keys((request.body as object | undefined) ?? {})) {
        if ((bodySchema?.properties?.[name] as OpenAPIV3.SchemaObject | undefined)?.deprecated) problems.push(`body field ${name} is deprecated`);
      }
      return problems;
    },

    responseProblems(request, status, body) {
      const operation = operationFor(request);
      // Spotify answers an unknown path with its usual 404 error object.
      if (operation === undefined) return status === 404 ? sharedErrorProblems(status, body) : [`${request.method} ${request.path}: no such operation`];
      const declared = operation.responses?.[String(status)] as OpenAPIV3.ResponseObject | undefined;
      if (declared === undefined) {
        if (status < 400) return [`${operation.operationId} does not declare status ${status}`];
        return sharedErrorProblems(status, body);
      }
      if (declared.content === undefined) return body === undefined ? [] : [`${operation.operationId} ${status} has no body, got one`];
      if (body === undefined) return [`${operation.operationId} ${status} needs a body`];
      const result = api.validator.validateResponse(body, operation, status);
      return (result.errors ?? []).map((error) => `body${error.instancePath} ${error.message ?? ''}`);
    },
  };
}
