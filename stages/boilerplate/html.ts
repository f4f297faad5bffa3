/**
 * HTML in: Mozilla Readability on a linkedom DOM. linkedom has no script engine and loads
 * nothing, so page scripts never run and nothing the page references is fetched. The DOM walks
 * here are iterative, so deep nesting cannot overflow the stack.
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHTML } from 'linkedom';
import { lazyModule } from '../../pipeline/lazy-module.ts';

const linkedom = lazyModule<{ parseHTML: typeof ParseHTML }>('linkedom');
const readability = lazyModule<{ Readability: typeof ReadabilityClass }>('@mozilla/readability');

/** linkedom and Readability, loaded with the first page of HTML (~0.6 s in every thread; a dump of plain text never needs them). */
export function htmlLibraries(): { parseHTML: typeof ParseHTML; Readability: typeof ReadabilityClass } {
  return { parseHTML: linkedom().parseHTML, Readability: readability().Readability };
}

/**
 * Elements that never hold article text. A <figcaption> is marked up as figure furniture: both HTML
 * benchmarks (AEB, trafilatura) count captions as boilerplate. Text dumps cannot mark captions,
 * and there the seed convention keeps them.
 */
const SKIP = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'SELECT', 'OPTION', 'BUTTON', 'INPUT', 'TEXTAREA', 'MATH']);
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

/** Deepest element nesting and element count, walked iteratively (stops counting past the limits). */
export function domShape(root: DomNode, maxDepth: number, maxNodes: number): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (node.nodeType !== 1 && node.nodeType !== 9) continue;
    nodes++;
    if (d > depth) depth = d;
    if (depth > maxDepth || nodes > maxNodes) break;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], d + 1]);
  }
  return { depth, nodes };
}

/**
 * Readability walks ancestors per candidate and recurses in places: on absurd nesting or size it
 * takes minutes or overflows the stack. Such pages go to the text rules on the rendered page.
 */
const READABILITY_MAX_DEPTH = 160;
const READABILITY_MAX_NODES = 150_000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'tr', 'th', 'option']);
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title', 'svg', 'math']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * One linear pass over the markup, no DOM: the estimated nesting depth, and the text with a line
 * break at each block tag. For pages a DOM parser would choke on.
 */
export function scanHtml(html: string, wantText: boolean): { depth: number; text: string } {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let depth = 0;
  let maxDepth = 0;
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) {
      if (wantText) out.push(html.slice(at));
      break;
    }
    if (wantText && open > at) out.push(html.slice(at, open));
    if (lower.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    const m = /^<\/?([a-z][a-z0-9-]{0,20})/.exec(lower.slice(open, Math.min(close + 1, open + 24)));
    at = close + 1;
    if (!m) continue;
    const name = m[1];
    const closing = lower[open + 1] === '/';
    if (!closing && RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, at);
      at = end < 0 ? html.length : end;
      continue;
    }
    if (!VOID.has(name) && html[close - 1] !== '/') {
      depth += closing ? -1 : 1;
      if (depth < 0) depth = 0;
      if (depth > maxDepth) maxDepth = depth;
    }
    if (wantText) out.push(BLOCK.has(name.toUpperCase()) ? '\n' : ' ');
  }
  return { depth: maxDepth, text: wantText ? decodeEntities(out.join('')) : '' };
}

/** Beyond this estimated nesting a DOM parse itself turns slow: such a page is read as text. */
const PARSE_MAX_DEPTH = 1000;

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
  if (scanHtml(source, false).depth > PARSE_MAX_DEPTH) {
    return { content: null, page: scanHtml(source, true).text, title: null, byline: null, lang: null };
  }
  const { parseHTML, Readability } = htmlLibraries();
  const { document } = parseHTML(source);
  const doc = document as unknown as Document & DomNode;
  const lang = doc.documentElement?.getAttribute?.('lang') ?? null;
  const body = (doc.body as unknown as DomNode | null) ?? doc;
  const page = domText(body);
  let content: string | null = null;
  let title: string | null = null;
  let byline: string | null = null;
  const shape = domShape(doc, READABILITY_MAX_DEPTH, READABILITY_MAX_NODES);
  if (shape.depth > READABILITY_MAX_DEPTH || shape.nodes > READABILITY_MAX_NODES) return { content: null, page, title: null, byline: null, lang };
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
