/** 设置: shows the settings in effect, saves edits, refuses invalid ones naming the field, imports, exports, resets. */
import { afterEach, describe, expect, it } from 'vitest'
import { defaultSettings } from '@core/settings/defaults'
import SettingsView from '../../src/renderer/src/views/SettingsView.vue'
import { bodyText, buttonByText, byTestId, fakeSettings, mountView, settle, unmountViews } from './views-fakes'

afterEach(unmountViews)

async function mountSettings(settings = fakeSettings()) {
  mountView(SettingsView, { clients: { settings } })
  await settle()
  return { settings }
}

function setInput(element: HTMLInputElement, value: string): void {
  element.value = value
  element.dispatchEvent(new Event('input', { bubbles: true }))
}

const input = (label: string) => document.body.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!

describe('SettingsView', () => {
  it('shows the national defaults and saves a changed limit', async () => {
    const { settings } = await mountSettings()
    expect(input('配置名称').value).toBe('国家默认')
    expect(input('总体情况字数上限').value).toBe('1000')
    expect(input('回收站保留天数').value).toBe('90')
    expect(byTestId<HTMLButtonElement>('save-settings').disabled).toBe(true)

    setInput(input('总体情况字数上限'), '1500')
    input('总体情况字数上限').dispatchEvent(new Event('blur'))
    setInput(input('配置名称'), '某县要求')
    await settle()
    expect(byTestId<HTMLButtonElement>('export-profile').disabled).toBe(true)
    byTestId('save-settings').click()
    await settle()
    expect(settings.save).toHaveBeenCalledTimes(1)
    expect(settings.current().region).toMatchObject({ name: '某县要求', overviewCharLimit: 1500 })
    expect(bodyText()).toContain('设置已保存')
    expect(byTestId<HTMLButtonElement>('export-profile').disabled).toBe(false)
  })

  it('keeps the roll-up’s comparison in this computer’s options: off by default, the county’s own unit named', async () => {
    const { settings } = await mountSettings()
    expect(bodyText()).toContain('汇总：本级报告与所属单位合计应一致的单元格')
    const own = byTestId('rollup-own-unit').querySelector('input')!
    setInput(own, '示例县人民政府')
    await settle()
    byTestId('save-settings').click()
    await settle()
    expect(settings.current().local.rollup).toEqual({ compareCells: [], ownUnit: '示例县人民政府' })
  })

  it('refuses to save an incomplete required figure, naming the field, and saves nothing', async () => {
    const { settings } = await mountSettings()
    byTestId('add-figure').click()
    await settle()
    setInput(input('第 1 项的名称'), '政策解读')
    await settle()
    byTestId('save-settings').click()
    await settle()
    expect(byTestId('settings-invalid').textContent).toBe('设置：「总体情况必须写明的数字」第 1 项的「查找用语」至少要有一条')
    expect(settings.save).not.toHaveBeenCalled()
  })

  it('imports a region profile through main and shows it; exports; resets after a confirmation', async () => {
    const fake = fakeSettings()
    const county = { ...defaultSettings(), region: { ...defaultSettings().region, name: '某县要求', overviewCharLimit: 1200 } }
    fake.importProfile.mockResolvedValue({ settings: county, fileName: '县里.json' })
    await mountSettings(fake)
    byTestId('import-profile').click()
    await settle()
    expect(bodyText()).toContain('已导入地区配置「某县要求」（县里.json）')
    expect(input('总体情况字数上限').value).toBe('1200')

    byTestId('export-profile').click()
    await settle()
    expect(fake.exportProfile).toHaveBeenCalled()
    expect(bodyText()).toContain('已导出地区配置：年报助手地区配置-国家默认.json')

    byTestId('reset-profile').click()
    await settle()
    expect(fake.resetProfile).not.toHaveBeenCalled()
    buttonByText('恢复', document.body.querySelector('.n-dialog')!).click()
    await settle()
    expect(fake.resetProfile).toHaveBeenCalled()
    expect(input('配置名称').value).toBe('国家默认')
  })

  it('says when the settings file could not be used', async () => {
    const fake = fakeSettings()
    fake.get.mockResolvedValue({ settings: defaultSettings(), problem: '设置文件 settings.json：不是有效的 JSON 文件；已暂用国家默认设置' })
    await mountSettings(fake)
    expect(byTestId('settings-problem').textContent).toContain('已暂用国家默认设置')
  })
})
