import { PartNode } from './architecture';
import { textWidth } from './text-width';

/** Font sizes of a box's lines, in SVG units (the diagram's own stylesheet sets the same). */
export const FONT = { name: 13, service: 12, details: 10.5, badge: 11 } as const;

/** One line of text in a box, with the width it needs. */
export interface BoxLine {
  readonly role: 'name' | 'service' | 'details' | 'badge';
  readonly text: string;
  readonly width: number;
}

/** A part's box: its size and the lines it shows, every one of which fits. */
export interface NodeBox {
  readonly w: number;
  readonly h: number;
  /** Drawn small and without details (supporting parts). */
  readonly small: boolean;
  /** Icon size; text starts at `iconSize + 2 * PAD` from the box's left. */
  readonly iconSize: number;
  readonly lines: readonly BoxLine[];
  /** Height of the blast-radius band at the bottom (0 when the part has none). */
  readonly badgeHeight: number;
}

/** Inner padding between the border, the icon and the text. */
export const PAD = 8;
const MIN_WIDTH = { normal: 200, small: 160 };
/** The widest a box grows to show its details line; longer details are summarised with a count. */
const MAX_TEXT_WIDTH = 260;
const BADGE_HEIGHT = 22;

const line = (role: BoxLine['role'], text: string): BoxLine => ({
  role,
  text,
  width: textWidth(text, FONT[role], role === 'name' || role === 'badge' ? 'bold' : 'regular'),
});

/**
 * The details line as it fits in `room`: every item if they fit, else as many as fit and a count of
 * the rest (`+ EventBridge ×2, +2 more`), never a word cut in half.
 */
export function detailsLine(details: readonly string[], room: number): string | undefined {
  if (details.length === 0) return undefined;
  const full = `+ ${details.join(', ')}`;
  if (line('details', full).width <= room) return full;
  for (let shown = details.length - 1; shown >= 1; shown--) {
    const text = `+ ${details.slice(0, shown).join(', ')}, +${details.length - shown} more`;
    if (line('details', text).width <= room) return text;
  }
  return `+ ${details.length} more services`;
}

/** The blast-radius band's text: which routes share the fleet. */
export function badgeText(node: PartNode): string | undefined {
  if (!node.sharedBy) return undefined;
  return `one blast radius: ${node.sharedBy.map((r) => r.label).join(' + ')}`;
}

/**
 * Sizes a part's box to its labels: the name and service line always show whole (the box widens for
 * them); the details line is summarised to fit; a shared fleet gets a band naming its routes.
 */
export function nodeBox(node: PartNode, small: boolean): NodeBox {
  const iconSize = small ? 28 : 40;
  const textLeft = iconSize + 2 * PAD;
  const lines = [line('name', node.id), line('service', node.service)];
  const badge = badgeText(node);
  const badgeLine = badge ? line('badge', badge) : undefined;
  const needed = Math.max(...lines.map((l) => l.width), MIN_WIDTH[small ? 'small' : 'normal'] - textLeft - PAD);
  if (!small) {
    const details = detailsLine(node.details, Math.max(needed, MAX_TEXT_WIDTH));
    if (details) lines.push(line('details', details));
  }
  const textWidthNeeded = Math.max(...lines.map((l) => l.width));
  const w = Math.ceil(Math.max(textLeft + textWidthNeeded + PAD, badgeLine ? badgeLine.width + 2 * PAD : 0, MIN_WIDTH[small ? 'small' : 'normal']));
  const badgeHeight = badgeLine ? BADGE_HEIGHT : 0;
  return { w, h: (small ? 46 : 66) + badgeHeight, small, iconSize, lines: badgeLine ? [...lines, badgeLine] : lines, badgeHeight };
}
