/**
 * A set of the most recently added ids, bounded so a long-running process forgets the
 * oldest ones instead of growing without limit.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** Adds `id`; false when it was already there (then nothing changes). */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      // A Set iterates in insertion order, so the first value is the oldest.
      this.ids.delete(this.ids.values().next().value as string);
    }
    return true;
  }

  get size(): number {
    return this.ids.size;
  }
}
