// The marks of one page: which host each range covers, kept per text node (for pointer
// hit-testing) and per host (for counts), drawn through the CSS Custom Highlight API so the
// page's DOM is never touched.
//
// Lifetime: the content script's, i.e. the page's. Ranges are live: when the page edits or
// removes text, the browser moves or collapses them; `prune` drops the dead ones.
import type { HostKind } from '../hosts/host';

export interface MarkedHost {
  host: string;
  kind: HostKind;
  count: number;
  /** The first occurrence, with some text around it. */
  context: string;
}

export interface Mark {
  host: string;
  kind: HostKind;
  range: Range;
}

export const HIGHLIGHT_NAME = 'hostlens';

export class PageMarks {
  readonly #byNode = new WeakMap<Text, Mark[]>();
  readonly #byHost = new Map<string, { kind: HostKind; context: string; marks: Set<Mark> }>();
  readonly #highlight: Highlight | null;

  constructor(highlight: Highlight | null) {
    this.#highlight = highlight;
  }

  /** Forgets every mark that touches `node` (before its block is scanned again). */
  clearNode(node: Text): void {
    const marks = this.#byNode.get(node);
    if (!marks) return;
    this.#byNode.delete(node);
    for (const mark of marks) {
      this.#remove(mark);
      // A mark over `<b>mail1</b>.trump-email.com` is listed under both its text nodes.
      const other = (
        mark.range.startContainer === node ? mark.range.endContainer : mark.range.startContainer
      ) as Text;
      const list = this.#byNode.get(other);
      if (list)
        this.#byNode.set(
          other,
          list.filter((m) => m !== mark),
        );
    }
  }

  add(mark: Mark, context: string): void {
    for (const node of new Set([mark.range.startContainer, mark.range.endContainer]) as Set<Text>) {
      const list = this.#byNode.get(node) ?? [];
      list.push(mark);
      this.#byNode.set(node, list);
    }
    let entry = this.#byHost.get(mark.host);
    if (!entry) {
      entry = { kind: mark.kind, context, marks: new Set() };
      this.#byHost.set(mark.host, entry);
    }
    entry.marks.add(mark);
    this.#highlight?.add(mark.range);
  }

  /** Marks that start or end in a text node: what the pointer may be over. */
  marksIn(node: Text): readonly Mark[] {
    return this.#byNode.get(node) ?? [];
  }

  /** Drops marks whose text left the document or was emptied. */
  prune(): void {
    for (const entry of this.#byHost.values()) {
      for (const mark of entry.marks) {
        if (mark.range.collapsed || !mark.range.startContainer.isConnected) this.#remove(mark);
      }
    }
  }

  /** Every live mark, in no particular order (keyboard walk sorts them). */
  allMarks(): Mark[] {
    return [...this.#byHost.values()].flatMap((entry) => [...entry.marks]);
  }

  hosts(): MarkedHost[] {
    const result: MarkedHost[] = [];
    for (const [host, entry] of this.#byHost) {
      if (entry.marks.size > 0)
        result.push({ host, kind: entry.kind, count: entry.marks.size, context: entry.context });
    }
    return result;
  }

  #remove(mark: Mark): void {
    this.#highlight?.delete(mark.range);
    const entry = this.#byHost.get(mark.host);
    entry?.marks.delete(mark);
    if (entry && entry.marks.size === 0) this.#byHost.delete(mark.host);
  }
}
