/** Edit distance between two words, case-insensitive: how a typo is matched to what was meant. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/** The candidate closest to the word (the first of equals). */
export function nearest(word: string, candidates: readonly string[]): string {
  return candidates.reduce((best, c) => (editDistance(word, c) < editDistance(word, best) ? c : best));
}
