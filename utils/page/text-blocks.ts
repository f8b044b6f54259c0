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

/**
 * An element whose subtree is never scanned. Of editable regions only the editing host itself is
 * recognised, by its own `contenteditable` attribute: the walk never enters one, so nothing inside
 * is reached, and a queued root inside one is turned away by the scanner (PageScanner asks
 * isContentEditable once per root). isContentEditable of every element cost the element's depth
 * each time in Chromium (and happy-dom): 24,000 nested inline elements took 3.9 s with it.
 */
export function isSkipped(element: Element): boolean {
  return (
    SKIP.has(element.tagName.toUpperCase()) ||
    element.hasAttribute(OWN_UI_ATTRIBUTE) ||
    (element instanceof HTMLElement && isEditingHost(element))
  );
}

/** `contenteditable` as "", "true" or "plaintext-only", in any case (HTML: the attribute's states). */
function isEditingHost(element: HTMLElement): boolean {
  const value = element.getAttribute('contenteditable')?.toLowerCase();
  return value === '' || value === 'true' || value === 'plaintext-only';
}

function isInline(node: Node): boolean {
  return node instanceof Element && INLINE.has(node.tagName.toUpperCase());
}

/** The nearest ancestor of `node` (from its parent up) that is `root` or no inline element. */
function blockOf(node: Node, root: Node): Node {
  let current = node.parentNode;
  while (current && current !== root && isInline(current)) current = current.parentNode;
  return current ?? root;
}

/**
 * Text blocks under `root` (an element, document body or shadow root), in document order,
 * produced lazily so the caller can stop between blocks when its time slice is used up.
 * Open shadow roots met on the way are pushed to `shadowRoots` for the caller to scan too.
 */
export function* textBlocks(root: Node, shadowRoots: ShadowRoot[] = []): Generator<TextBlock> {
  const doc = root.ownerDocument ?? (root as Document);
  // The block of every element met so far. The walk meets a parent before its children, so an
  // element's block is its own or its parent's, one lookup each: looking up through the inline
  // ancestors at every text node instead cost the nesting depth each time (issue 13: 6,000
  // nested inline elements added 2.3 s).
  const blocks = new Map<Node, Node>([[root, root]]);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (isSkipped(element)) return NodeFilter.FILTER_REJECT;
      if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
      blocks.set(element, isInline(element) ? blockIn(blocks, element, root) : element);
      return NodeFilter.FILTER_SKIP;
    },
  });
  let current: TextBlock | null = null;
  let currentBlock: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length === 0) continue;
    const block = blockIn(blocks, text, root);
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

/** blockOf, from the parent's block when the walk has met the parent already. */
function blockIn(blocks: Map<Node, Node>, node: Node, root: Node): Node {
  const parent = node.parentNode;
  return (parent && blocks.get(parent)) ?? blockOf(node, root);
}

/** The element whose text block contains `node`: where a rescan after a mutation starts. */
export function blockRoot(node: Node): Node {
  if (node instanceof Element && !isInline(node)) return node;
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
