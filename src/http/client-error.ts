import type { FastifyInstance } from 'fastify'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { ErrorCode } from '../errors/error-codes.js'
import { KeywardError } from '../errors/keyward-error.js'
import { translate } from '../i18n/translate.js'

function codeOf(error: NodeJS.ErrnoException): ErrorCode {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request.timeout'
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'request.headers_too_large'
  return 'request.malformed'
}

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (bad header bytes,
 * headers over the size limit, a malformed request line, a request or its headers too slow to
 * arrive) in Keyward's `{"message","code"}` shape, then closes the connection. No headers were
 * read, so the message is in English.
 */
export function answerClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const refusal = new KeywardError(codeOf(error))
  this.log.info({ code: refusal.code, parserCode: error.code, remoteAddress: socket.remoteAddress }, 'request refused by the HTTP parser')
  // As Node itself does: no answer in the middle of one already on its way (a refusal sent
  // before the body arrived, say).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent: boolean } })._httpMessage
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify({ message: translate(refusal.code, 'en-US'), code: refusal.code })
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy(error)
}
