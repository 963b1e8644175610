/**
 * The whole window (ShellView) for the view tests, with the fakes of views-fakes.ts: a library of
 * sampleUnits(), an import that answers `preview`, an export. A test file using it mocks the app
 * client itself (vi.mock is hoisted within the file that calls it).
 */
import type { Component } from 'vue'
import type { ImportPreview } from '../../src/renderer/src/api/types'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'
import ShellView from '../../src/renderer/src/views/ShellView.vue'
import { fakeExport, fakeImport, fakeLibrary, importPreview, mountView } from './views-fakes'

export function mountShell(options: { preview?: ImportPreview; stubs?: Record<string, Component> } = {}) {
  const library = fakeLibrary()
  const importClient = fakeImport(options.preview ?? importPreview())
  const exportClient = fakeExport()
  const { pinia } = mountView(ShellView, { clients: { library, import: importClient, export: exportClient }, stubs: options.stubs })
  return { library, importClient, exportClient, pinia, navigation: useNavigationStore(pinia) }
}
