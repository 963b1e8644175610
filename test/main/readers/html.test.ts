/**
 * Saved web pages: a CMS page around the report (navigation, scripts, breadcrumb, share bar,
 * footer, a metadata table), Word-pasted tables (runs split across <font>, &nbsp; padding, <o:p>
 * leftovers), declared charsets, layout tables, and the empty shell of a script-loaded site.
 */
import { describe, expect, it } from 'vitest'
import { FileError } from '../../../src/main/services/files'
import { readDocument } from '../../../src/main/services/readers'
import { encodeGbk, paragraphs, tables } from './support'

const NARRATIVE = '根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告所列数据统计期限为2023年1月1日至2023年12月31日。'.repeat(4)

const CMS_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>示例镇2023年政府信息公开工作年度报告</title>
<script>var _hmt = _hmt || []; document.write("<p>脚本写的文字</p>")</script>
<style>.nav { color: red }</style></head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<nav><a href="/">网站导航</a></nav>
<div id="header"><img src="logo.png"><span>示例县人民政府门户网站</span></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开</a> &gt; 年度报告</div>
<div class="main-content">
  <table class="xxgk-meta"><tr><td>索引号：</td><td>11410000-2024-00012</td><td>发布机构：</td><td>示例镇人民政府</td></tr>
  <tr><td>名称：</td><td colspan="3">示例镇2023年政府信息公开工作年度报告</td></tr>
  <tr><td>公开日期：</td><td>2024-01-20</td><td>文号：</td><td></td></tr></table>
  <h1>示例镇2023年政府信息公开工作年度报告</h1>
  <div class="article-share bdshare"><a href="#">分享到微信</a><a href="#">分享到微博</a></div>
  <div id="zoom" class="TRS_Editor">
    <p class="MsoNormal" style="text-indent:2em">&nbsp;&nbsp;${NARRATIVE}<o:p></o:p></p>
    <p><b>一、总体情况</b></p>
    <p>第一行<br>第二行</p>
    <p>三、收到和处理政府信息公开申请情况</p>
    <table class="MsoNormalTable" border="1">
      <tr><td rowspan="2" colspan="2"><p><span>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</span></p></td>
          <td colspan="2"><p><font face="宋体">申请人</font><font face="宋体">情况</font></p></td></tr>
      <tr><td><p>自然</p><p>人</p></td><td><p><span>商业</span></p><p><span>企业</span></p></td></tr>
      <tr><td colspan="2"><p>一、本年新收政府信息公开申请数量</p></td>
          <td><p align="center"><font>2</font><font>0</font><font>23</font></p></td>
          <td><p>&nbsp;6&nbsp;</p></td></tr>
      <tr><td colspan="2"><p>二、上年结转政府信息公开申请数量</p></td>
          <td><p><o:p>&nbsp;</o:p></p></td><td><p><span lang="EN-US"><o:p></o:p></span></p></td></tr>
    </table>
    <p>四、政府信息公开行政复议、行政诉讼情况</p>
  </div>
  <div class="related-links"><h3>相关链接</h3><ul><li><a href="/a">示例镇2022年政府信息公开工作年度报告</a></li><li><a href="/b">示例镇2021年政府信息公开工作年度报告</a></li></ul></div>
</div>
<div class="footer">主办单位：示例县人民政府办公室　网站标识码：4100000000　豫ICP备00000000号</div>
<footer>版权所有</footer>
<script src="/js/jquery.js"></script><noscript>请启用脚本</noscript>
</body></html>`

function read(html: string, name = 'page.html') {
  return readDocument({ bytes: Buffer.from(html, 'utf8'), name })
}

describe('saved web page', () => {
  it('drops scripts, styles, navigation, breadcrumb, share bar, related links and footer', async () => {
    const texts = paragraphs((await read(CMS_PAGE)).blocks).join('\n')
    for (const chrome of ['脚本写的文字', '网站导航', '首页', '互动交流', '当前位置', '分享到', '相关链接', '网站标识码', '版权所有', '请启用脚本', 'color']) {
      expect(texts, chrome).not.toContain(chrome)
    }
  })

  it('keeps the title, the body paragraphs and <br>-separated lines', async () => {
    const texts = paragraphs((await read(CMS_PAGE)).blocks)
    expect(texts).toContain('示例镇2023年政府信息公开工作年度报告')
    expect(texts).toContain(NARRATIVE)
    expect(texts).toContain('一、总体情况')
    expect(texts).toEqual(expect.arrayContaining(['第一行', '第二行']))
    expect(texts.indexOf('三、收到和处理政府信息公开申请情况')).toBeLessThan(texts.indexOf('四、政府信息公开行政复议、行政诉讼情况'))
  })

  it('keeps the metadata table as a table, before the report table', async () => {
    const [meta, report] = tables((await read(CMS_PAGE)).blocks)
    expect(meta!.rows[0]!.map((c) => c.text)).toEqual(['索引号：', '11410000-2024-00012', '发布机构：', '示例镇人民政府'])
    expect(meta!.rows[1]![1]).toEqual({ text: '示例镇2023年政府信息公开工作年度报告', rowSpan: 1, colSpan: 3 })
    expect(report!.rows).toHaveLength(4)
  })

  it('joins runs, strips &nbsp; and Word leftovers, keeps spans as printed', async () => {
    const report = tables((await read(CMS_PAGE)).blocks)[1]!
    expect(report.rows[0]).toEqual([
      { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowSpan: 2, colSpan: 2 },
      { text: '申请人情况', rowSpan: 1, colSpan: 2 }
    ])
    expect(report.rows[1]!.map((c) => c.text)).toEqual(['自然人', '商业企业'])
    expect(report.rows[2]!.map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '2023', '6'])
    expect(report.rows[3]!.map((c) => c.text)).toEqual(['二、上年结转政府信息公开申请数量', '', ''])
  })

  it('reads only the innermost data tables of a layout table', async () => {
    const page = `<html><body><table class="layout"><tr><td><p>${NARRATIVE}</p>
      <table><tr><td>规章</td><td>0</td></tr></table></td><td><p>侧栏文字</p></td></tr></table></body></html>`
    const result = await read(page)
    expect(tables(result.blocks).map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([[['规章', '0']]])
    expect(paragraphs(result.blocks)).toContain(NARRATIVE)
  })

  it('honours <meta charset="gb2312"> over guessing', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>${NARRATIVE}</p></body></html>`
    // “政府” in GBK: the page as a GBK site serves it.
    const bytes = encodeGbk(html)
    const result = await readDocument({ bytes, name: 'page.htm' })
    expect(result.encoding).toBe('gb18030')
    expect(paragraphs(result.blocks)).toEqual([NARRATIVE])
  })

  it('refuses the shell of a script-loaded site with advice', async () => {
    const shell = `<html><head><script src="/app.js"></script><script>window.load()</script></head>
      <body><div class="nav"><a href="/">首页</a></div><div id="app">正在加载……</div><div class="footer">示例县人民政府 版权所有</div></body></html>`
    const error = await read(shell).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect((error as Error).message).toBe(
      '该网页未包含报告正文（可能是动态加载的页面），请在浏览器中打开后复制正文粘贴，或另存为“网页，全部”'
    )
  })
})
