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
  SettingsClient,
  TrendPoint,
  UnitOperation
} from '../../src/renderer/src/api/types'
import { createReport, type Report } from '@core/report/report'
import AppProvider from '../../src/renderer/src/components/AppProvider.vue'
import { defaultSettings } from '@core/settings/defaults'
import type { Settings } from '@core/settings/schema'
import { EXPORT_CLIENT, IMPORT_CLIENT, LIBRARY_CLIENT, SETTINGS_CLIENT } from '../../src/renderer/src/composables/clients'

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
    trend: vi.fn(async () => trend),
    previewRename: vi.fn(async (unit: string, newName: string) => {
      const years = units.find((u) => u.name === unit)?.years.map((y) => y.year) ?? []
      const target = units.find((u) => u.name === newName)
      return {
        kind: target ? ('merge' as const) : ('rename' as const),
        fromUnit: unit,
        toUnit: newName,
        moves: years.map((year) => ({ fromYear: year, toYear: year })),
        collisions: years.flatMap((year) =>
          target?.years.some((y) => y.year === year)
            ? [{ year, moving: { unit, year, updatedAt: '2026-01-10T02:00:00.000Z' }, existing: { unit: newName, year, updatedAt: '2026-01-11T02:00:00.000Z' } }]
            : []
        )
      }
    }),
    renameUnit: vi.fn(async (unit: string, newName: string) =>
      operation(units.some((u) => u.name === newName) ? 'merge' : 'rename', unit, newName, units.find((u) => u.name === unit)?.years.map((y) => y.year) ?? [])
    ),
    previewMove: vi.fn(async (unit: string, year: number, toUnit: string, toYear: number) => ({
      kind: 'move' as const,
      fromUnit: unit,
      toUnit,
      moves: [{ fromYear: year, toYear }],
      collisions: []
    })),
    moveReport: vi.fn(async (unit: string, year: number, toUnit: string, toYear: number) => ({
      ...operation('move', unit, toUnit, [year]),
      moves: [{ fromYear: year, toYear, outcome: 'moved' as const }]
    })),
    undoOperation: vi.fn(async () => operation('rename', UNIT, '某某镇', [2025])),
    listRemoved: vi.fn(async () => []),
    emptyRecycle: vi.fn(async () => 0)
  }
}

function operation(kind: UnitOperation['kind'], fromUnit: string, toUnit: string, years: number[]): UnitOperation {
  return {
    id: '20260120T080000000Z',
    kind,
    at: '2026-01-20T08:00:00.000Z',
    fromUnit,
    toUnit,
    moves: years.map((year) => ({ fromYear: year, toYear: year, outcome: 'moved' as const }))
  }
}

export function fakeSettings(initial: Settings = defaultSettings()): Fake<SettingsClient> & { current: () => Settings } {
  let current = initial
  return {
    current: () => current,
    get: vi.fn(async () => ({ settings: current })),
    save: vi.fn(async (next: Settings) => (current = JSON.parse(JSON.stringify(next)) as Settings)),
    importProfile: vi.fn(async () => null),
    exportProfile: vi.fn(async () => ({ fileName: '年报助手地区配置-国家默认.json' })),
    resetProfile: vi.fn(async () => (current = defaultSettings()))
  } as Fake<SettingsClient> & { current: () => Settings }
}

export function fakeImport(preview: ImportPreview): Fake<ImportClient> {
  return {
    chooseFile: vi.fn(async () => preview),
    importBytes: vi.fn(async () => preview),
    importImages: vi.fn(async () => preview),
    importText: vi.fn(async () => preview),
    cancel: vi.fn(async () => false),
    onProgress: vi.fn(() => () => undefined),
    accept: vi.fn(async (report: Report) => report)
  }
}

export function fakeExport(): Fake<ExportClient> {
  return {
    exportDocx: vi.fn(async () => ({ fileName: '霞美镇人民政府2025年政府信息公开工作年度报告.docx', token: 'tok-1' })),
    exportPdf: vi.fn(async () => ({ fileName: '霞美镇人民政府2025年政府信息公开工作年度报告.pdf', token: 'tok-2' })),
    showInFolder: vi.fn(async () => undefined)
  }
}

export interface Clients {
  library?: LibraryClient
  import?: ImportClient
  export?: ExportClient
  settings?: SettingsClient
}

/**
 * What an import answers for a report of UNIT's 2024 with nothing recognised, with `overrides`
 * (a test's own report, values, notices…) on top.
 */
export function importPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    token: 'file-1',
    fileName: '2024年报.txt',
    generation: '2021',
    report: createReport({ unit: UNIT, year: 2024 }),
    sections: [],
    values: [],
    legacy: [],
    missing: [],
    warnings: [],
    unitCheck: { settled: true, source: 'title', candidates: [UNIT], evidence: [] },
    notices: [],
    suggestions: [],
    ...overrides
  }
}

/** Every view mounted by mountView since the last unmountViews. */
const mounted: VueWrapper[] = []

/** Unmounts what mountView mounted (unless a test did already) and empties the page: `afterEach(unmountViews)`. */
export function unmountViews(): void {
  for (const wrapper of mounted.splice(0)) if (!wrapper.vm.$.isUnmounted) wrapper.unmount()
  document.body.innerHTML = ''
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
  // The library view reads the settings too: a fake by default, so no test reaches for window.api.
  provide[SETTINGS_CLIENT] = clients.settings ?? fakeSettings()
  const Host = defineComponent({
    render: () => h(AppProvider, null, { default: () => h(component, options.props ?? {}) })
  })
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: { plugins: [pinia], provide, stubs: options.stubs ?? {} }
  })
  mounted.push(wrapper)
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
