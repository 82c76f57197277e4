/**
 * HTTP edge: request parsing, schema validation and the one error handler.
 * Every failure becomes `{ error: { code, message, field } }` with a 4xx, or
 * a generic 500 that never carries internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import secureJson from 'secure-json-parse';
import { isAppError, type ErrorKind } from '../lib/errors.js';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
  rate_limited: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

/** Ajv instances: bodies are never coerced or stripped (wrong types and unknown fields are refused); query strings and params are coerced from text. */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
    useDefaults: true,
    allErrors: false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

function fieldOf(err: ErrorObject, part: string): string {
  const base = err.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const params = err.params as { missingProperty?: string; additionalProperty?: string };
  const extra = params.missingProperty ?? params.additionalProperty;
  const field = [base, extra].filter(Boolean).join('.');
  return field === '' ? part : field;
}

function messageOf(err: ErrorObject, field: string): string {
  const params = err.params as { additionalProperty?: string; missingProperty?: string };
  switch (err.keyword) {
    case 'additionalProperties':
      return `Unknown field "${params.additionalProperty ?? field}".`;
    case 'required':
      return `"${params.missingProperty ?? field}" is required.`;
    default:
      return `"${field}" ${err.message ?? 'is invalid'}.`;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Fastify options that make validation ours in every scope. (A compiler set
 * with setValidatorCompiler is dropped by child scopes that add schemas, so
 * the factory route is the one that holds everywhere.)
 */
export function validationOptions() {
  return {
    schemaController: {
      compilersFactory: {
        buildValidator: (externalSchemas: unknown) => {
          const bodyAjv = makeAjv(false);
          const queryAjv = makeAjv(true);
          for (const schema of Object.values((externalSchemas ?? {}) as Record<string, object>)) {
            bodyAjv.addSchema(schema);
            queryAjv.addSchema(schema);
          }
          return ({ schema, httpPart }: { schema: unknown; httpPart?: string }) =>
            (httpPart === 'body' ? bodyAjv : queryAjv).compile(schema as object);
        },
      },
    },
    schemaErrorFormatter: (errors: FastifySchemaValidationError[], dataVar: string): Error => {
      const first = errors[0] as ErrorObject | undefined;
      const part = dataVar === 'querystring' ? 'query' : dataVar;
      const field = first ? fieldOf(first, part) : part;
      const err = new Error(first ? messageOf(first, field) : 'Invalid request.') as Error & { field: string; part: string };
      err.field = field;
      err.part = part;
      return err;
    },
  };
}

export function installHttpEdge(app: FastifyInstance): void {
  // JSON bodies: refuse invalid UTF-8 and prototype-poisoning keys instead of silently accepting them.
  // Only JSON bodies by default: a text/plain body is answered 415, not parsed as a string.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = UTF8.decode(body);
    } catch {
      done(Object.assign(new Error('The request body is not valid UTF-8.'), { statusCode: 400, code: 'INVALID_ENCODING' }), undefined);
      return;
    }
    if (text.trim() === '') {
      done(Object.assign(new Error('The request body is empty.'), { statusCode: 400, code: 'EMPTY_BODY' }), undefined);
      return;
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(Object.assign(new Error('The request body is not valid JSON.'), { statusCode: 400, code: 'INVALID_JSON' }), undefined);
    }
  });

  app.setErrorHandler((error: FastifyError & { field?: string; part?: string }, request, reply) => {
    if (isAppError(error)) {
      return sendError(reply, STATUS_BY_KIND[error.kind], error.code, error.message, error.field, error.extra);
    }
    if (error.validation) {
      return sendError(reply, 400, 'VALIDATION_FAILED', error.message, error.field);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendError(reply, status, clientCode(error, status), clientMessage(error, status));
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, 'INTERNAL', 'Something went wrong on our side. It has been logged; please try again.');
  });
}

function clientCode(error: FastifyError, status: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'EMPTY_BODY';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'INVALID_CONTENT_LENGTH';
    case undefined:
      return status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    default:
      return /^[A-Z_]+$/.test(error.code) && !error.code.startsWith('FST_') ? error.code : status === 413 ? 'BODY_TOO_LARGE' : 'BAD_REQUEST';
  }
}

function clientMessage(error: FastifyError, status: number): string {
  if (status === 413) return 'The request body is too large.';
  if (status === 415) return 'This content type is not accepted here.';
  if (error.code && !error.code.startsWith('FST_')) return error.message;
  return 'The request could not be understood.';
}

/** `extra` adds members beside `error` (never replacing it), for answers that carry more, like a conflict's current story. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string, field?: string, extra?: Readonly<Record<string, unknown>>): FastifyReply {
  const body = extra ? { ...extra, ...errorBody(code, message, field) } : errorBody(code, message, field);
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
}

/** JSON 404 for unknown API routes. */
export function apiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, 404, 'ROUTE_NOT_FOUND', `No such endpoint: ${request.method} ${request.url.split('?')[0] ?? ''}`.slice(0, 300));
}
