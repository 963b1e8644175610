/**
 * What an officer does and sees in the app, for the end-to-end flows: find a cell by its official
 * labels, type into it, read the checks panel's counts, drop a file on the window, paste a block.
 * Everything goes through roles, accessible names and visible Chinese text; the page's own code is
 * reached only through strings (this folder is compiled without the DOM types).
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describeCell, type CellId } from '@core/report/cells'
import type { Severity } from '@core/rules/types'
import { SEVERITY_LABELS } from '@core/rules/types'

/** A value cell of the editor (or of the import review), named as a screen reader names it. */
export function cell(page: Page, id: CellId): Locator {
  return page.getByRole('textbox', { name: describeCell(id), exact: true })
}

/** Clicks the cell (which selects its value) and types over it, as in a spreadsheet. */
export async function typeInto(page: Page, id: CellId, text: string): Promise<void> {
  await cell(page, id).click()
  await page.keyboard.type(text)
}

/** The checks panel, always beside the editor. */
export function checksPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: '检查结果' })
}

/** The count the checks panel shows for one severity, read from its label (“错误 2 条”). */
export async function countOf(page: Page, severity: Severity): Promise<number> {
  const badge = checksPanel(page).getByLabel(new RegExp(`^${SEVERITY_LABELS[severity]} \\d+ 条$`))
  const label = (await badge.getAttribute('aria-label')) ?? ''
  return Number(/(\d+)/.exec(label)?.[1] ?? Number.NaN)
}

/** Every count of the panel. */
export async function counts(page: Page): Promise<Record<Severity, number>> {
  return { error: await countOf(page, 'error'), warning: await countOf(page, 'warning'), hint: await countOf(page, 'hint') }
}

/** Waits until the panel shows `expected` findings of this severity. */
export async function waitForCount(page: Page, severity: Severity, expected: number): Promise<void> {
  const label = `${SEVERITY_LABELS[severity]} ${expected} 条`
  await checksPanel(page).getByLabel(label, { exact: true }).waitFor()
}

/** A finding in the panel, by (part of) its message. */
export function finding(page: Page, text: string): Locator {
  return checksPanel(page).getByRole('button').filter({ hasText: text })
}

/** The accessible name of the focused element. */
export async function focusedName(page: Page): Promise<string | null> {
  return page.evaluate("document.activeElement?.getAttribute('aria-label') ?? null")
}

/**
 * Drops a file on the window as the OS would: dragenter, dragover, then drop, with a DataTransfer
 * holding a File built from the fixture's bytes.
 */
export async function dropFile(page: Page, path: string, type = 'text/plain'): Promise<void> {
  const bytes = (await readFile(path)).toString('base64')
  await page.evaluate(`(() => {
    const binary = atob(${JSON.stringify(bytes)});
    const data = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], ${JSON.stringify(basename(path))}, { type: ${JSON.stringify(type)} }));
    const target = document.elementFromPoint(innerWidth / 2, innerHeight / 2) ?? document.body;
    for (const kind of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  })()`)
}

/**
 * Pastes text into the focused element as Ctrl+V from Excel or WPS would: a paste event carrying
 * the text as text/plain. Returns whether the page handled it (prevented the browser's own paste).
 */
export async function pasteText(page: Page, text: string): Promise<boolean> {
  return page.evaluate(`(() => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', ${JSON.stringify(text)});
    const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
    (document.activeElement ?? document.body).dispatchEvent(event);
    return event.defaultPrevented;
  })()`)
}

/**
 * Waits for the page's transitions to finish (a dialog fading out, a notification sliding in), so a
 * screenshot shows what the officer sees once things have settled. Endless animations (spinners)
 * are not waited for.
 */
export async function settle(page: Page): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const waited = await page.evaluate(`(async () => {
      const running = document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
      return running.length;
    })()`)
    if (waited === 0) return
  }
}

/** Scrolls the element into the middle of its scrolling view (the views scroll inside the window). */
export async function scrollToCenter(locator: Locator): Promise<void> {
  await locator.evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center' }))
}

/** Whether the element is within the window's visible area (not scrolled away inside its view). */
export async function inView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = locator.page().viewportSize()
  if (!box || !size) return false
  return box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width
}
