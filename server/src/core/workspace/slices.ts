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
