// The marks of one page: which host each range covers, kept per text node (for pointer
// hit-testing) and per host (for counts), drawn through the CSS Custom Highlight API so the
// page's DOM is never touched.
//
// Lifetime: the content script's, i.e. the page's. Ranges are live: when the page edits or
// removes text, the browser moves or collapses them; `prune` drops the dead ones.
//
// Only marks near the viewport are in the highlight. The browser repaints every range of a
// registered highlight after each DOM change: on a live blog with 5,000 marks that was 79 long
// tasks in 10 s (up to 468 ms, `npm run bench`), against 2 with Hostlens off. An
// IntersectionObserver on each mark's element adds a block's ranges when it comes within a
// viewport of the screen and takes them out when it leaves.
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

/**
 * The highlight the marks are registered under, one per "Look of the marks": the styles are in
 * the content script's own stylesheet (marks.css), which the page can neither see nor override,
 * so choosing a look needs no access to the page beyond the content script.
 */
export const HIGHLIGHT_NAMES = { highlight: 'hostlens', underline: 'hostlens-underline' } as const;

/**
 * Most distinct hosts one page reports (the background refuses more: a hostile page can
 * generate any number). A page with more lists its most-mentioned ones; all stay marked.
 */
export const MAX_PAGE_HOSTS = 10_000;

/** Longest page title a content script reports (a page may set any length). */
export const MAX_PAGE_TITLE = 1000;

export class PageMarks {
  readonly #byNode = new WeakMap<Text, Mark[]>();
  readonly #byHost = new Map<string, { kind: HostKind; context: string; marks: Set<Mark> }>();
  readonly #highlight: Highlight | null;
  /** Marks per element, for the elements the observer watches. */
  readonly #byElement = new Map<Element, Set<Mark>>();
  readonly #elementOf = new WeakMap<Mark, Element>();
  readonly #near = new WeakSet<Element>();
  readonly #observer: IntersectionObserver | null;

  constructor(highlight: Highlight | null) {
    this.#highlight = highlight;
    this.#observer =
      highlight && typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.#onIntersect(entries), { rootMargin: '100% 0px' })
        : null;
  }

  #onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const marks = this.#byElement.get(entry.target);
      if (entry.isIntersecting) this.#near.add(entry.target);
      else this.#near.delete(entry.target);
      for (const mark of marks ?? []) {
        if (entry.isIntersecting) this.#highlight?.add(mark.range);
        else this.#highlight?.delete(mark.range);
      }
    }
  }

  /** Shows a mark now (no observer), or when its element comes near the viewport. */
  #draw(mark: Mark): void {
    const element = this.#observer && mark.range.startContainer.parentElement;
    if (!element) {
      this.#highlight?.add(mark.range);
      return;
    }
    let marks = this.#byElement.get(element);
    if (!marks) {
      this.#byElement.set(element, (marks = new Set()));
      this.#observer!.observe(element);
    }
    marks.add(mark);
    this.#elementOf.set(mark, element);
    if (this.#near.has(element)) this.#highlight?.add(mark.range);
  }

  #undraw(mark: Mark): void {
    this.#highlight?.delete(mark.range);
    const element = this.#elementOf.get(mark);
    const marks = element && this.#byElement.get(element);
    if (!element || !marks) return;
    marks.delete(mark);
    if (marks.size === 0) {
      this.#byElement.delete(element);
      this.#near.delete(element);
      this.#observer?.unobserve(element);
    }
  }

  /** Stops watching the page (the content script is leaving). */
  disconnect(): void {
    this.#observer?.disconnect();
    this.#byElement.clear();
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
    this.#draw(mark);
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

  /** The distinct hosts, at most `MAX_PAGE_HOSTS` (the most-mentioned ones). */
  hosts(): MarkedHost[] {
    const result: MarkedHost[] = [];
    for (const [host, entry] of this.#byHost) {
      if (entry.marks.size > 0)
        result.push({ host, kind: entry.kind, count: entry.marks.size, context: entry.context });
    }
    if (result.length <= MAX_PAGE_HOSTS) return result;
    return result.sort((a, b) => b.count - a.count).slice(0, MAX_PAGE_HOSTS);
  }

  #remove(mark: Mark): void {
    this.#undraw(mark);
    const entry = this.#byHost.get(mark.host);
    entry?.marks.delete(mark);
    if (entry && entry.marks.size === 0) this.#byHost.delete(mark.host);
  }
}
