/**
 * Fakes for the view tests: in-memory clients whose methods are spies, and a mount that wraps a
 * view in the app's root provider (messages, dialogs) with the fakes injected.
 */
import { mount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { vi, type Mock } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import type {
  ExportClient,
  ImportClient,
  ImportPreview,
  LibraryClient,
  LibraryUnit,
  TrendPoint
} from '../../src/renderer/src/api/types'
import { createReport, type Report } from '../../src/core/report/report'
import AppProvider from '../../src/renderer/src/components/AppProvider.vue'
import { EXPORT_CLIENT, IMPORT_CLIENT, LIBRARY_CLIENT } from '../../src/renderer/src/composables/clients'

/** Every method of a client as a spy with the method's own signature. */
type Fake<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? Mock<(...args: A) => R> : never }

export const UNIT = '霞美镇人民政府'

export function sampleUnits(): LibraryUnit[] {
  return [
    {
      name: UNIT,
      level: 'township',
      years: [
        { year: 2025, updatedAt: '2026-01-10T02:00:00.000Z', status: 'ok' },
        {
          year: 2024,
          updatedAt: '2025-01-15T02:00:00.000Z',
          status: 'damaged',
          problem: '不是有效的 JSON 文件，可能已损坏',
          lastGoodBackup: { id: 'backup-20250114', time: '2025-01-14T08:00:00.000Z' }
        },
        { year: 2023, updatedAt: '2024-01-12T02:00:00.000Z', status: 'ok' }
      ]
    },
    { name: '白樟镇人民政府', level: 'township', years: [{ year: 2017, updatedAt: '2018-01-20T02:00:00.000Z', status: 'ok' }] }
  ]
}

export function fakeLibrary(units: LibraryUnit[] = sampleUnits(), trend: TrendPoint[] = []): Fake<LibraryClient> {
  const reportOf = (unit: string, year: number): Report => createReport({ unit, year, level: 'township' })
  return {
    list: vi.fn(async () => units),
    open: vi.fn(async (unit: string, year: number) => {
      if (!units.some((u) => u.name === unit && u.years.some((y) => y.year === year))) {
        throw new Error(`资料库中没有「${unit}」${year} 年度报告`)
      }
      return reportOf(unit, year)
    }),
    save: vi.fn(async () => ({ updatedAt: '2026-01-20T09:00:00.000Z' })),
    create: vi.fn(async (input: { unit: string; year: number }) => reportOf(input.unit, input.year)),
    nextYear: vi.fn(async (unit: string, year: number) => reportOf(unit, year + 1)),
    duplicate: vi.fn(async (unit: string, _year: number, toYear: number) => reportOf(unit, toYear)),
    remove: vi.fn(async () => ({ removedId: 'removed-1' })),
    undoRemove: vi.fn(async () => undefined),
    history: vi.fn(async () => []),
    restore: vi.fn(async (unit: string, year: number) => reportOf(unit, year)),
    trend: vi.fn(async () => trend)
  }
}

export function fakeImport(preview: ImportPreview): Fake<ImportClient> {
  return {
    chooseFile: vi.fn(async () => preview),
    importBytes: vi.fn(async () => preview),
    importText: vi.fn(async () => preview),
    cancel: vi.fn(async () => false),
    onProgress: vi.fn(() => () => undefined),
    accept: vi.fn(async (report: Report) => report)
  }
}

export function fakeExport(): Fake<ExportClient> {
  return {
    exportDocx: vi.fn(async () => ({ fileName: '霞美镇人民政府2025年政府信息公开工作年度报告.docx', token: 'tok-1' })),
    showInFolder: vi.fn(async () => undefined)
  }
}

export interface Clients {
  library?: LibraryClient
  import?: ImportClient
  export?: ExportClient
}

/** Mounts a component inside the root provider, with a fresh pinia and the given fakes. */
export function mountView(
  component: Component,
  options: { props?: Record<string, unknown>; clients?: Clients; pinia?: Pinia; stubs?: Record<string, Component> } = {}
): { wrapper: VueWrapper; pinia: Pinia } {
  const pinia = options.pinia ?? createPinia()
  setActivePinia(pinia)
  const clients = options.clients ?? {}
  const provide: Record<symbol, unknown> = {}
  if (clients.library) provide[LIBRARY_CLIENT] = clients.library
  if (clients.import) provide[IMPORT_CLIENT] = clients.import
  if (clients.export) provide[EXPORT_CLIENT] = clients.export
  const Host = defineComponent({
    render: () => h(AppProvider, null, { default: () => h(component, options.props ?? {}) })
  })
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: { plugins: [pinia], provide, stubs: options.stubs ?? {} }
  })
  return { wrapper, pinia }
}

/** Lets promises, Vue's scheduler and naive-ui's transitions settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

/** An element anywhere in the document (modals and messages are teleported to the body). */
export function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.body.querySelector<T>(`[data-testid="${id}"]`)
  if (!element) throw new Error(`no element [data-testid="${id}"]`)
  return element
}

export function buttonByText(text: string, root: ParentNode = document.body): HTMLButtonElement {
  const button = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text)
  if (!button) throw new Error(`no button “${text}”`)
  return button
}

export function bodyText(): string {
  return document.body.textContent ?? ''
}
