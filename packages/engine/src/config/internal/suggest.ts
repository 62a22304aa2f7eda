/**
 * "Did you mean" suggestions by edit distance, as Terraform makes them for misspelt arguments,
 * resource types and references.
 */

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
 * characters (`rd` → `dr` is one edit: the commonest typo).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] as number[];
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] as number) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}

/**
 * The candidate closest to `given`, when it is close enough to be a likely typo: within a third
 * of the longer name's length (at least 1, at most 3 edits). Ties go to the first candidate.
 */
export function closest(given: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(given.length, candidate.length) / 3)));
    if (Math.abs(given.length - candidate.length) > limit) continue;
    const distance = editDistance(given.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` Did you mean "x"?` or the empty string. */
export function didYouMean(given: string, candidates: Iterable<string>): string {
  const match = closest(given, candidates);
  return match === undefined ? '' : ` Did you mean ${JSON.stringify(match)}?`;
}
