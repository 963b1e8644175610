/**
 * A hostile page for the bounded split: about 128 KB of HTML whose 表三 rows hold long digit strings
 * (dozens of digits where seven figures belong), as a broken export or a deliberate input would.
 */
const ROWS = ['（一）予以公开', '（二）部分公开', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '四、结转下年度继续办理']

export function hostilePage(bytes = 128 * 1024): string {
  const cells: string[] = []
  let i = 0
  let size = 0
  while (size < bytes) {
    // 20–60 digits: long enough to defeat a split without a budget, short enough not to be pruned at once.
    const digits = Array.from({ length: 20 + (i % 41) }, (_, k) => String((i * 7 + k * 3) % 10)).join('')
    const row = `<tr><td>${ROWS[i % ROWS.length]}</td><td>${digits}</td></tr>`
    cells.push(row)
    size += Buffer.byteLength(row)
    i += 1
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某镇2023年政府信息公开工作年度报告</title></head><body><h1>某某镇2023年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p><table>${cells.join('')}</table></body></html>`
}
