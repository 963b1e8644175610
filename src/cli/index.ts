#!/usr/bin/env node
import { installLastResortHandlers } from '../main/services/lastResort'
import { disposeCliImporter } from './importer'
import { processIo } from './io'
import { runCli } from './program'

// Nothing should reach these (imports run in a worker that contains its own failures); if
// something does, it is one line on stderr, not a stack trace and a dead command.
installLastResortHandlers((line) => process.stderr.write(`错误：${line}\n`))

runCli(process.argv.slice(2), processIo)
  .then((code) => {
    process.exitCode = code
  })
  // The import worker, if a command started one, would keep the process alive.
  .finally(() => disposeCliImporter())
