#!/usr/bin/env node
// The `keyward` command. Keyward runs from its TypeScript sources through tsx's loader, so a
// checkout needs no build step for the server.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
