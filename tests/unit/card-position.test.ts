import { describe, expect, it } from 'vitest';
import { placeCard } from '@/utils/page/card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 300 };
const overlaps = (a: { top: number; height: number }, top: number, height: number) =>
  top < a.top + a.height && a.top < top + height;

describe('placeCard', () => {
  it.each([
    ['in the middle', { left: 400, top: 300, width: 120, height: 20 }, false],
    ['near the bottom edge', { left: 400, top: 760, width: 120, height: 20 }, false],
    ['near the right edge', { left: 950, top: 100, width: 40, height: 20 }, false],
    ['near the left edge, right-to-left page', { left: 2, top: 100, width: 40, height: 20 }, true],
    ['at the very top', { left: 10, top: 0, width: 40, height: 20 }, false],
  ])('%s: inside the viewport and never over the host', (_label, anchor, rtl) => {
    const { left, top } = placeCard(anchor, card, viewport, rtl);
    expect(left).toBeGreaterThanOrEqual(8);
    expect(left + card.width).toBeLessThanOrEqual(viewport.width - 8);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(overlaps(anchor, top, card.height)).toBe(false);
  });

  it('goes above the host when there is no room below', () => {
    expect(placeCard({ left: 400, top: 700, width: 100, height: 20 }, card, viewport).side).toBe('above');
  });

  it('aligns to the host’s right edge on right-to-left pages', () => {
    expect(placeCard({ left: 600, top: 100, width: 100, height: 20 }, card, viewport, true).left).toBe(340);
  });
});
