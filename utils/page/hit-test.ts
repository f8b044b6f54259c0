// Which mark is under the pointer: the caret position at the point gives a text node, the
// marks kept for that node are few, and their client rects decide. Nothing is added to the
// page and no listener is attached per mark.
import type { Mark, PageMarks } from './page-marks';

interface CaretPoint {
  node: Node;
  offset: number;
}

function caretAt(x: number, y: number): CaretPoint | null {
  // Standard (Firefox, Chrome 128+), then WebKit's older API.
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function contains(rects: DOMRectList, x: number, y: number): boolean {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

export function markAtPoint(marks: PageMarks, x: number, y: number): Mark | null {
  const caret = caretAt(x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  for (const mark of marks.marksIn(caret.node as Text)) {
    if (contains(mark.range.getClientRects(), x, y)) return mark;
  }
  return null;
}
