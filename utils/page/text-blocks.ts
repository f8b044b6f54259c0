// Splits a DOM subtree into "blocks" of visible text: the text of consecutive inline nodes is
// joined, so `<b>mail1</b>.trump-email.com` is read as one host, and each character of the
// joined string maps back to its text node for drawing marks.
//
// Skipped: code that is not text (script, style...), form fields and editable regions (the
// user is typing; marks would get in the way), and our own UI.

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);

// Elements that flow inside a line of text; anything else starts a new block.
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

/** Our own shadow host carries this attribute; its subtree is never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-hostlens-ui';

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]`'s text begins in `text`. */
  starts: number[];
}

export function isSkipped(element: Element): boolean {
  return (
    SKIP.has(element.tagName.toUpperCase()) ||
    element.hasAttribute(OWN_UI_ATTRIBUTE) ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

function blockOf(node: Node, root: Node): Node {
  let current = node.parentNode;
  while (
    current &&
    current !== root &&
    current instanceof Element &&
    INLINE.has(current.tagName.toUpperCase())
  ) {
    current = current.parentNode;
  }
  return current ?? root;
}

/**
 * Text blocks under `root` (an element, document body or shadow root), in document order,
 * produced lazily so the caller can stop between blocks when its time slice is used up.
 * Open shadow roots met on the way are pushed to `shadowRoots` for the caller to scan too.
 */
export function* textBlocks(root: Node, shadowRoots: ShadowRoot[] = []): Generator<TextBlock> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (isSkipped(element)) return NodeFilter.FILTER_REJECT;
      if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
      return NodeFilter.FILTER_SKIP;
    },
  });
  let current: TextBlock | null = null;
  let currentBlock: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length === 0) continue;
    const block = blockOf(text, root);
    if (!current || block !== currentBlock) {
      // A block of only whitespace has nothing to find.
      if (current && /\S/.test(current.text)) yield current;
      current = { text: '', nodes: [], starts: [] };
      currentBlock = block;
    }
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += text.data;
  }
  if (current && /\S/.test(current.text)) yield current;
}

/** The element whose text block contains `node`: where a rescan after a mutation starts. */
export function blockRoot(node: Node): Node {
  if (node instanceof Element && !INLINE.has(node.tagName.toUpperCase())) return node;
  const doc = node.ownerDocument;
  return blockOf(node, doc?.body ?? node);
}

/** The text node and offset inside it for a position in a block's joined text. */
export function locate(
  block: TextBlock,
  position: number,
  preferEnd = false,
): { node: Text; offset: number } {
  let index = 0;
  // Binary search on `starts`.
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (block.starts[mid]! <= position) {
      index = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // An end offset exactly at a node boundary belongs to the earlier node.
  if (preferEnd && index > 0 && block.starts[index] === position) index--;
  const node = block.nodes[index]!;
  return { node, offset: position - block.starts[index]! };
}
