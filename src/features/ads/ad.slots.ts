/**
 * The named placements on reader pages and the sizes each may serve. Slot ids
 * on a page are the kind itself ('top', 'rail', 'home-1', 'home-2') or, for
 * in-article breaks, the kind with a number ('in-article-1', 'in-article-2', …).
 */
export const AD_SLOTS = {
  top: { sizes: ['728x90', '320x50'], label: 'Top leaderboard' }, // 320x50 on phones (<768px)
  rail: { sizes: ['300x250'], label: 'Sidebar rectangle' },
  'in-article': { sizes: ['300x250'], label: 'In-article (after paragraph N)' },
  'home-1': { sizes: ['300x250'], label: 'Home, after the lead' },
  'home-2': { sizes: ['300x250'], label: 'Home, between sections' },
} as const;

export type AdSlotKind = keyof typeof AD_SLOTS;
export type AdSize = '728x90' | '320x50' | '300x250';

export const AD_SIZES: readonly AdSize[] = ['728x90', '320x50', '300x250'];
export const AD_SLOT_KINDS = Object.keys(AD_SLOTS) as AdSlotKind[];

export function isAdSize(s: string): s is AdSize {
  return (AD_SIZES as readonly string[]).includes(s);
}

/** Width and height of a size. */
export function sizeDimensions(size: AdSize): { width: number; height: number } {
  const [w, h] = size.split('x');
  return { width: Number(w), height: Number(h) };
}

/** The slot kind of a slot id on a page ('in-article-2' → 'in-article'), or null for an unknown id. */
export function slotKindOf(slotId: string): AdSlotKind | null {
  if (Object.hasOwn(AD_SLOTS, slotId)) return slotId as AdSlotKind;
  if (/^in-article-[1-9][0-9]?$/.test(slotId)) return 'in-article';
  return null;
}

/** The sizes a slot id may serve (empty for an unknown id). */
export function slotSizes(slotId: string): readonly AdSize[] {
  const kind = slotKindOf(slotId);
  return kind === null ? [] : AD_SLOTS[kind].sizes;
}
