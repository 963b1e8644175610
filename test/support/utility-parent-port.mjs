// Loaded with `--import` into the Node process that plays an Electron utility process in tests
// (electron-mock.ts): `process.parentPort` as Electron gives it — postMessage, and 'message'
// events carrying `{ data }` — over the Node IPC channel. Like a utility process, it ends with
// its parent.
import { EventEmitter } from 'node:events'

const port = new EventEmitter()
port.postMessage = (message) => process.send?.(message, undefined, {}, () => undefined)
process.on('message', (data) => port.emit('message', { data, ports: [] }))
process.on('disconnect', () => process.exit(0))
process.parentPort = port
