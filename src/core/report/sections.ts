/**
 * The six sections of the 2021 format, headings verbatim from the template, with the other
 * wordings reports print for them (`variants`), which the importer knows as the same heading.
 */

export type SectionId = 'overview' | 'proactive' | 'requests' | 'review' | 'problems' | 'other'

export interface SectionDef {
  id: SectionId
  heading: string
  /** What the template asks for, shown as guidance in the editor. */
  guidance: string
  /** The table printed under this section, if any. */
  table?: 't2' | 't3' | 't4'
  /** Other wordings of the heading (older templates, departments' 行政机关…), without the number. */
  variants?: readonly string[]
}

export const SECTIONS: readonly SectionDef[] = [
  {
    id: 'overview',
    heading: '一、总体情况',
    guidance:
      '概述本机关贯彻落实《条例》情况，包括主动公开、依申请公开、政府信息管理、平台建设、监督保障等，篇幅原则上不超过一千字。'
  },
  { id: 'proactive', heading: '二、主动公开政府信息情况', guidance: '', table: 't2', variants: ['行政机关主动公开政府信息情况'] },
  {
    id: 'requests',
    heading: '三、收到和处理政府信息公开申请情况',
    guidance: '',
    table: 't3',
    variants: ['行政机关收到和处理政府信息公开申请情况']
  },
  {
    id: 'review',
    heading: '四、政府信息公开行政复议、行政诉讼情况',
    guidance: '',
    table: 't4',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '因政府信息公开工作被申请行政复议和提起行政诉讼情况']
  },
  {
    id: 'problems',
    heading: '五、存在的主要问题及改进情况',
    guidance: '如实写明主要问题和改进措施，并说明上年问题整改情况，不得年年雷同。',
    variants: ['存在问题及改进情况', '政府信息公开工作存在的主要问题及改进情况']
  },
  {
    id: 'other',
    heading: '六、其他需要报告的事项',
    guidance: '其他需要报告的事项；收取信息处理费情况在此处报告。'
  }
]

export const SECTION_IDS = SECTIONS.map((s) => s.id) as readonly SectionId[]

export function sectionDef(id: SectionId): SectionDef {
  const def = SECTIONS.find((s) => s.id === id)
  if (!def) throw new Error(`unknown section ${id}`)
  return def
}

/** A section's heading without its number, as sentences name it: 存在的主要问题及改进情况. */
export function sectionName(id: SectionId): string {
  return sectionDef(id).heading.replace(/^[一二三四五六七八九十]+、/, '')
}

/** Paragraphs of a section's text: one per non-empty line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}
