/**
 * One declaration per kind of operation (create, list, describe, modify, delete) for a resource
 * of the model API, so each resource says only what differs: its names, texts and service call.
 * The OpenAPI entry takes the operation's name once and the right it needs from the rights table.
 *
 * @module
 */
import type { FastifyRequest } from 'fastify'
import type { Static, TObject, TSchema } from 'typebox'
import type { OperationId } from '../auth/operations.js'
import type { Principal } from '../auth/principal.js'
import { principalOf } from './api-guard.js'
import type { Api } from './api-types.js'
import { EMPTY_RESPONSE, sendEmpty } from './empty-reply.js'
import { describeOperation, errorResponses } from './openapi.js'

/** What every operation of one resource shares in the OpenAPI document. */
export interface OperationGroup {
  readonly tags: string[]
  readonly security: { [scheme: string]: string[] }[]
}

/** An operation as the OpenAPI document names and explains it. */
export interface OperationDoc {
  readonly operationId: OperationId
  readonly summary: string
  /** Without the right it needs: that is added from the rights table. */
  readonly description: string
}

/** The OpenAPI fields of an operation: its group's, its name, its summary and its description ending with the right it needs. */
export function operationSchema(group: OperationGroup, { operationId, summary, description }: OperationDoc) {
  return { ...group, operationId, summary, description: describeOperation(operationId, description) }
}

/** A resource of the model API: a collection at `path`, and an item at `path/:ID` whose params schema holds only its ID. */
export interface ItemResource {
  readonly group: OperationGroup
  readonly path: string
  readonly params: TObject<Record<string, TSchema>>
  /** The body of one item, as create, describe and modify answer it. */
  readonly item: TSchema
}

/** The 200 body, presented: what a service call answers through a route. */
type Answer = Promise<unknown>

/** The name of the item's ID parameter: the one property of its params schema. */
function idParam(resource: ItemResource): string {
  const [name, ...others] = Object.keys(resource.params.properties)
  if (name === undefined || others.length > 0) throw new Error(`${resource.path}: the params schema must hold the item's ID alone`)
  return name
}

/** Reads the item's ID from a request's path, which the params schema has validated as an integer. */
function idReader(resource: ItemResource): (request: FastifyRequest) => number {
  const name = idParam(resource)
  return (request) => (request.params as Record<string, number>)[name] as number
}

/** `POST <path>`: makes an item from the body; 409 when its name is in use. */
export function registerCreateOperation<Body extends TSchema>(
  app: Api,
  resource: ItemResource,
  doc: OperationDoc & { readonly body: Body },
  create: (principal: Principal, body: Static<Body>) => Answer,
): void {
  app.post(
    resource.path,
    { schema: { ...operationSchema(resource.group, doc), body: doc.body, response: { 200: resource.item, ...errorResponses(403, 409, 413) } } },
    async (request) => create(principalOf(request), request.body as Static<Body>),
  )
}

/** `GET <path>`: every item, in the list body. */
export function registerListOperation(
  app: Api,
  resource: Pick<ItemResource, 'group' | 'path'>,
  doc: OperationDoc & { readonly list: TSchema },
  list: (principal: Principal) => Answer,
): void {
  app.get(resource.path, { schema: { ...operationSchema(resource.group, doc), response: { 200: doc.list, ...errorResponses(403) } } }, async (request) =>
    list(principalOf(request)),
  )
}

/** `GET <path>/:ID`: one item. */
export function registerDescribeOperation(app: Api, resource: ItemResource, doc: OperationDoc, describe: (principal: Principal, id: number) => Answer): void {
  const idOf = idReader(resource)
  app.get(
    itemPath(resource),
    { schema: { ...operationSchema(resource.group, doc), params: resource.params, response: { 200: resource.item, ...errorResponses(403, 404) } } },
    async (request) => describe(principalOf(request), idOf(request)),
  )
}

/** `POST <path>/:ID`: changes the properties the body sends; 409 when a new name is in use. */
export function registerModifyOperation<Body extends TSchema>(
  app: Api,
  resource: ItemResource,
  doc: OperationDoc & { readonly body: Body },
  modify: (principal: Principal, id: number, body: Static<Body>) => Answer,
): void {
  const idOf = idReader(resource)
  app.post(
    itemPath(resource),
    {
      schema: {
        ...operationSchema(resource.group, doc),
        params: resource.params,
        body: doc.body,
        response: { 200: resource.item, ...errorResponses(403, 404, 409, 413) },
      },
    },
    async (request) => modify(principalOf(request), idOf(request), request.body as Static<Body>),
  )
}

/** `DELETE <path>/:ID`: answers 200 with no body, as the model API does; `conflicts` when something may still hold the item (409). */
export function registerDeleteOperation(
  app: Api,
  resource: ItemResource,
  doc: OperationDoc & { readonly conflicts: boolean },
  remove: (principal: Principal, id: number) => Promise<unknown>,
): void {
  const idOf = idReader(resource)
  const statuses = doc.conflicts ? [403, 404, 409] : [403, 404]
  app.delete(
    itemPath(resource),
    { schema: { ...operationSchema(resource.group, doc), params: resource.params, response: { 200: EMPTY_RESPONSE, ...errorResponses(...statuses) } } },
    async (request, reply) => {
      await remove(principalOf(request), idOf(request))
      return sendEmpty(reply)
    },
  )
}

/** The item's path, as Fastify spells its parameter. */
export function itemPath(resource: ItemResource): string {
  return `${resource.path}/:${idParam(resource)}`
}
