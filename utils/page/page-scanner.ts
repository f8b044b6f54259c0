// Scans a page for hosts without getting in the reader's way: work is cut into slices of a few
// milliseconds run when the browser is idle; the MutationObserver callback only queues nodes.
import type { HostKind } from '../hosts/host';
import { PageMarks } from './page-marks';
import { blockRoot, isSkipped, locate, textBlocks, type TextBlock } from './text-blocks';

export interface DetectedHost {
  host: string;
  start: number;
  end: number;
  kind: HostKind;
}

export interface ScannerOptions {
  findHosts: (text: string) => DetectedHost[];
  marks: PageMarks;
  /** Called (debounced by the caller) whenever the set of marked hosts may have changed. */
  onChange: () => void;
  /**
   * Runs `task` when the browser is idle (requestIdleCallback in pages, a timer in tests),
   * passing how many milliseconds it may use.
   */
  schedule: (task: (budgetMs: number) => void) => void;
  now?: () => number;
}

const CONTEXT_CHARS = 40;

export class PageScanner {
  readonly #options: ScannerOptions;
  readonly #queue: Node[] = [];
  #current: Generator<TextBlock> | null = null;
  #shadowRoots: ShadowRoot[] = [];
  #scheduled = false;
  #observer: MutationObserver | null = null;
  /** Text was removed or edited since the last prune: some ranges may be dead. */
  #removals = false;

  constructor(options: ScannerOptions) {
    this.#options = options;
  }

  /** Queues a subtree (the body at start, an added node later) for scanning. */
  enqueue(root: Node): void {
    this.#queue.push(root);
    this.#wake();
  }

  /** Watches `root` for added or edited text; only queues, never scans in the callback. */
  observe(root: Node): void {
    this.#observer ??= new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') {
          this.#removals = true;
          this.enqueue(blockRoot(record.target));
        } else {
          for (const node of record.addedNodes) {
            if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE)
              this.enqueue(blockRoot(node));
          }
          if (record.removedNodes.length > 0) {
            this.#removals = true;
            this.enqueue(blockRoot(record.target));
          }
        }
      }
    });
    this.#observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.#observer?.disconnect();
    this.#queue.length = 0;
    this.#current = null;
  }

  /** True while work is queued: tests wait for this to turn false. */
  get busy(): boolean {
    return this.#scheduled || this.#current !== null || this.#queue.length > 0;
  }

  #wake(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#options.schedule((budgetMs) => this.#runSlice(budgetMs));
  }

  #runSlice(budgetMs: number): void {
    this.#scheduled = false;
    const now = this.#options.now ?? (() => performance.now());
    const deadline = now() + budgetMs;
    let changed = false;
    while (now() < deadline) {
      if (!this.#current) {
        const root = this.#nextRoot();
        if (!root) break;
        this.#current = textBlocks(root, this.#shadowRoots);
      }
      const next = this.#current.next();
      if (next.done) {
        this.#current = null;
        continue;
      }
      this.#scanBlock(next.value);
      changed = true;
    }
    const more = this.#current !== null || this.#queue.length > 0 || this.#shadowRoots.length > 0;
    // Pruning walks every mark: once per burst of edits, not once per slice.
    if (!more && this.#removals) {
      this.#removals = false;
      this.#options.marks.prune();
      changed = true;
    }
    if (changed) this.#options.onChange();
    if (more) this.#wake();
  }

  #nextRoot(): Node | undefined {
    for (;;) {
      const root = this.#shadowRoots.shift() ?? this.#queue.shift();
      if (!root) return undefined;
      if (!root.isConnected) continue;
      // A queued node inside a skipped element (an editor, our own UI) stays unscanned.
      const parent = root instanceof Element ? root : root.parentElement;
      if (parent?.closest('script,style,noscript,textarea,template,[data-hostlens-ui]')) continue;
      if (parent instanceof HTMLElement && parent.isContentEditable) continue;
      if (root instanceof Element && isSkipped(root)) continue;
      return root;
    }
  }

  #scanBlock(block: TextBlock): void {
    const { marks, findHosts } = this.#options;
    for (const node of block.nodes) marks.clearNode(node);
    for (const match of findHosts(block.text)) {
      const start = locate(block, match.start);
      const end = locate(block, match.end, true);
      const range = new Range();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const context = block.text
        .slice(Math.max(0, match.start - CONTEXT_CHARS), match.end + CONTEXT_CHARS)
        .replace(/\s+/g, ' ')
        .trim();
      marks.add({ host: match.host, kind: match.kind, range }, context);
    }
  }
}
