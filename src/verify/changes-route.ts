import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { API_KEY_OPERATION } from '../apikeys/routes/common.js'
import { principalOf } from '../http/api-guard.js'
import { describeOperation, errorResponses } from '../http/openapi.js'
import type { KeyChangeStream } from './key-changes.js'
import { KeyChangeSchema, type KeyChange } from './schema.js'

const HEARTBEAT_MS = 15_000

const QuerySchema = Type.Object(
  {
    since: Type.Optional(Type.Integer({ minimum: 0, description: 'Resume after this event ID (as Last-Event-ID does; the header wins).' })),
    follow: Type.Optional(Type.Boolean({ description: 'false: send the changes since the resume point, then end. Default true: keep the stream open.' })),
  },
  { additionalProperties: false },
)

function lastEventIdOf(header: string | string[] | undefined): number | undefined {
  const text = Array.isArray(header) ? header[0] : header
  return text !== undefined && /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : undefined
}

function eventText(change: KeyChange): string {
  return `id: ${change.id}\nevent: ${change.action}\ndata: ${JSON.stringify(change)}\n\n`
}

/**
 * `GET /apikeys/changes`: Server-Sent Events of the changes that can make a verification a
 * client cached wrong. Every event's ID is an audit-log ID, so `Last-Event-ID` (or `since`)
 * resumes exactly where a client left off, across reconnects and Keyward restarts.
 */
export const keyChangeRoutes: FastifyPluginAsyncTypebox<{ changes: KeyChangeStream }> = async (app, { changes }) => {
  const open = new Set<FastifyReply>()
  app.addHook('preClose', async () => {
    for (const reply of open) reply.raw.end()
  })

  app.get(
    '/apikeys/changes',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'streamApiKeyChanges',
        summary: 'Stream API Key Changes (Keyward extension)',
        description: describeOperation(
          'streamApiKeyChanges',
          'Server-Sent Events (text/event-stream) of every change that can make a cached verification wrong: apikey.modify, apikey.lock, apikey.auto_lock, apikey.unlock, apikey.delete, apikey.new_secret, role.modify and role.delete. Each event has the audit entry\'s ID as its event ID and `{"id", "action", "time", "keyID" or "roleID", "fields"}` as data (for a role, every key of that role is affected). The first event, `ready`, carries the resume point. Send `Last-Event-ID` (or `since`) to resume after an event; nothing is lost across reconnects or restarts.',
        ),
        querystring: QuerySchema,
        // The schema is each change event's data, for clients to type their events by.
        response: { 200: { description: 'A stream of events.', content: { 'text/event-stream': { schema: KeyChangeSchema } } }, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      changes.authorize(principalOf(request))
      const start = lastEventIdOf(request.headers['last-event-id']) ?? request.query.since ?? (await changes.latestId())
      const follow = request.query.follow !== false
      const sent = new Set<number>()
      let last = start
      const write = (list: readonly KeyChange[]) => {
        for (const change of list) {
          if (change.id <= start || sent.has(change.id)) continue
          sent.add(change.id)
          last = Math.max(last, change.id)
          reply.raw.write(eventText(change))
        }
      }
      // Live changes are held until the backlog is out, so none is lost between the two.
      const held: KeyChange[] = []
      let isLive = false
      const unsubscribe = follow ? changes.subscribe((list) => (isLive ? write(list) : held.push(...list))) : () => {}

      reply.hijack()
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      })
      reply.raw.write(`retry: 1000\nid: ${start}\nevent: ready\ndata: ${JSON.stringify({ id: start })}\n\n`)
      try {
        for (let page = await changes.after(start); page.length > 0; page = await changes.after(last)) {
          const before = last
          write(page)
          if (last === before) break
        }
      } catch (error) {
        unsubscribe()
        request.log.warn({ err: error }, 'could not read key changes; the client will reconnect')
        reply.raw.end()
        return
      }
      if (!follow) {
        reply.raw.end()
        return
      }
      isLive = true
      write(held)
      open.add(reply)
      const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), HEARTBEAT_MS)
      heartbeat.unref()
      reply.raw.on('close', () => {
        clearInterval(heartbeat)
        unsubscribe()
        open.delete(reply)
      })
    },
  )
}
