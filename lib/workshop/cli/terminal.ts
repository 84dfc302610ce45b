/** How text output is styled and how wide it may be. */
export interface Terminal {
  /** Maximum characters per line. */
  readonly width: number;
  /** Whether to colour (only on a TTY, and never with NO_COLOR set). */
  readonly colour: boolean;
}

/** The terminal stdout writes to: its width on a TTY, else COLUMNS or 100; colour only on a TTY. */
export function stdoutTerminal(stream: NodeJS.WriteStream = process.stdout): Terminal {
  const columns = stream.isTTY ? stream.columns : Number(process.env.COLUMNS) || 100;
  return { width: Math.max(60, Math.min(columns || 100, 200)), colour: Boolean(stream.isTTY) && process.env.NO_COLOR === undefined };
}

const CODES = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, blue: 34, cyan: 36 } as const;
export type Style = keyof typeof CODES;

/** Styling that is a no-op without colour, so every line's width is what it prints. */
export function painter(terminal: Terminal): (style: Style, text: string) => string {
  return (style, text) => (terminal.colour ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
}

/** Visible length of a line (ANSI colour codes do not count). */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Cuts a plain line to the width, marking the cut with an ellipsis. */
export function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Wraps prose to the width, each line starting with the indent. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(fit(indent + line, width));
  return lines;
}

/**
 * A line that starts with a fixed prefix (kept as it is, padding and all) followed by prose wrapped to
 * the width, its further lines under a hanging indent: `  x REL07-BP03  A long title...`.
 */
export function wrapAfter(prefix: string, text: string, width: number, hanging: string): string[] {
  const lines: string[] = [];
  let line = prefix;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(fit(line, width));
      line = hanging + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(fit(line, width));
  return lines;
}

/** Items joined by `, ` and wrapped to the width without breaking an item: `API Gateway +13, EC2 -1`. */
export function wrapList(prefix: string, items: readonly string[], width: number, hanging: string): string[] {
  const lines: string[] = [];
  let line = prefix;
  items.forEach((item, i) => {
    const text = i < items.length - 1 ? `${item},` : item;
    const fresh = line === prefix || line === hanging;
    if (!fresh && line.length + 1 + text.length > width) {
      lines.push(fit(line, width));
      line = hanging + text;
    } else {
      line = fresh ? line + text : `${line} ${text}`;
    }
  });
  lines.push(fit(line, width));
  return lines;
}
