/**
 * Text widths without a browser, so boxes can be sized to their labels before anything is drawn.
 * The diagram sets its text in DejaVu Sans, or Verdana where that is missing (macOS, Windows): two of
 * the widest common sans-serif faces, with near-identical metrics (DejaVu descends from Bitstream Vera,
 * drawn to Verdana's proportions). A browser that has neither falls back to a narrower face, so a
 * label sized by these widths fits there too.
 */
export const DIAGRAM_FONT = '"DejaVu Sans", Verdana, sans-serif';

/** Advance widths of ASCII 32-126 in DejaVu Sans, in thousandths of an em (measured in Chromium at 1000px). */
const REGULAR = '318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838';
const BOLD = '348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838';
const WIDTHS = { regular: REGULAR.split(',').map(Number), bold: BOLD.split(',').map(Number) };
/** Characters beyond ASCII the diagram writes: ×, …, –, →, ⚠. */
const OTHER: Record<string, number> = { '×': 838, '…': 1000, '–': 500, '→': 838, '⚠': 896 };
/** Headroom for Verdana's slightly different widths and for hinting at small sizes. */
const SAFETY = 1.06;

/** The width of a line of text at a font size, in the same units as the size (SVG user units). */
export function textWidth(text: string, fontSize: number, weight: 'regular' | 'bold' = 'regular'): number {
  let thousandths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    thousandths += code >= 32 && code < 127 ? WIDTHS[weight][code - 32] : (OTHER[ch] ?? 1000);
  }
  return (thousandths / 1000) * fontSize * SAFETY;
}
