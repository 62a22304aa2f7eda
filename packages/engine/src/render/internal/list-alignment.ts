/**
 * Pairs the elements of a list before and after a change, as Terraform's `ProcessSlice` does:
 * elements of the longest common subsequence are unchanged, the rest are deleted or created,
 * except that an object deleted where another object is created is shown as one update (so a
 * changed field of a list of objects reads `~ { ~ a = 1 -> 2 }`, not a delete plus a create).
 */

/** One element position: an index into before, into after, or both. */
export interface ElementPair {
  readonly before: number | undefined;
  readonly after: number | undefined;
}

export interface AlignRequest {
  readonly beforeLength: number;
  readonly afterLength: number;
  /** Whether two elements are the same (known, and equal). */
  readonly equal: (before: number, after: number) => boolean;
  /** Whether both elements are objects, to be diffed in place rather than replaced. */
  readonly bothObjects: (before: number, after: number) => boolean;
}

export function alignElements(request: AlignRequest): ElementPair[] {
  const { beforeLength, afterLength, equal, bothObjects } = request;
  const common = longestCommonSubsequence(beforeLength, afterLength, equal);
  const pairs: ElementPair[] = [];
  let b = 0;
  let a = 0;
  let c = 0;
  while (b < beforeLength || a < afterLength || c < common.length) {
    const next = common[c];
    while (b < beforeLength && (next === undefined || b < next[0])) {
      if (a < afterLength && (next === undefined || a < next[1]) && bothObjects(b, a)) {
        pairs.push({ before: b, after: a });
        a += 1;
      } else {
        pairs.push({ before: b, after: undefined });
      }
      b += 1;
    }
    while (a < afterLength && (next === undefined || a < next[1])) {
      pairs.push({ before: undefined, after: a });
      a += 1;
    }
    if (next !== undefined) {
      pairs.push({ before: b, after: a });
      b += 1;
      a += 1;
      c += 1;
    }
  }
  return pairs;
}

/** Index pairs of a longest common subsequence, in order (plain dynamic programming: plan lists are short). */
function longestCommonSubsequence(beforeLength: number, afterLength: number, equal: (before: number, after: number) => boolean): [number, number][] {
  const width = afterLength + 1;
  const lengths = new Uint32Array((beforeLength + 1) * width);
  for (let b = beforeLength - 1; b >= 0; b -= 1) {
    for (let a = afterLength - 1; a >= 0; a -= 1) {
      lengths[b * width + a] = equal(b, a) ? (lengths[(b + 1) * width + a + 1] ?? 0) + 1 : Math.max(lengths[(b + 1) * width + a] ?? 0, lengths[b * width + a + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let b = 0;
  let a = 0;
  while (b < beforeLength && a < afterLength) {
    if (equal(b, a)) {
      pairs.push([b, a]);
      b += 1;
      a += 1;
    } else if ((lengths[(b + 1) * width + a] ?? 0) >= (lengths[b * width + a + 1] ?? 0)) b += 1;
    else a += 1;
  }
  return pairs;
}
