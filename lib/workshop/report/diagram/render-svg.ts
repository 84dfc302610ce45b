import { Architecture, PartNode } from './architecture';
import { iconUri } from './icon-uri';
import { FONT, NodeBox, nodeBox, PAD } from './node-box';
import { DIAGRAM_FONT } from './text-width';

/** Size of the drawing's boxes, in SVG units. */
const BOX = { w: 200, h: 66 };
const USERS = { w: 200, h: 66 };
const GAP = 28;
const PER_ROW = 4;
/** The widest a row of boxes gets before the next box starts a new row (the report's column is about 1,040 px). */
const ROW_WIDTH = 960;
const BAND_LABEL = 22;
const MARGIN = 24;

/** The diagram's own type and colours: its labels are sized for this font (text-width.ts). */
const STYLE =
  `svg.architecture text{font-family:${DIAGRAM_FONT}}` +
  `svg.architecture .name{font-size:${FONT.name}px;font-weight:bold}svg.architecture .service{font-size:${FONT.service}px}` +
  `svg.architecture .details{font-size:${FONT.details}px}svg.architecture .badge text{font-size:${FONT.badge}px;font-weight:bold;fill:#fff}` +
  'svg.architecture .badge rect{fill:#b3261e;stroke:none}svg.architecture .node.shared>rect{stroke:#b3261e;stroke-width:2.4}' +
  'svg.architecture .legend-shared{font-size:12px;fill:#b3261e}svg.architecture .node.data>rect{stroke:#8c4fff}svg.architecture .datastores rect{fill:#f7f3ff;stroke:#8c4fff;stroke-dasharray:5 3}';

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

type RowNode = { readonly id: string; readonly node?: PartNode; readonly box?: NodeBox };
interface Row {
  readonly label?: string;
  readonly vpc?: boolean;
  /** Drawn inside a frame of its own (the data stores). */
  readonly frame?: string;
  readonly nodes: RowNode[];
}

const sizeOf = (n: RowNode) => n.box ?? { w: USERS.w, h: USERS.h };

/** Splits a band into rows of at most PER_ROW boxes and ROW_WIDTH units. */
function wrap(row: Row): Row[] {
  const chunks: Row[] = [];
  let current: RowNode[] = [];
  let width = -GAP;
  for (const n of row.nodes) {
    if (current.length > 0 && (current.length === PER_ROW || width + GAP + sizeOf(n).w > ROW_WIDTH)) {
      chunks.push({ ...row, label: chunks.length === 0 ? row.label : undefined, nodes: current });
      current = [];
      width = -GAP;
    }
    current.push(n);
    width += GAP + sizeOf(n).w;
  }
  chunks.push({ ...row, label: chunks.length === 0 ? row.label : undefined, nodes: current });
  return chunks;
}

function renderBox(p: Placed, box: NodeBox): string {
  const node = p.node!;
  const textX = p.x + box.iconSize + 2 * PAD;
  const bodyH = p.h - box.badgeHeight;
  const ys = box.small ? [20, 35] : [24, 41, 56];
  const texts = box.lines
    .filter((l) => l.role !== 'badge')
    .map((l, i) => `<text class="${l.role}" x="${textX}" y="${p.y + ys[i]}">${escape(l.text)}</text>`);
  const badge = box.lines.find((l) => l.role === 'badge');
  const tooltip = [
    `${node.id}: ${node.service}, ${node.resources} resources`,
    node.details.length ? `also ${node.details.join(', ')}` : '',
    node.sharedBy ? `One fleet serves ${node.sharedBy.map((r) => r.label).join(', ')}: one component's load or failure takes the others down with it.` : '',
  ].filter(Boolean).join('\n');
  const classes = ['node', box.small ? 'small' : '', node.category === 'data' ? 'data' : '', node.sharedBy ? 'shared' : ''].filter(Boolean).join(' ');
  return (
    `<g class="${classes}"><title>${escape(tooltip)}</title>` +
    `<rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="6"/>` +
    `<image href="${iconUri(node.mainType)}" x="${p.x + PAD}" y="${p.y + (bodyH - box.iconSize) / 2}" width="${box.iconSize}" height="${box.iconSize}"/>` +
    texts.join('') +
    (badge
      ? `<g class="badge"><rect x="${p.x + 1}" y="${p.y + bodyH}" width="${p.w - 2}" height="${box.badgeHeight - 1}" rx="4"/>` +
        `<text x="${p.x + p.w / 2}" y="${p.y + bodyH + 15}" text-anchor="middle">${escape(badge.text)}</text></g>`
      : '') +
    '</g>'
  );
}

/** Whether the S-curve from (sx, sy) to (ex, ey) (vertical tangents at both ends) passes through a box. */
function curveCrosses(box: Placed, sx: number, sy: number, ex: number, ey: number): boolean {
  const my = (sy + ey) / 2;
  for (let i = 1; i < 24; i++) {
    const t = i / 24;
    const u = 1 - t;
    const x = u * u * u * sx + 3 * u * u * t * sx + 3 * u * t * t * ex + t * t * t * ex;
    const y = u * u * u * sy + 3 * u * u * t * my + 3 * u * t * t * my + t * t * t * ey;
    if (x > box.x - 4 && x < box.x + box.w + 4 && y > box.y - 4 && y < box.y + box.h + 4) return true;
  }
  return false;
}

/**
 * Draws an architecture as SVG: the internet at the top, the services at AWS's edge, the VPC with one
 * band per subnet tier, regional services, the data stores in a frame of their own, then the
 * supporting parts (keys, alerts, logs, failure queues) small at the bottom. Arrows are the relations
 * the template implies; solid ones carry traffic or events. Every box is sized to its labels; a fleet
 * several routes share is outlined in red with a band naming them: one blast radius.
 */
export function renderArchitecture(arch: Architecture, title: string): string {
  const rows: Row[] = [];
  const nodes = (parts: PartNode[], small = false): RowNode[] => parts.map((node) => ({ id: node.id, node, box: nodeBox(node, small) }));
  const byKind = (kind: string) => arch.parts.filter((p) => p.placement.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
  if (arch.parts.some((p) => p.publicEntry)) rows.push({ nodes: [{ id: '(users)' }] });
  const edge = byKind('edge');
  if (edge.length > 0) rows.push({ label: 'AWS edge and managed entry points', nodes: nodes(edge) });
  for (const tier of arch.tiers) {
    const inTier = arch.parts.filter((p) => p.placement.kind === 'subnet' && p.placement.tier === tier).sort((a, b) => a.id.localeCompare(b.id));
    rows.push({ label: `${tier} subnets`, vpc: true, nodes: nodes(inTier) });
  }
  const regional = byKind('regional');
  if (regional.length > 0) rows.push({ label: 'Regional services', nodes: nodes(regional) });
  const data = byKind('data');
  if (data.length > 0) rows.push({ label: 'Data stores', frame: 'datastores', nodes: nodes(data) });
  const support = byKind('support');
  if (support.length > 0) rows.push({ label: 'Supporting: keys, alerts, logs, failure queues', nodes: nodes(support, true) });

  const rowWidth = (l: Row) => l.nodes.reduce((sum, n) => sum + sizeOf(n).w + GAP, -GAP);
  const contentWidth = Math.max(...rows.flatMap(wrap).map(rowWidth), 3 * BOX.w + 2 * GAP);
  const width = contentWidth + 2 * MARGIN + 2 * GAP;
  const placed = new Map<string, Placed>();
  const bands: string[] = [];
  const frames = new Map<string, { top: number; bottom: number }>();
  let y = MARGIN;
  let vpcTop: number | undefined;
  let vpcBottom = 0;
  const neighbours = (id: string) => [
    ...arch.edges.filter((e) => e.to === id).map((e) => e.from),
    ...arch.edges.filter((e) => e.from === id).map((e) => e.to),
    ...(arch.parts.find((p) => p.id === id)?.publicEntry ? ['(users)'] : []),
  ];
  // Each band's boxes sit under the boxes above them they connect to (the mean of their centres), so
  // arrows run down rather than across one another; boxes connected to nothing above keep their order.
  const ordered = (row: Row): Row => {
    const centre = (id: string) => {
      const xs = neighbours(id).map((n) => placed.get(n)).filter((p) => p !== undefined).map((p) => p.x + p.w / 2);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Infinity;
    };
    return { ...row, nodes: [...row.nodes].sort((a, b) => centre(a.id) - centre(b.id)) };
  };
  // Bands are ordered one at a time, as the bands above them are placed.
  for (const line of (function* () { for (const row of rows) yield* wrap(ordered(row)); })()) {
    if (line.vpc && vpcTop === undefined) {
      vpcTop = y;
      y += BAND_LABEL + 6;
    }
    const frameTop = y - 6;
    if (line.label) {
      bands.push(`<text class="band" x="${MARGIN + (line.vpc || line.frame ? GAP : 0)}" y="${y + 14}">${escape(line.label)}</text>`);
      y += BAND_LABEL;
    }
    const rowHeight = Math.max(...line.nodes.map((n) => sizeOf(n).h), line.nodes.length === 0 ? 30 : 0);
    if (line.nodes.length === 0) bands.push(`<text class="empty" x="${width / 2}" y="${y + 20}" text-anchor="middle">nothing runs here in this stage</text>`);
    let x = (width - rowWidth(line)) / 2;
    for (const n of line.nodes) {
      const size = sizeOf(n);
      placed.set(n.id, { id: n.id, x, y, w: size.w, h: size.h, node: n.node });
      x += size.w + GAP;
    }
    y += rowHeight + GAP;
    if (line.vpc) vpcBottom = y - GAP / 2;
    if (line.frame) frames.set(line.frame, { top: frames.get(line.frame)?.top ?? frameTop, bottom: y - GAP / 2 });
  }
  // The monolith's flaw in words under the drawing, when the template shows it.
  const sharedParts = arch.parts.filter((p) => p.sharedBy);
  const legend = sharedParts.length
    ? `<text class="legend-shared" x="${MARGIN}" y="${y + 4}">Red outline: one fleet serves several routes; one route's load or failure takes the others down.</text>`
    : '';
  if (legend) y += 20;
  const height = y + MARGIN - GAP / 2;

  const vpcBox = arch.vpc && vpcTop !== undefined
    ? `<g class="vpc"><rect x="${MARGIN}" y="${vpcTop}" width="${width - 2 * MARGIN}" height="${vpcBottom - vpcTop}" rx="6"/>` +
      `<image href="${iconUri('AWS::EC2::VPC')}" x="${MARGIN + 4}" y="${vpcTop + 4}" width="22" height="22"/>` +
      `<text class="band" x="${MARGIN + 32}" y="${vpcTop + 19}">VPC</text></g>`
    : '';
  const frameBoxes = [...frames.entries()].map(
    ([name, f]) => `<g class="${name}"><rect x="${MARGIN}" y="${f.top}" width="${width - 2 * MARGIN}" height="${f.bottom - f.top}" rx="6"/></g>`,
  );

  const arrows: string[] = [];
  const entries = arch.parts.filter((p) => p.publicEntry).map((p) => ({ from: '(users)', to: p.id, kind: 'requests' }));
  for (const e of [...entries, ...arch.edges]) {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) continue;
    const weak = e.kind === 'uses';
    const cls = `edge${weak ? ' weak' : ''}`;
    const text = (x: number, y: number, anchor = 'start') => (weak ? '' : `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}">${escape(e.kind)}</text>`);
    if (Math.abs(a.y - b.y) < 1) {
      // Side by side: a short straight arrow, its label above the gap (the gap is narrower than a label).
      const start = border(a, { x: b.x + b.w / 2, y: b.y + b.h / 2 });
      const end = border(b, { x: a.x + a.w / 2, y: a.y + a.h / 2 });
      arrows.push(`<g class="${cls}"><line x1="${start.x.toFixed(1)}" y1="${start.y.toFixed(1)}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" marker-end="url(#arrow)"/>` +
        text((start.x + end.x) / 2, Math.min(a.y, b.y) - 4, 'middle') + '</g>');
      continue;
    }
    // Between rows: an S-curve from the bottom of the upper box to the top of the lower one, so it runs
    // down the gaps between rows instead of across the boxes beside its ends.
    const down = b.y > a.y;
    const sx = a.x + a.w / 2;
    const sy = down ? a.y + a.h : a.y;
    const ex = b.x + b.w / 2;
    const ey = down ? b.y : b.y + b.h;
    const my = (sy + ey) / 2;
    const others = [...placed.values()].filter((p) => p !== a && p !== b);
    if (others.some((box) => curveCrosses(box, sx, sy, ex, ey))) {
      // Another box sits on the way: go round everything between the two rows, on the shorter side.
      const between = [a, b, ...others.filter((p) => p.y + p.h > Math.min(a.y, b.y) && p.y < Math.max(a.y + a.h, b.y + b.h))];
      const right = Math.max(...between.map((p) => p.x + p.w)) + 36;
      const left = Math.max(6, Math.min(...between.map((p) => p.x)) - 36);
      const goRight = 2 * right - (a.x + a.w) - (b.x + b.w) <= a.x + b.x - 2 * left;
      const bow = goRight ? right : left;
      const [ax, ay, bx, by] = goRight ? [a.x + a.w, a.y + a.h / 2, b.x + b.w, b.y + b.h / 2] : [a.x, a.y + a.h / 2, b.x, b.y + b.h / 2];
      arrows.push(`<g class="${cls}"><path d="M${ax},${ay} C${bow},${ay} ${bow},${by} ${bx},${by}" fill="none" marker-end="url(#arrow)"/>` +
        text(goRight ? bow - 20 : bow + 4, (ay + by) / 2) + '</g>');
      continue;
    }
    arrows.push(`<g class="${cls}"><path d="M${sx.toFixed(1)},${sy} C${sx.toFixed(1)},${my} ${ex.toFixed(1)},${my} ${ex.toFixed(1)},${ey}" fill="none" marker-end="url(#arrow)"/>` +
      text((sx + ex) / 2 + 6, my - 3) + '</g>');
  }

  const boxes = [...placed.values()].map((p) => {
    if (!p.node) {
      return `<g class="node users"><rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="33"/>` +
        `<text class="name" x="${p.x + p.w / 2}" y="${p.y + 30}" text-anchor="middle">Users and devices</text>` +
        `<text class="service" x="${p.x + p.w / 2}" y="${p.y + 46}" text-anchor="middle">the internet</text></g>`;
    }
    return renderBox(p, nodeBox(p.node, p.node.placement.kind === 'support'));
  });

  return (
    `<svg class="architecture" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(title)}">` +
    `<style>${STYLE}</style>` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>' +
    `<title>${escape(title)}</title>${vpcBox}${frameBoxes.join('')}${bands.join('')}${arrows.join('')}${boxes.join('')}${legend}</svg>`
  );
}
