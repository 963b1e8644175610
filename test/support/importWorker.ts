/** What the import-worker tests share: the four-page PDF they import, and an import expected to stop. */
import { expect } from 'vitest'
import { ImportWorkerError } from '../../src/main/services/import/runner'

/** Our own export of the test report as a PDF: 4 pages, 200 table values. */
export const SAME_REPORT_PDF = { kind: 'file', path: new URL('../fixtures/same-report/report.pdf', import.meta.url).pathname, name: 'report.pdf' } as const

/** The error an import ended with; fails the test when it did not end with an ImportWorkerError. */
export async function stopped(pending: Promise<unknown>): Promise<ImportWorkerError> {
  const error = await pending.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ImportWorkerError)
  return error as ImportWorkerError
}
