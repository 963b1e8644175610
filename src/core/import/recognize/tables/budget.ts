/**
 * A budget of search steps shared by the searches of one recognition: every node a search visits
 * costs one step, and a search that meets an empty budget stops and says it did not finish.
 */
export class StepBudget {
  private used = 0

  /** `parent`: a larger budget each step is also taken from. */
  constructor(
    readonly limit: number,
    private readonly parent?: StepBudget
  ) {}

  /** Takes one step; false when this budget or its parent is spent. */
  step(): boolean {
    if (this.used >= this.limit) return false
    if (this.parent && !this.parent.step()) return false
    this.used += 1
    return true
  }

  get spent(): number {
    return this.used
  }

  get remaining(): number {
    return Math.max(0, this.limit - this.used)
  }

  /** A budget of at most `steps` of what is left here, each of its steps taken here too. */
  slice(steps: number): StepBudget {
    return new StepBudget(Math.min(steps, this.remaining), this)
  }
}
