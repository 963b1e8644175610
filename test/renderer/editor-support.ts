/** Shared set-up for the renderer component tests: a fresh pinia, a report open in the store. */
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { CellId } from '@core/report/cells'
import { createReport, type Report } from '@core/report/report'
import { useReportStore, type SaveReport } from '../../src/renderer/src/stores/report'

export function freshStore(
  report: Report = createReport({ unit: '示例县示例镇人民政府', year: 2025 }),
  options: { previous?: Report; save?: SaveReport } = {}
): { pinia: Pinia; store: ReturnType<typeof useReportStore> } {
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useReportStore()
  store.open(report, options)
  return { pinia, store }
}

/** The input of a value cell inside a mounted component. */
export function cellInput(root: Element, id: CellId): HTMLInputElement {
  const input = root.querySelector<HTMLInputElement>(`input[data-cell-id="${id}"]`)
  if (!input) throw new Error(`no input for ${id}`)
  return input
}

export function pasteEvent(text: string): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } })
  return event
}

/** A save function that records what it was given and can be made to fail. */
export function fakeSave(): SaveReport & { calls: Report[]; failWith: string | null } {
  const fn = Object.assign(
    async (report: Report) => {
      fn.calls.push(report)
      if (fn.failWith) throw new Error(fn.failWith)
      return { updatedAt: '2026-01-20T09:05:00' }
    },
    { calls: [] as Report[], failWith: null as string | null }
  )
  return fn
}
