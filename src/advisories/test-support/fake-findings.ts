/** An in-memory FindingsRepository stand-in: records upserts and closeStale calls (assess-devices' unit tests). */
import type { FindingsRepository } from '../../findings/findings-repository.js';
import type { FindingInput } from '../../findings/types.js';

export class FakeFindings implements Pick<FindingsRepository, 'upsert' | 'closeStale'> {
  readonly byKey = new Map<string, FindingInput>();
  readonly closed: string[] = [];

  upsert(inputs: readonly FindingInput[]): Promise<{ created: number; updated: number }> {
    let created = 0;
    for (const i of inputs) {
      const k = `${i.deviceId}|${i.kind}|${i.key}`;
      if (!this.byKey.has(k)) created++;
      this.byKey.set(k, i);
    }
    return Promise.resolve({ created, updated: inputs.length - created });
  }

  closeStale(kind: FindingInput['kind'], deviceIds: readonly string[], keep: ReadonlySet<string>): Promise<number> {
    let n = 0;
    for (const [k, f] of this.byKey) {
      if (f.kind === kind && deviceIds.includes(f.deviceId) && !keep.has(f.key)) {
        this.byKey.delete(k);
        this.closed.push(k);
        n++;
      }
    }
    return Promise.resolve(n);
  }

  forDevice(deviceId: string): FindingInput[] {
    return [...this.byKey.values()].filter((f) => f.deviceId === deviceId).sort((a, b) => a.key.localeCompare(b.key));
  }
}
