/** A confidence (0 to 1) as a small meter with its percentage. */
import type { ReactNode } from 'react';

export function Confidence({ value, label }: { value: number; label?: string }): ReactNode {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  const tone = pct >= 80 ? 'hi' : pct >= 50 ? 'mid' : 'lo';
  return (
    <span className="confidence">
      <meter min={0} max={100} value={pct} aria-label={label ?? 'confidence'} className={tone} />
      <span>{pct}%</span>
    </span>
  );
}
