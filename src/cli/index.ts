#!/usr/bin/env node
import { processIo } from './io'
import { runCli } from './program'

runCli(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code
})
