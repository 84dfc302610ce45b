import { iconUri } from '../icons';
import { Architecture, PartNode } from './architecture';

/** Size of the drawing's boxes, in SVG units. */
const BOX = { w: 200, h: 66 };
const SMALL = { w: 160, h: 46 };
const GAP = 28;
const PER_ROW = 4;
const BAND_LABEL = 22;
const MARGIN = 24;

interface Placed {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly node?: PartNode;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where the line from a box's centre toward a point leaves the box. */
function border(box: Placed, toward: { x: number; y: number }): { x: number; y: number } {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx === 0 ? Infinity : box.w / 2 / Math.abs(dx), dy === 0 ? Infinity : box.h / 2 / Math.abs(dy));
  return { x: cx + dx * t, y: cy + dy * t };
}

/**
 * Draws an architecture as SVG: the internet at the top, the services at AWS's edge, the VPC with one
 * band per subnet tier, regional services, then the supporting parts (keys, alerts, logs) small at
 * the bottom. Arrows are the relations the template implies; solid ones carry traffic or events.
 */
export function renderArchitecture(arch: Architecture, title: string): string {
  const rows: Array<{ label?: string; vpc?: boolean; nodes: Array<{ id: string; node?: PartNode; small?: boolean }> }> = [];
  const byKind = (kind: string) => arch.parts.filter((p) => p.placement.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
  if (arch.parts.some((p) => p.publicEntry)) rows.push({ nodes: [{ id: '(users)' }] });
  const edge = byKind('edge');
  if (edge.length > 0) rows.push({ label: 'AWS edge and managed entry points', nodes: edge.map((node) => ({ id: node.id, node })) });
  for (const tier of arch.tiers) {
    const inTier = arch.parts.filter((p) => p.placement.kind === 'subnet' && p.placement.tier === tier).sort((a, b) => a.id.localeCompare(b.id));
    rows.push({ label: `${tier} subnets`, vpc: true, nodes: inTier.map((node) => ({ id: node.id, node })) });
  }
  const regional = byKind('regional');
  if (regional.length > 0) rows.push({ label: 'Regional services', nodes: regional.map((node) => ({ id: node.id, node })) });
  const support = byKind('support');
  if (support.length > 0) rows.push({ label: 'Supporting: keys, alerts, logs', nodes: support.map((node) => ({ id: node.id, node, small: true })) });

  // Split long bands into rows of at most PER_ROW boxes.
  const lines = rows.flatMap((row) => {
    const chunks = [];
    for (let i = 0; i < Math.max(1, row.nodes.length); i += PER_ROW) chunks.push({ ...row, label: i === 0 ? row.label : undefined, nodes: row.nodes.slice(i, i + PER_ROW) });
    return chunks;
  });
  const widthOf = (n: { small?: boolean }) => (n.small ? SMALL.w : BOX.w);
  const contentWidth = Math.max(...lines.map((l) => l.nodes.reduce((sum, n) => sum + widthOf(n) + GAP, -GAP)), 3 * BOX.w + 2 * GAP);
  const width = contentWidth + 2 * MARGIN + 2 * GAP;
  const placed = new Map<string, Placed>();
  const bands: string[] = [];
  let y = MARGIN;
  let vpcTop: number | undefined;
  let vpcBottom = 0;
  for (const line of lines) {
    if (line.vpc && vpcTop === undefined) {
      vpcTop = y;
      y += BAND_LABEL + 6;
    }
    if (line.label) {
      bands.push(`<text class="band" x="${MARGIN + (line.vpc ? GAP : 0)}" y="${y + 14}">${escape(line.label)}</text>`);
      y += BAND_LABEL;
    }
    const rowHeight = Math.max(...line.nodes.map((n) => (n.small ? SMALL.h : BOX.h)), line.nodes.length === 0 ? 30 : 0);
    if (line.nodes.length === 0) bands.push(`<text class="empty" x="${width / 2}" y="${y + 20}" text-anchor="middle">nothing runs here in this stage</text>`);
    let x = (width - line.nodes.reduce((sum, n) => sum + widthOf(n) + GAP, -GAP)) / 2;
    for (const n of line.nodes) {
      const size = n.small ? SMALL : BOX;
      placed.set(n.id, { id: n.id, x, y, w: size.w, h: size.h, node: n.node });
      x += size.w + GAP;
    }
    y += rowHeight + GAP;
    if (line.vpc) vpcBottom = y - GAP / 2;
  }
  const height = y + MARGIN - GAP / 2;

  const vpcBox = arch.vpc && vpcTop !== undefined
    ? `<g class="vpc"><rect x="${MARGIN}" y="${vpcTop}" width="${width - 2 * MARGIN}" height="${vpcBottom - vpcTop}" rx="6"/>` +
      `<image href="${iconUri('AWS::EC2::VPC')}" x="${MARGIN + 4}" y="${vpcTop + 4}" width="22" height="22"/>` +
      `<text class="band" x="${MARGIN + 32}" y="${vpcTop + 19}">VPC</text></g>`
    : '';

  const arrows: string[] = [];
  const entries = arch.parts.filter((p) => p.publicEntry).map((p) => ({ from: '(users)', to: p.id, kind: 'requests' }));
  for (const e of [...entries, ...arch.edges]) {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) continue;
    const weak = e.kind === 'uses';
    const label = weak ? '' : `<text x="{LX}" y="{LY}">${escape(e.kind)}</text>`;
    // An arrow that would cross a row of boxes bows out to the right of both boxes instead.
    const skipsRows = Math.abs(b.y - a.y) > BOX.h + GAP + BAND_LABEL + 10 && Math.abs(a.x - b.x) < BOX.w;
    if (skipsRows) {
      const sx = a.x + a.w;
      const sy = a.y + a.h / 2;
      const ex = b.x + b.w;
      const ey = b.y + b.h / 2;
      const bow = Math.max(sx, ex) + 70;
      arrows.push(
        `<g class="edge${weak ? ' weak' : ''}"><path d="M${sx},${sy} C${bow},${sy} ${bow},${ey} ${ex},${ey}" fill="none" marker-end="url(#arrow)"/>` +
          label.replace('{LX}', String(bow - 10)).replace('{LY}', String((sy + ey) / 2)) + '</g>',
      );
      continue;
    }
    const start = border(a, { x: b.x + b.w / 2, y: b.y + b.h / 2 });
    const end = border(b, { x: a.x + a.w / 2, y: a.y + a.h / 2 });
    arrows.push(
      `<g class="edge${weak ? ' weak' : ''}"><line x1="${start.x.toFixed(1)}" y1="${start.y.toFixed(1)}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" marker-end="url(#arrow)"/>` +
        label.replace('{LX}', ((start.x + end.x) / 2 + 4).toFixed(1)).replace('{LY}', ((start.y + end.y) / 2 - 3).toFixed(1)) +
        '</g>',
    );
  }

  const boxes = [...placed.values()].map((p) => {
    if (!p.node) {
      return `<g class="node users"><rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="33"/>` +
        `<text class="name" x="${p.x + p.w / 2}" y="${p.y + 30}" text-anchor="middle">Users and devices</text>` +
        `<text class="service" x="${p.x + p.w / 2}" y="${p.y + 46}" text-anchor="middle">the internet</text></g>`;
    }
    const small = p.h === SMALL.h;
    const icon = small ? 28 : 40;
    const text = p.x + icon + 16;
    return (
      `<g class="node${small ? ' small' : ''}"><title>${escape(`${p.node.id}: ${p.node.service}, ${p.node.resources} resources`)}</title>` +
      `<rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="6"/>` +
      `<image href="${iconUri(p.node.mainType)}" x="${p.x + 8}" y="${p.y + (p.h - icon) / 2}" width="${icon}" height="${icon}"/>` +
      `<text class="name" x="${text}" y="${p.y + (small ? 20 : 24)}">${escape(p.node.id)}</text>` +
      `<text class="service" x="${text}" y="${p.y + (small ? 35 : 41)}">${escape(p.node.service)}</text>` +
      (small || p.node.details.length === 0 ? '' : `<text class="details" x="${text}" y="${p.y + 56}">${escape(`+ ${p.node.details.join(', ')}`.slice(0, 30))}</text>`) +
      '</g>'
    );
  });

  return (
    `<svg class="architecture" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(title)}">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>' +
    `<title>${escape(title)}</title>${vpcBox}${bands.join('')}${arrows.join('')}${boxes.join('')}</svg>`
  );
}
