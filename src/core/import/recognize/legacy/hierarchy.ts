/**
 * Which row a row is part of, from the numbering: 一、 > （一） > 1. ; “其中” goes under the row
 * before; an unnumbered row is a sibling of the row before once the table uses 一、 numbering,
 * and a top-level row otherwise (the Fujian tables number only their parts).
 */

function levelOf(label: string, previous: number | undefined, numbered: boolean): number {
  if (/^[一二三四五六七八九十]+[、.．]/.test(label)) return 1
  if (/^[（(][一二三四五六七八九十\d]+[）)]/.test(label)) return 2
  if (/^(?:其中[:：]?)?\d+\s*[.．、]/.test(label)) return 3
  if (/^其中/.test(label)) return (previous ?? 1) + 1
  return numbered ? (previous ?? 1) : 1
}

export function parentsOf(labels: readonly string[]): (string | undefined)[] {
  const stack: { level: number; label: string }[] = []
  let previous: number | undefined
  let numbered = false
  return labels.map((label) => {
    if (/^[一二三四五六七八九十]+[、.．]/.test(label)) numbered = true
    const level = levelOf(label, previous, numbered)
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop()
    const parent = stack[stack.length - 1]?.label
    stack.push({ level, label })
    previous = level
    return parent
  })
}
