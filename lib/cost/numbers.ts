/**
 * `1,234,567.89`: digits grouped by thousands, at most `decimals` decimals, trailing zeros dropped.
 * Plain string work on purpose: Intl (and toLocaleString) load ICU data, which costs more than
 * pricing a whole stage.
 */
export function grouped(n: number, decimals = 2): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [whole, fraction = ''] = fixed.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${n < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${trimmed ? `.${trimmed}` : ''}`;
}

/** Like {@link grouped}, but always with exactly `decimals` decimals (money). */
export function groupedFixed(n: number, decimals: number): string {
  const [whole, fraction] = Math.abs(n).toFixed(decimals).split('.');
  return `${n < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}
