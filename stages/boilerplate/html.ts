/**
 * HTML in: Mozilla Readability on a linkedom DOM. linkedom has no script engine and loads
 * nothing, so page scripts never run and nothing the page references is fetched. The DOM walks
 * here are iterative, so deep nesting cannot overflow the stack.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Elements that never hold article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'SELECT', 'OPTION', 'BUTTON', 'INPUT', 'TEXTAREA', 'MATH']);
/** Elements that start a new line in rendered text (the rest flow inline). */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BR',
]);
/** Cells stay on their row's line, separated by a space. */
const CELL = new Set(['TD', 'TH']);

/** Past this nesting depth the page is pathological: deeper text still counts, its structure not. */
const MAX_DEPTH = 400;

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Rendered text of a subtree: one line per block element, white space inside lines collapsed later. */
export function domText(root: DomNode): string {
  const out: string[] = [];
  const stack: [DomNode, boolean, number][] = [[root, false, 0]];
  while (stack.length) {
    const [node, closing, depth] = stack.pop()!;
    const name = node.nodeName.toUpperCase();
    if (closing) {
      out.push(CELL.has(name) ? ' ' : '\n');
      continue;
    }
    if (node.nodeType === 3) {
      out.push((node.nodeValue ?? '').replace(/[\r\n]+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (SKIP.has(name)) continue;
    const block = BLOCK.has(name) && depth < MAX_DEPTH;
    if (block) {
      out.push(CELL.has(name) ? ' ' : '\n');
      stack.push([node, true, depth]);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false, depth + 1]);
  }
  return out.join('');
}

export interface HtmlExtraction {
  /** The main content as text, one block a line (null when Readability found none). */
  content: string | null;
  /** The whole page's rendered text, for the text rules when Readability finds nothing. */
  page: string;
  title: string | null;
  byline: string | null;
  lang: string | null;
}

/** Pages bigger than this are cut before parsing (a news page is far smaller; beyond is data or attack). */
const MAX_HTML = 8_000_000;

export function extractHtml(html: string, url?: string): HtmlExtraction {
  const source = html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html;
  const { document } = parseHTML(source);
  const doc = document as unknown as Document & DomNode;
  const lang = doc.documentElement?.getAttribute?.('lang') ?? null;
  const body = (doc.body as unknown as DomNode | null) ?? doc;
  const page = domText(body);
  let content: string | null = null;
  let title: string | null = null;
  let byline: string | null = null;
  try {
    // Readability mutates the DOM it reads: the page text above was taken first.
    const article = new Readability(doc, { keepClasses: false, charThreshold: 300 }).parse();
    if (article?.content) {
      const { document: fragment } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      content = domText((fragment.body as unknown as DomNode) ?? (fragment as unknown as DomNode));
      title = article.title?.trim() || null;
      byline = article.byline?.trim() || null;
    }
  } catch {
    content = null;
  }
  void url;
  return { content, page, title, byline, lang };
}
