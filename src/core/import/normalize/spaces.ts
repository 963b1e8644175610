/**
 * Stray spaces inside Chinese text, left by PDF extraction and web copies (`所属各村 421条`,
 * `1、 以政务公开`). Two rules keep figures apart:
 * - a space is removed only next to a Chinese character or punctuation mark, never between two
 *   digits or Latin characters, so “12 3” stays two numbers;
 * - a line that looks like a table row (a tab, two numbers side by side, a lone unit before a
 *   number) is left alone: its spaces separate cells.
 */

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026'
const SPACE = '[ \\u00a0\\u3000]+'

const BETWEEN = new RegExp(`(?<=[${CJK}])${SPACE}(?=[${CJK}A-Za-z0-9])|(?<=[A-Za-z0-9])${SPACE}(?=[${CJK}])`, 'gu')
/** Two numbers side by side (“12 3”), or a unit standing alone before a number (“数 条 53”). */
const CELL_SEPARATORS = /\d[ \u00a0\u3000]+[-+]?\d|[ \u00a0\u3000](?:条|件|个|人|人次|次|篇|元|万元|项)[ \u00a0\u3000]+[-+]?\d/

export function looksLikeTableRow(line: string): boolean {
  return line.includes('\t') || CELL_SEPARATORS.test(line)
}

export function removeStraySpaces(text: string): { text: string; removed: number } {
  let removed = 0
  const out = text
    .split('\n')
    .map((line) => {
      if (looksLikeTableRow(line)) return line
      // Leading indentation is layout, not a stray space inside text.
      const indent = /^[ \u00a0\u3000]*/.exec(line)![0]
      const body = line.slice(indent.length).replace(BETWEEN, () => {
        removed++
        return ''
      })
      return indent + body
    })
    .join('\n')
  return { text: out, removed }
}
