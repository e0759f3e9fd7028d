/**
 * The overview a CISO opens first: how many devices of which kind, how many nobody could identify, how many run an
 * operating system past its end of life, open findings by risk, and what changed since yesterday. Every figure is a
 * link to the filtered list behind it.
 */
import type { ReactNode } from 'react';
import { useAllDevices } from '../api/all-devices.js';
import { query } from '../api/client.js';
import { RISK_LEVELS, type ChangesReport, type FindingJson } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { BarList, Figure, type Bar } from '../components/BarList.js';
import { CATEGORY_ORDER, categoryLabel, deviceName } from '../components/labels.js';
import { Pending } from '../components/Status.js';
import { Link } from '../router.js';

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

export function OverviewPage(): ReactNode {
  const devices = useAllDevices();
  const findings = useApi<{ findings: FindingJson[] }>('/api/findings');
  const changes = useApi<ChangesReport>('/api/changes?since=24h');
  const rows = devices.rows;

  const byCategory = countBy(rows, (d) => d.category);
  const categoryBars: Bar[] = CATEGORY_ORDER.filter((c) => byCategory.has(c))
    .map((c) => ({ key: c, label: categoryLabel(c), count: byCategory.get(c) ?? 0, to: `/inventory${query({ category: c })}` }));
  const zoneBars: Bar[] = categoryBars.map((b) => ({ ...b, to: `/inventory${query({ zone: b.key })}` }));
  const byRisk = countBy(rows, (d) => d.risk?.level ?? 'none');
  const riskBars: Bar[] = RISK_LEVELS.map((l) => ({ key: l, label: l, count: byRisk.get(l) ?? 0, to: `/inventory${query({ risk: l })}`, tone: `level-${l}` }));
  const unknown = byCategory.get('unknown') ?? 0;
  const eol = rows.filter((d) => d.os.endOfLife === true).length;

  const open = findings.state === 'ok' ? findings.data.findings : [];
  const findingsByLevel = countBy(open, (f) => f.risk?.level ?? 'none');
  const findingBars: Bar[] = RISK_LEVELS.map((l) => ({ key: l, label: l, count: findingsByLevel.get(l) ?? 0, to: `/findings${query({ level: l })}`, tone: `level-${l}` }));

  return (
    <section className="overview">
      <h1>Overview</h1>
      {!devices.done && <p className="muted" aria-busy="true">Reading the inventory… {rows.length.toLocaleString('en-US')} devices so far</p>}
      {devices.error !== null && <p className="error" role="alert">Could not read the inventory: {devices.error}</p>}
      <div className="figures">
        <Figure label="devices" value={rows.length} to="/inventory" />
        <Figure label="unknown devices" value={unknown} to={`/inventory${query({ category: 'unknown' })}`} tone={unknown > 0 ? 'warn' : ''} />
        <Figure label="end-of-life OS" value={eol} to={`/inventory${query({ eol: 'yes' })}`} tone={eol > 0 ? 'warn' : ''} />
        <Figure label="open findings" value={findings.state === 'ok' ? open.length : '…'} to="/findings" tone={open.length > 0 ? 'alert' : ''} />
      </div>
      <div className="panels">
        <div className="card">
          <h2>Devices by category</h2>
          <BarList bars={categoryBars} label="Devices by category" />
        </div>
        <div className="card">
          <h2>Devices by zone</h2>
          <BarList bars={zoneBars} label="Devices by zone" />
        </div>
        <div className="card">
          <h2>Devices by risk</h2>
          <BarList bars={riskBars} label="Devices by risk level" />
        </div>
        <div className="card">
          <h2>Open findings by risk</h2>
          <Pending loaded={findings} what="findings" />
          {findings.state === 'ok' && <BarList bars={findingBars} label="Open findings by risk level" />}
        </div>
      </div>
      <div className="card">
        <h2>Since yesterday</h2>
        <Pending loaded={changes} what="changes" />
        {changes.state === 'ok' && <ChangesSummary report={changes.data} nameOf={(id) => { const d = rows.find((r) => r.id === id); return d === undefined ? id.slice(0, 8) : deviceName(d); }} />}
      </div>
    </section>
  );
}

function ChangesSummary({ report, nameOf }: { report: ChangesReport; nameOf: (id: string) => string }): ReactNode {
  const since = report.since;
  return (
    <>
      <div className="figures small">
        <Figure label="new devices" value={report.newDevices.length} to={`/inventory${query({ firstSeenSince: since })}`} />
        <Figure label="changed attributes" value={report.changedAttributes.length} to="#changed" />
        <Figure label="new findings" value={report.newFindings.length} to={`/findings${query({ firstSeenSince: since })}`} />
        <Figure label="closed findings" value={report.closedFindings.length} to={`/findings${query({ status: 'mitigated,risk-accepted,not-affected' })}`} />
      </div>
      {report.changedAttributes.length > 0 && (
        <table className="plain" id="changed">
          <caption>Changed attributes since {since.slice(0, 16).replace('T', ' ')}</caption>
          <thead><tr><th scope="col">Device</th><th scope="col">Attribute</th><th scope="col">Was</th><th scope="col">Now</th></tr></thead>
          <tbody>
            {report.changedAttributes.slice(0, 50).map((c, i) => (
              <tr key={`${c.deviceId}-${c.attribute}-${String(i)}`}>
                <td><Link to={`/devices/${encodeURIComponent(c.deviceId)}`}>{nameOf(c.deviceId)}</Link></td>
                <td>{c.attribute}</td><td>{c.oldValue ?? '—'}</td><td>{c.newValue ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
