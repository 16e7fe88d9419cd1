// OpenAPI helpers: one Problem schema for every problem+json answer, and one decorator per route
// that writes its summary, description, success schema and the error answers its kind can give.
import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels, ApiNoContentResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath, type ReferenceObject, type SchemaObject,
} from '@nestjs/swagger';

export class FieldErrorView {
  @ApiProperty({ description: 'the field, dotted for nested ones (`args.count`, `env.TOKEN`)', example: 'workspaceId' })
  field!: string;
  @ApiProperty({ example: 'must be a ws_ id' }) message!: string;
}

/** RFC 9457 problem details, as every Patchbay-native error answers. */
export class Problem {
  @ApiProperty({ description: 'a URI naming the kind of problem', example: 'https://patchbay.dev/problems/validation-failed' })
  type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'workspaceId must be a ws_ id' }) detail!: string;
  @ApiProperty({ description: 'a stable, machine-readable code', example: 'validation_failed' }) code!: string;
  @ApiPropertyOptional({ description: 'the request path' }) instance?: string;
  @ApiPropertyOptional({ description: 'echoes the x-request-id header' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorView], description: 'one entry per bad field (validation only)' }) errors?: FieldErrorView[];
  @ApiPropertyOptional({ description: 'present when a person must authorize an upstream first (code oauth_authorization_required)' })
  authorizationUrl?: string;
}

const PROBLEM_TEXT: Record<number, string> = {
  400: 'The request is malformed or a field is invalid (`errors` names each field)',
  401: 'Missing or invalid bearer token (`WWW-Authenticate: Bearer`)',
  403: 'The bearer is known but lacks the scope or role this route needs',
  404: 'No such resource, or it belongs to another workspace',
  409: 'The request conflicts with the current state (e.g. a duplicate name)',
  413: 'The body is larger than 1 MiB',
  429: 'Rate limit exceeded; see `Retry-After`',
  502: 'The upstream MCP server failed or could not be reached',
  504: 'The upstream MCP server did not answer in time',
};

/**
 * The error answers a route of each kind can give:
 * - `public`: no bearer needed; `list`: a collection read; `read`: one resource by id;
 * - `create`, `update`, `delete`: writes; `upstream`: a write that talks to the MCP server.
 */
export type RouteKind = 'public' | 'list' | 'read' | 'create' | 'update' | 'delete' | 'upstream';

const KIND_STATUSES: Record<RouteKind, number[]> = {
  public: [400],
  list: [400, 401, 403, 429],
  read: [400, 401, 403, 404, 429],
  create: [400, 401, 403, 404, 409, 413, 429],
  update: [400, 401, 403, 404, 409, 413, 429],
  delete: [400, 401, 403, 404, 429],
  upstream: [400, 401, 403, 404, 409, 429, 502, 504],
};

/** problem+json answers for these statuses, all with the one `Problem` schema. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(Problem),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_TEXT[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } },
      }),
    ),
  );
}

export interface RouteDoc {
  summary: string;
  description: string;
  kind: RouteKind;
  /** the success body: a view class, [class] for a plain array, or a schema object; omitted for 204 */
  ok?: Type<unknown> | [Type<unknown>] | SchemaObject;
  /** success status (default 200; 204 has no body) */
  status?: number;
  okDescription?: string;
  /** statuses beyond the kind's usual ones */
  also?: number[];
  /** classes a schema object above refers to with getSchemaPath */
  models?: Array<Type<unknown>>;
  /** error answers in another shape (compatible surfaces): replaces the Problem responses */
  errors?: { schema: SchemaObject | ReferenceObject; contentType?: string; statuses?: number[] };
}

/** One decorator per route: operation text, success schema and error answers. */
export function ApiRoute(doc: RouteDoc): MethodDecorator {
  const status = doc.status ?? 200;
  const decorators: MethodDecorator[] = [ApiOperation({ summary: doc.summary, description: doc.description })];
  if (doc.models?.length) decorators.push(ApiExtraModels(...doc.models));
  const okDescription = doc.okDescription ?? (status === 201 ? 'Created' : 'OK');
  if (status === 204) decorators.push(ApiNoContentResponse({ description: doc.okDescription ?? 'Done; no body' }));
  else if (typeof doc.ok === 'function') decorators.push(ApiResponse({ status, description: okDescription, type: doc.ok }));
  else if (Array.isArray(doc.ok)) decorators.push(ApiResponse({ status, description: okDescription, type: doc.ok[0], isArray: true }));
  else if (doc.ok) decorators.push(ApiResponse({ status, description: okDescription, schema: doc.ok }));
  const statuses = [...new Set([...(doc.errors?.statuses ?? KIND_STATUSES[doc.kind]), ...(doc.also ?? [])])].sort();
  if (doc.errors) {
    const { schema, contentType = 'application/json' } = doc.errors;
    for (const s of statuses) {
      decorators.push(ApiResponse({ status: s, description: PROBLEM_TEXT[s] ?? 'Error', content: { [contentType]: { schema } } }));
    }
  } else {
    decorators.push(ApiProblems(...statuses));
  }
  return applyDecorators(...decorators);
}

const pageClasses = new Map<Type<unknown>, Type<unknown>>();

/** `{ data: [T], nextCursor }` as a named schema (`<T>Page`), so generated clients type `data` too. */
export function PageOf<T>(item: Type<T>): Type<{ data: T[]; nextCursor: string | null }> {
  const known = pageClasses.get(item);
  if (known) return known as Type<{ data: T[]; nextCursor: string | null }>;
  class Page {
    @ApiProperty({ type: [item] }) data!: T[];
    @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
    nextCursor!: string | null;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/View$/, '')}Page` });
  pageClasses.set(item, Page);
  return Page;
}
