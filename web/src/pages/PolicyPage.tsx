/**
 * The allow-list policy compiled from the conduits seen (GET /api/policy), for the network engineer to review zone
 * pair by zone pair and copy out: as JSON, or as a plain rule list to paste into a change request.
 */
import { useState, type ReactNode } from 'react';
import type { PolicyRule } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { categoryLabel } from '../components/labels.js';
import { Pending } from '../components/Status.js';

/** One line a rule: `zone -> zone proto/port from … to …  # comment`. */
export function ruleLines(rules: readonly PolicyRule[]): string {
  return rules.map((r) => `${r.fromZone} -> ${r.toZone} ${r.proto}/${String(r.port ?? '*')} from ${r.clientIps.join(',')} to ${r.serverIps.join(',')}  # ${r.comment}`).join('\n');
}

export function PolicyPage(): ReactNode {
  const policy = useApi<{ policy: { rules: PolicyRule[] } }>('/api/policy');
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (what: string, text: string): void => {
    navigator.clipboard.writeText(text).then(() => { setCopied(`${what} copied.`); }, () => { setCopied(`The browser refused the clipboard; select the text below instead.`); });
  };
  const rules = policy.state === 'ok' ? policy.data.policy.rules : [];
  return (
    <section className="policy">
      <h1>Segmentation policy</h1>
      <p className="muted">Allow-list compiled from the traffic seen: review each rule before loading it into a firewall. Anything not listed would be dropped.</p>
      <Pending loaded={policy} what="the policy" />
      {policy.state === 'ok' && (
        <>
          <div className="toolbar">
            <button type="button" onClick={() => { copy('JSON', JSON.stringify(policy.data.policy, null, 2)); }}>Copy as JSON</button>
            <button type="button" onClick={() => { copy('Rule list', ruleLines(rules)); }}>Copy as rule list</button>
            {copied !== null && <span role="status">{copied}</span>}
          </div>
          <table className="plain">
            <thead><tr><th scope="col">From zone</th><th scope="col">To zone</th><th scope="col">Service</th><th scope="col">Clients</th><th scope="col">Servers</th><th scope="col">Flows</th></tr></thead>
            <tbody>{rules.map((r, i) => (
              <tr key={i}>
                <td>{categoryLabel(r.fromZone)}</td><td>{categoryLabel(r.toZone)}</td>
                <td>{r.proto}/{r.port ?? '*'}{r.app !== null ? ` (${r.app})` : ''}</td>
                <td>{r.clientIps.join(', ')}</td><td>{r.serverIps.join(', ')}</td><td>{r.flows}</td>
              </tr>
            ))}</tbody>
          </table>
          <h2>Rule list</h2>
          <pre className="rendering" tabIndex={0}>{ruleLines(rules)}</pre>
        </>
      )}
    </section>
  );
}
