/**
 * How many times the language server may be restarted after it dies: at most `maxRestarts`
 * within `windowMs`, so a server that crashes on every start does not loop for ever.
 * Pure (clock injected) so it can be reasoned about without VS Code.
 */
export class RestartBudget {
  private readonly crashes: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when one more restart is allowed. */
  allowRestart(): boolean {
    const t = this.now();
    this.crashes.push(t);
    while (this.crashes.length > 0 && t - this.crashes[0] > this.windowMs) this.crashes.shift();
    return this.crashes.length <= this.maxRestarts;
  }

  reset(): void {
    this.crashes.length = 0;
  }
}
