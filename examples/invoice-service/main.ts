/**
 * Runs the example service: `KEYWARD_URL=http://localhost:4119 KEYWARD_SECRET=<a key whose role
 * may verify keys> npx tsx examples/invoice-service/main.ts`, then
 * `curl -H 'Authorization: Bearer <a key with invoices.read>' http://localhost:3000/invoices`.
 *
 * @module
 */
import { Keyward } from '../../packages/client/src/index.js'
import { invoiceService } from './service.js'

const { KEYWARD_URL = 'http://localhost:4119', KEYWARD_SECRET, PORT = '3000' } = process.env
if (!KEYWARD_SECRET) throw new Error('Set KEYWARD_SECRET to a key whose role may verify API keys')
const app = invoiceService(new Keyward({ baseUrl: KEYWARD_URL, secretKey: KEYWARD_SECRET }))
await app.listen({ host: '127.0.0.1', port: Number(PORT) })
console.log(`The invoice service listens on http://127.0.0.1:${PORT}/invoices`)
