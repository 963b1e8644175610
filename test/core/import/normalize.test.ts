import { describe, expect, it } from 'vitest'
import { normalizeBlocks, normalizeText, GARBLED_MARK } from '@core/import/normalize'
import { repairMojibake } from '@core/import/normalize/mojibake'
import { isPinyinSyllable, removePinyinGlosses } from '@core/import/normalize/pinyin'
import { removeStraySpaces } from '@core/import/normalize/spaces'
import { toHalfWidth } from '@core/import/normalize/width'
import type { Block } from '@core/import/types'

const utf8ReadAsGbk = (s: string) => new TextDecoder('gb18030').decode(new TextEncoder().encode(s))

describe('pinyin glosses', () => {
  it('removes a bracketed syllable after a Han character', () => {
    expect(removePinyinGlosses('年度報(bào)告').text).toBe('年度報告')
    expect(removePinyinGlosses('送莊鎮(zhèn)').text).toBe('送莊鎮')
    expect(removePinyinGlosses('政府辦(ban4)公室').text).toBe('政府辦公室')
    expect(removePinyinGlosses('綠（lǜ）化').text).toBe('綠化')
  })

  it('keeps real parentheses', () => {
    expect(removePinyinGlosses('(豫政辦〔2016〕86號(hào))').text).toBe('(豫政辦〔2016〕86號)')
    for (const kept of ['加入(WTO)以来', '(一)规范工作', '其中(1)当面', '附件(a)', '网站(www)', '公开(PDF)']) {
      expect(removePinyinGlosses(kept).text).toBe(kept)
    }
  })

  it('knows syllables', () => {
    expect(isPinyinSyllable('zhèn')).toBe(true)
    expect(isPinyinSyllable('ban4')).toBe(true)
    expect(isPinyinSyllable('zhuang')).toBe(true)
    expect(isPinyinSyllable('a')).toBe(false)
    expect(isPinyinSyllable('wto')).toBe(false)
  })

  it('removes combining-mark glosses after NFC', () => {
    expect(normalizeText('鎮(zhe\u0300n)政府').text).toBe('镇政府')
  })
})

describe('mojibake', () => {
  it('repairs GBK decoded one byte out of step', () => {
    const r = repairMojibake(' ?。ㄒ唬┙∪珯C(jī)構')
    expect(r.text).toBe(' （一）健全機(jī)構')
    expect(r.repairs).toEqual([{ from: '?。ㄒ唬┙∪珯C', to: '（一）健全機', kind: 'gbk-shift', lost: false }])
  })

  it('repairs UTF-8 read as GBK, leaving the good text after it', () => {
    const r = repairMojibake(utf8ReadAsGbk('政府信息公开工作年度报告') + '，完成')
    expect(r.text).toBe('政府信息公开工作年度报告，完成')
    expect(r.repairs[0]!.kind).toBe('utf8-as-gbk')
  })

  it('repairs UTF-8 read as GBK with an odd character count, marking the lost end', () => {
    const garbled = new TextDecoder('gb18030').decode(new TextEncoder().encode('主动公开'))
    const r = repairMojibake(garbled)
    expect(r.text.startsWith('主动公')).toBe(true)
  })

  it('repairs whole lines of UTF-8 read as GBK, digits and lost bytes included', () => {
    const line = (s: string) => normalizeText(utf8ReadAsGbk(s)).text
    expect(line('一、总体情况')).toBe('一、总体情况')
    expect(line('（一）主动公开。全年公开信息326条，')).toBe('（一）主动公开。全年公开信息326条，')
    // A byte the decoder dropped before an ASCII character takes its character with it: marked.
    expect(line('2023年，我镇共收到政府信息公开申请12件，较上年增加3件。')).toBe(
      `2023年，我镇共收到政府信息公开申请12件，较上年增${GARBLED_MARK}3件${GARBLED_MARK}`
    )
  })

  it('marks what cannot be recovered and says so', () => {
    const { blocks, repairs } = normalizeBlocks([{ kind: 'paragraph', text: '我镇' + utf8ReadAsGbk('政府信息公开工作') }])
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '我镇政府信息公开工作' })
    expect(repairs[0]).toContain('UTF-8 误读乱码')
    const lost = normalizeBlocks([{ kind: 'paragraph', text: ' ?。ǘ\ue46a┩晟浦贫?,明確' }])
    expect(lost.blocks[0]).toEqual({ kind: 'paragraph', text: ` （二）完善制${GARBLED_MARK},明確` })
    expect(lost.repairs[0]).toContain('请对照原文补全')
  })

  it('marks runs of garbage that no repair explains', () => {
    const { blocks, repairs } = normalizeBlocks([{ kind: 'paragraph', text: '本镇┙┩ㄒㄋ┳情况' }])
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: `本镇${GARBLED_MARK}情况` })
    expect(repairs.some((r) => r.includes('无法修复'))).toBe(true)
  })

  it('leaves ordinary text alone, rare characters and symbols included', () => {
    for (const text of [
      '霞美镇2016年政府信息公开年度报告',
      '危及“三安全一稳定”；①②③；√；收费0.64万元；℃',
      '浙江省嵊州市甘霖镇、闽侯县琯头镇、瓯海区',
      '（一）健全机构，强化领导。'
    ]) {
      expect(repairMojibake(text).text).toBe(text)
    }
  })
})

describe('width and spaces', () => {
  it('turns full-width digits and letters to ASCII, keeps Chinese punctuation', () => {
    expect(toHalfWidth('２０１６年（一）、，：；“ＷＴＯ”').text).toBe('2016年（一）、，：；“WTO”')
    expect(toHalfWidth('1．政府网站公开数 0．64万元').text).toBe('1.政府网站公开数 0.64万元')
  })

  it('removes spaces inside Chinese text', () => {
    expect(removeStraySpaces('所属各村 421条，其中：大营水村 87条').text).toBe('所属各村421条，其中：大营水村87条')
    expect(removeStraySpaces('1、 以政务公开助力稳增长').text).toBe('1、以政务公开助力稳增长')
    expect(removeStraySpaces('政 府 信 息').text).toBe('政府信息')
  })

  it('never joins two numbers', () => {
    expect(removeStraySpaces('主动公开文件数 条 12 3').text).toBe('主动公开文件数 条 12 3')
    expect(removeStraySpaces('共 12 3 件').text).toBe('共 12 3 件')
    expect(removeStraySpaces('受理 12 件，办结 3 件').text).toBe('受理12件，办结3件')
    expect(normalizeText('合计 １２ ３').text).toBe('合计 12 3')
    expect(removeStraySpaces('\t指 标 名 称').text).toBe('\t指 标 名 称')
    expect(removeStraySpaces('主动公开文件数 条 53').text).toBe('主动公开文件数 条 53')
  })
})

describe('normalizeBlocks', () => {
  it('converts traditional documents only, tables included, and lists every repair', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '送莊鎮(zhèn)2016年政府信息公開工作年度報(bào)告' },
      { kind: 'paragraph', text: '全鎮(zhèn)通過政府網(wǎng)站按規(guī)定主動、及時公開政府信息，辦理依申請公開。' },
      { kind: 'table', rows: [[{ text: '主動公開文件數', rowSpan: 1, colSpan: 1 }, { text: '５３', rowSpan: 1, colSpan: 1 }]] }
    ]
    const { blocks: out, repairs } = normalizeBlocks(blocks)
    expect(out[0]).toEqual({ kind: 'paragraph', text: '送庄镇2016年政府信息公开工作年度报告' })
    expect(out[2]).toEqual({ kind: 'table', rows: [[{ text: '主动公开文件数', rowSpan: 1, colSpan: 1 }, { text: '53', rowSpan: 1, colSpan: 1 }]] })
    expect(repairs.some((r) => r.startsWith('删除字后的拼音注音 5 处'))).toBe(true)
    expect(repairs.some((r) => r.startsWith('原文为繁体字'))).toBe(true)
    expect(repairs).toContain('全角数字、字母改为半角 2 处')
  })

  it('leaves simplified documents in simplified, with their variant characters', () => {
    const text = '2018年，我镇著力推进政务公开，乾坤、皇后、于是、发表、头发，一切照旧。'.repeat(3)
    const { blocks, repairs } = normalizeBlocks([{ kind: 'paragraph', text }])
    expect(blocks[0]).toEqual({ kind: 'paragraph', text })
    expect(repairs).toEqual([])
  })
})

describe('undecodable characters', () => {
  it('marks U+FFFD left by a reader', () => {
    const { blocks, repairs } = normalizeBlocks([{ kind: 'paragraph', text: '共受理申请\ufffd\ufffd件' }])
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: `共受理申请${GARBLED_MARK}件` })
    expect(repairs).toEqual([`第1段：有 2 个字无法解码，已标为${GARBLED_MARK}，请对照原文补全`])
  })
})
