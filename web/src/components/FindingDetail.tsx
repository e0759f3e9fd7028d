/** One finding in full: what was seen, the evidence, and each reason behind its risk score. */
import type { ReactNode } from 'react';
import type { FindingJson } from '../api/types.js';
import { STATUS_LABELS, shortTime } from './labels.js';

export function FindingDetail({ f }: { f: FindingJson }): ReactNode {
  return (
    <div className="finding-detail">
      <p>{f.detail}</p>
      {f.evidence.length > 0 && (
        <>
          <h4>Evidence</h4>
          <ul className="evidence-lines">{f.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </>
      )}
      {f.risk !== null && (
        <>
          <h4>Why risk {Math.round(f.risk.score)} ({f.risk.level})</h4>
          <ol className="reasons">{f.risk.reasons.map((r, i) => <li key={i}>{r}</li>)}</ol>
        </>
      )}
      <dl className="facts">
        <dt>Status</dt><dd>{STATUS_LABELS[f.status] ?? f.status}{f.statusBy !== null ? ` by ${f.statusBy}` : ''}{f.statusChangedAt !== null ? ` on ${shortTime(f.statusChangedAt)}` : ''}</dd>
        {f.statusReason !== null && <><dt>Reason</dt><dd>{f.statusReason}</dd></>}
        {f.statusOwner !== null && <><dt>Owner</dt><dd>{f.statusOwner}</dd></>}
        {f.statusExpires !== null && <><dt>Accepted until</dt><dd>{f.statusExpires}</dd></>}
        {f.facts.cves !== undefined && f.facts.cves.length > 0 && <><dt>CVEs</dt><dd>{f.facts.cves.join(', ')}{f.facts.kev === true ? ' (in CISA KEV)' : ''}</dd></>}
        {f.facts.advisoryIds !== undefined && f.facts.advisoryIds.length > 0 && <><dt>Advisories</dt><dd>{f.facts.advisoryIds.join(', ')}</dd></>}
        {f.suppression !== null && <><dt>Vendor VEX</dt><dd>{f.suppression.justification} ({f.suppression.source})</dd></>}
        <dt>Seen</dt><dd>{shortTime(f.firstSeen)} to {shortTime(f.lastSeen)}, {f.count} time{f.count === 1 ? '' : 's'}</dd>
      </dl>
    </div>
  );
}
