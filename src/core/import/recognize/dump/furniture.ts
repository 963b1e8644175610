/**
 * What a saved page or a site archive puts around a report: metadata lines (`标题: …`, `发布时间: …`,
 * `原文链接: https://…`), a separator before the body, breadcrumbs (`当前位置：首页 > …`), share and
 * print widgets (`微信 微博 QQ空间`, `字号：大 中 小`, `打印本页`), and after the body related links
 * and the site footer. As data: one place to extend when another site prints another word.
 */

/** Metadata line labels whose value is the article's title. */
const TITLE_LABELS = '标题|题目|文章标题|信息名称|名称|主题'
/** Other metadata line labels (value dropped). */
const OTHER_LABELS =
  '发布时间|发布日期|发文日期|成文日期|印发日期|生成日期|更新时间|更新日期|日期|时间|来源|信息来源|稿源|发布机构|发布单位|' +
  '发文机关|发文单位|公开机构|文号|发文字号|索引号|栏目|所属栏目|分类|主题分类|体裁分类|原文链接|原文地址|原文网址|链接|网址|URL|' +
  '本地目录|本地路径|保存路径|作者|责任编辑|编辑|浏览次数|访问次数|阅读次数|点击数|点击量|字号|字体|关键词|关键字|公开方式|' +
  '公开范围|公开时限|有效性|效力状态|附件'

const TITLE_LINE = new RegExp(`^\\s*(?:【\\s*)?(?:${TITLE_LABELS})\\s*(?:】\\s*)?[:：]\\s*(.*)$`, 'i')
const METADATA_LINE = new RegExp(`^\\s*(?:【\\s*)?(?:${OTHER_LABELS})\\s*(?:】\\s*)?[:：]`, 'i')

/** A line that is only a separator (`==== 正文 ====`, `--------`). */
const SEPARATOR_LINE = /^\s*[=\-—_*#~·＝－]{4,}\s*[\p{Script=Han}A-Za-z]{0,8}\s*[=\-—_*#~·＝－]*\s*$/u
/** A line that is a bare address or a note about files saved beside the page. */
const ADDRESS_LINE = /^\s*(?:https?:\/\/|www\.)\S+\s*$|\.(?:tsv|csv|json|htm|html|txt)\b.*(?:详见|同目录|见)|(?:详见|见).*\.(?:tsv|csv|json)\b/i

/** A breadcrumb, printed on a line of its own or at the start of the body. */
const BREADCRUMB = /(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]?|(?:首页|主页|网站首页)\s*[>＞»›]/

/** Share, print and font widgets. */
const WIDGET_WORDS = [
  '微信',
  '微博',
  'QQ空间',
  'QQ好友',
  '腾讯微博',
  '新浪微博',
  '分享到',
  '分享',
  '字号',
  '字体',
  '大',
  '中',
  '小',
  '默认',
  '打印本页',
  '打印',
  '关闭窗口',
  '关闭',
  '收藏本页',
  '收藏',
  '附件下载',
  '扫一扫',
  '在手机打开当前页',
  '返回顶部',
  '返回'
]
const WIDGET_LINE = new RegExp(`^(?:\\s|[【】\\[\\]:：|｜/]|${WIDGET_WORDS.join('|')})+$`)

/** Where the page goes on after the report: related links, navigation, the site footer. */
export const TRAILER = new RegExp(
  '(?:【\\s*)?(?:相关链接|相关文章|相关阅读|相关信息|相关新闻|相关稿件|相关文件|相关解读|上一篇|下一篇|推荐阅读|热点推荐|网站地图|版权所有|' +
    '主办单位|主办[:：]|承办单位|承办[:：]|技术支持|ICP备|网站标识码|公网安备|联系我们|打印本页|关闭窗口|分享到|扫一扫在手机)'
)

/** Widget words at the start of the body, before the title (“字号：大 中 小 打印本页 XX镇…”). */
export const LEADING_WIDGETS = new RegExp(`^(?:\\s|[【】\\[\\]:：|｜/>＞»›]|${[...WIDGET_WORDS, '正文'].join('|')})+`)

export type LineKind = 'title' | 'metadata' | 'separator' | 'address' | 'breadcrumb' | 'widget' | 'text'

/** What a line of a page is; `title`: its value (the text after the label). */
export function classifyLine(text: string): { kind: LineKind; title?: string } {
  const title = TITLE_LINE.exec(text)
  if (title) return { kind: 'title', title: title[1]!.trim() }
  if (METADATA_LINE.test(text)) return { kind: 'metadata' }
  if (SEPARATOR_LINE.test(text)) return { kind: 'separator' }
  if (ADDRESS_LINE.test(text)) return { kind: 'address' }
  if (text.length <= 120 && BREADCRUMB.test(text) && !/[。；]/.test(text)) return { kind: 'breadcrumb' }
  if (WIDGET_LINE.test(text.trim())) return { kind: 'widget' }
  return { kind: 'text' }
}

/** The breadcrumb at the start of a long line: up to its last `>` step (one step's words after it). */
export function leadingBreadcrumb(text: string): number {
  const m = /^\s*(?:(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]?\s*)?(?:首页|主页|网站首页)(?:\s*[>＞»›]\s*[^\s>＞»›。，]{1,16})+\s*/.exec(text)
  return m ? m[0].length : 0
}
