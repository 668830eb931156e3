// `npm start`: build the web app if needed, then run the server (TypeScript through tsx, no compile step).
import { register } from 'tsx/esm/api'
import { ensureWebBuilt } from './web-build.mjs'

process.env.NODE_ENV ??= 'production'
process.env.TZ = 'UTC'
ensureWebBuilt()
register()
await import('../server/src/main.ts')
