// Where the card goes: next to the host (below it, or above when there is no room), never
// over it, and always inside the viewport. Pure, so it is tested without a browser.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 6;
const MARGIN = 8;

/**
 * `anchor`: the host's rect in viewport coordinates; `card`: the card's size; `viewport`:
 * its size. `rtl`: align the card's right edge with the anchor's on right-to-left pages.
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  rtl = false,
): { left: number; top: number; side: 'below' | 'above' } {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - card.height;
  const roomBelow = viewport.height - MARGIN - below;
  const roomAbove = anchor.top - GAP - MARGIN;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  let top = side === 'below' ? below : above;
  // A card taller than the room on its side is clamped to the viewport on that side only,
  // so it may scroll inside itself but never covers the host.
  top =
    side === 'below'
      ? Math.min(top, Math.max(below, viewport.height - MARGIN - card.height))
      : Math.max(MARGIN, top);
  let left = rtl ? anchor.left + anchor.width - card.width : anchor.left;
  left = Math.min(left, viewport.width - MARGIN - card.width);
  left = Math.max(MARGIN, left);
  return { left: Math.round(left), top: Math.round(top), side };
}
