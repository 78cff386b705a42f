/**
 * Long work done in slices between requests: `pause()` after each small step gives way (awaits
 * `idle`, the next turn of the server's event loop) once the slice has run for `budgetMs`, so
 * that no slice holds the server thread for long whatever the size of the workspace.
 */
export class Slices {
  private started = Date.now();

  constructor(
    private readonly idle: () => Promise<unknown>,
    private readonly budgetMs = 8,
  ) {}

  /** Resolves at once while the slice has time left (an await of a settled promise: a microtask, no turn). */
  async pause(): Promise<void> {
    if (Date.now() - this.started < this.budgetMs) return;
    await this.idle();
    this.started = Date.now();
  }
}

/** `list` sorted as `Array.prototype.sort` sorts it (stable), sorted in runs and merged, with a pause every few thousand elements. */
export async function sortInSlices<T>(list: readonly T[], compare: (a: T, b: T) => number, slices: Slices): Promise<T[]> {
  let runs: T[][] = [];
  for (let i = 0; i < list.length; i += RUN) {
    runs.push(list.slice(i, i + RUN).sort(compare));
    await slices.pause();
  }
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let k = 0; k < runs.length; k += 2) next.push(k + 1 < runs.length ? await merge(runs[k], runs[k + 1], compare, slices) : runs[k]);
    runs = next;
  }
  return runs[0] ?? [];
}

const RUN = 2048;

/** Two sorted runs as one; on a tie the first run's element first (the sort stays stable). */
async function merge<T>(a: T[], b: T[], compare: (a: T, b: T) => number, slices: Slices): Promise<T[]> {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) {
    out[o++] = compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
    if ((o & (RUN - 1)) === 0) await slices.pause();
  }
  while (i < a.length) out[o++] = a[i++];
  while (j < b.length) out[o++] = b[j++];
  return out;
}
