/**
 * Storing a reviewed import in the library, and the questions on the way: an unsettled unit name
 * is confirmed first; tables that still do not add up are listed — each said to be the import's doing
 * or the source's — before storing anyway; a report already in the library is replaced only when
 * the officer says so (the old one kept as a version, 撤销 offered). Then this year's draft.
 */
import { useDialog, useMessage } from 'naive-ui'
import { h, ref, shallowRef, type Ref } from 'vue'
import type { Report } from '@core/report/report'
import type { ImportPreview } from '../api/types'
import { tableIssues, type TableIssue } from '../components/import/review'
import type { CellId } from '@core/report/cells'
import { useNavigationStore } from '../stores/navigation'
import { notifyError } from '../utils/discrete'
import { useImportClient, useLibraryClient } from './clients'
import { useUndoNotice } from './undoNotice'

export interface AcceptImportOptions {
  preview: Readonly<Ref<ImportPreview | null>>
  /** The report as the officer corrected it, or undefined while it cannot be accepted. */
  corrected(): Report | undefined
  /** Cells the officer changed: their values are the officer's, never the import's doing. */
  correctedCells: Readonly<Ref<ReadonlySet<CellId>>>
  unitConfirmed: Ref<boolean>
  /** Other names the text gives the unit, for the confirmation. */
  otherUnitNames: Readonly<Ref<readonly string[]>>
}

export function useAcceptImport(options: AcceptImportOptions) {
  const navigation = useNavigationStore()
  const importClient = useImportClient()
  const library = useLibraryClient()
  const dialog = useDialog()
  const message = useMessage()
  const { offerUndo } = useUndoNotice()

  const saved = shallowRef<Report | null>(null)
  const busy = ref(false)
  /** Set while the officer chose to store a report whose tables still have errors. */
  let acceptingDespite = false

  async function accept(): Promise<void> {
    const preview = options.preview.value
    const report = options.corrected()
    if (!preview || !report) return
    // The unit is never stored unconfirmed when the import could not settle it.
    if (!options.unitConfirmed.value) {
      const others = options.otherUnitNames.value
      dialog.warning({
        title: '请确认单位名称',
        content: `单位名称“${report.unit.name}”是推断出来的${others.length ? `（文中还写作${others.map((n) => `“${n}”`).join('、')}）` : ''}，确认以此名称存入资料库吗？`,
        positiveText: '确认',
        negativeText: '返回修改',
        onPositiveClick: () => {
          options.unitConfirmed.value = true
          void accept()
        }
      })
      return
    }
    // The table checks before storing: errors are shown, each said to be the import's or the source's.
    const issues = tableIssues(report, preview.values, options.correctedCells.value)
    if (issues.length > 0 && !acceptingDespite) {
      confirmIssues(issues)
      return
    }
    acceptingDespite = false
    busy.value = true
    try {
      // The library refuses to overwrite a report silently: ask first, then replace (main backs it up).
      const units = await library.list()
      const exists = units.some((u) => u.name === report.unit.name && u.years.some((y) => y.year === report.year))
      if (exists) {
        busy.value = false
        confirmReplace(report)
        return
      }
      saved.value = await importClient.accept(report)
    } catch (error) {
      notifyError(`无法把「${report.unit.name}」${report.year} 年度报告存入资料库`, error)
    } finally {
      busy.value = false
    }
  }

  function confirmIssues(issues: readonly TableIssue[]): void {
    const fromImport = issues.filter((i) => i.cause === 'import')
    const fromSource = issues.filter((i) => i.cause === 'source')
    const list = (title: string, shown: readonly TableIssue[], testId: string) =>
      shown.length
        ? h('div', { 'data-testid': testId }, [
            h('p', { style: 'margin: 8px 0 4px; font-weight: 500' }, title),
            h('ul', { style: 'margin: 0; padding-left: 1.2em; line-height: 1.7' }, shown.slice(0, 6).map((i) => h('li', i.message))),
            shown.length > 6 ? h('p', `另有 ${shown.length - 6} 处`) : null
          ])
        : null
    dialog.warning({
      title: `表格中仍有 ${issues.length} 处数字不符`,
      content: () =>
        h('div', [
          list(`${fromImport.length} 处可能是导入造成的（涉及未识别或需核对的数值），请对照原文核对：`, fromImport, 'issues-import'),
          list(`${fromSource.length} 处所涉数值均按原表读取或已由您核对，是原报告本身的数字不一致（原文如此）：`, fromSource, 'issues-source')
        ]),
      positiveText: '仍然导入',
      negativeText: '返回核对',
      onPositiveClick: () => {
        acceptingDespite = true
        void accept()
      }
    })
  }

  function confirmReplace(report: Report): void {
    dialog.warning({
      title: '资料库中已有这份报告',
      content: `资料库中已有「${report.unit.name}」${report.year} 年度报告。用导入的内容替换它吗？原报告会保存为历史版本，替换后也可以马上撤销。`,
      positiveText: '替换',
      negativeText: '取消',
      onPositiveClick: async () => {
        busy.value = true
        try {
          saved.value = await importClient.accept(report, { replace: true })
          // The editor may still hold the replaced report: it must not show or autosave it again.
          navigation.invalidate(report.unit.name, report.year)
          await offerUndoReplace(report)
        } catch (error) {
          notifyError(`无法把「${report.unit.name}」${report.year} 年度报告存入资料库`, error)
        } finally {
          busy.value = false
        }
      }
    })
  }

  /** The report the import replaced is the newest version set aside by an import: 撤销 restores it. */
  async function offerUndoReplace(report: Report): Promise<void> {
    const { unit, year } = { unit: report.unit.name, year: report.year }
    const replaced = (await library.history(unit, year).catch(() => [])).find((v) => v.reason === 'import')
    if (!replaced) return
    offerUndo(`已用导入的内容替换原有的 ${year} 年度报告`, async () => {
      try {
        await library.restore(unit, year, replaced.id)
        navigation.invalidate(unit, year)
        saved.value = null
        message.success(`已撤销替换：${year} 年度报告恢复为原来的版本（导入的内容保存在历史版本中）`)
      } catch (error) {
        notifyError('无法撤销替换', error)
      }
    })
  }

  async function makeDraft(): Promise<void> {
    const last = saved.value
    if (!last) return
    busy.value = true
    try {
      const draft = await library.nextYear(last.unit.name, last.year)
      navigation.finishImport()
      navigation.open(draft.unit.name, draft.year)
    } catch (error) {
      notifyError(`无法由「${last.unit.name}」${last.year} 年度报告生成草稿`, error)
    } finally {
      busy.value = false
    }
  }

  return { saved, busy, accept, makeDraft }
}
