/**
 * One device for the clinical engineer and the analyst: every attribute with the evidence and confidence behind it,
 * its findings with their risk reasons, the conduits it talks over, its advisories, and what changed on it. An
 * analyst may correct the register's fields (a person's value wins over an inferred one).
 */
import { useState, type ReactNode } from 'react';
import { forgetDevices } from '../api/all-devices.js';
import { request } from '../api/client.js';
import { roleAllows, type DeviceJson, type FindingJson, type HistoryEntry, type ConduitWithZones, type PeerWithZone } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { Confidence } from '../components/Confidence.js';
import { attributeRows } from '../components/evidence.js';
import { FindingDetail } from '../components/FindingDetail.js';
import { categoryLabel, deviceName, shortTime, STATUS_LABELS } from '../components/labels.js';
import { RiskBadge } from '../components/RiskBadge.js';
import { Pending } from '../components/Status.js';
import { Link } from '../router.js';
import { useSignedIn } from '../session.js';

export function DevicePage({ id }: { id: string }): ReactNode {
  const session = useSignedIn();
  const base = `/api/devices/${encodeURIComponent(id)}`;
  const [version, setVersion] = useState(0);
  const device = useApi<{ device: DeviceJson }>(base, version);
  const findings = useApi<{ findings: FindingJson[] }>(`${base}/findings?status=all`, version);
  const conduits = useApi<{ conduits: ConduitWithZones[]; externalPeers: PeerWithZone[] }>(`${base}/conduits`);
  const history = useApi<{ history: HistoryEntry[] }>(`${base}/history`, version);

  if (device.state !== 'ok') return <section><h1>Device</h1><Pending loaded={device} what="the device" /></section>;
  const d = device.data.device;
  const all = findings.state === 'ok' ? findings.data.findings : [];
  const advisories = all.filter((f) => f.kind === 'known-vulnerability');

  return (
    <section className="device">
      <p className="crumbs"><Link to="/inventory">Inventory</Link> › {deviceName(d)}</p>
      <div className="device-head">
        <div>
          <h1>{deviceName(d)}</h1>
          <p className="subtitle">{[d.vendor, d.model, d.type].filter((x) => x !== null).join(' · ') || 'Not identified yet'} — {categoryLabel(d.category)}</p>
          <p className="muted">{d.ips.join(', ')}{d.mac !== null ? ` · ${d.mac}` : ''} · seen {shortTime(d.firstSeen)} to {shortTime(d.lastSeen)}{d.retiredAt !== null ? ` · retired ${shortTime(d.retiredAt)}` : ''}</p>
        </div>
        <div className="device-score">
          <RiskBadge risk={d.risk} />
          <Confidence value={d.confidence} label="identification confidence" />
          <span className="muted">identification confidence</span>
        </div>
      </div>

      {d.risk !== null && d.risk.reasons.length > 0 && (
        <details className="card">
          <summary>Why this device scores {Math.round(d.risk.score)} ({d.risk.level})</summary>
          <ol className="reasons">{d.risk.reasons.map((r, i) => <li key={i}>{r}</li>)}</ol>
        </details>
      )}

      <div className="card">
        <h2>Attributes and evidence</h2>
        <table className="plain evidence">
          <thead><tr><th scope="col">Attribute</th><th scope="col">Value</th><th scope="col">Evidence (source, what was seen, confidence)</th></tr></thead>
          <tbody>
            {attributeRows(d).map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
                <td>
                  {row.evidence.length === 0 ? <span className="muted">no evidence on the wire (register or a person)</span> : (
                    <ul className="evidence-list">
                      {row.evidence.map((e, i) => (
                        <li key={i}>
                          <Confidence value={e.confidence} label={`confidence of ${e.source}`} />
                          <code>{e.source}</code> <span className="ev-value">{e.value}</span>
                          {e.detail !== e.value && <span className="ev-detail">{e.detail}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {roleAllows(session.role, 'analyst') && <RegisterForm device={d} onSaved={() => { forgetDevices(); setVersion((v) => v + 1); }} />}

      <div className="card">
        <h2>Findings</h2>
        <Pending loaded={findings} what="findings" />
        {findings.state === 'ok' && all.length === 0 && <p className="muted">No finding on this device.</p>}
        {all.map((f) => (
          <details key={f.id} className="finding">
            <summary><RiskBadge risk={f.risk} /> {f.title} <span className={`status status-${f.status}`}>{STATUS_LABELS[f.status] ?? f.status}</span></summary>
            <FindingDetail f={f} />
            <p><Link to={`/findings?status=all&kind=${encodeURIComponent(f.kind)}`}>Triage in the findings list</Link></p>
          </details>
        ))}
      </div>

      <div className="card">
        <h2>Advisories</h2>
        {advisories.length === 0 ? <p className="muted">No known vulnerability matched from the advisories imported.</p> : (
          <ul>{advisories.map((f) => <li key={f.id}>{f.title}{f.facts.cves !== undefined ? ` — ${f.facts.cves.join(', ')}` : ''}{f.facts.kev === true ? ' (CISA KEV)' : ''}</li>)}</ul>
        )}
      </div>

      <div className="card">
        <h2>Conduits</h2>
        <Pending loaded={conduits} what="conduits" />
        {conduits.state === 'ok' && <ConduitTable deviceId={d.id} conduits={conduits.data.conduits} peers={conduits.data.externalPeers} />}
      </div>

      <div className="card">
        <h2>History</h2>
        <Pending loaded={history} what="history" />
        {history.state === 'ok' && (history.data.history.length === 0 ? <p className="muted">No change recorded.</p> : (
          <table className="plain">
            <thead><tr><th scope="col">When</th><th scope="col">Attribute</th><th scope="col">Was</th><th scope="col">Now</th><th scope="col">By</th></tr></thead>
            <tbody>{history.data.history.slice().reverse().map((h, i) => (
              <tr key={i}><td>{shortTime(h.changedAt)}</td><td>{h.attribute}</td><td>{h.oldValue ?? '—'}</td><td>{h.newValue ?? '—'}</td><td>{h.origin}</td></tr>
            ))}</tbody>
          </table>
        ))}
      </div>
    </section>
  );
}

function ConduitTable({ deviceId, conduits, peers }: { deviceId: string; conduits: ConduitWithZones[]; peers: PeerWithZone[] }): ReactNode {
  if (conduits.length === 0 && peers.length === 0) return <p className="muted">No traffic with other devices recorded.</p>;
  return (
    <table className="plain">
      <thead><tr><th scope="col">Direction</th><th scope="col">Peer</th><th scope="col">Zones</th><th scope="col">Service</th><th scope="col">Flows</th><th scope="col">Last seen</th></tr></thead>
      <tbody>
        {conduits.map((c, i) => {
          const outbound = c.clientId === deviceId;
          const peerId = outbound ? c.serverId : c.clientId;
          return (
            <tr key={`c${String(i)}`}>
              <td>{outbound ? 'to' : 'from'}</td>
              <td><Link to={`/devices/${encodeURIComponent(peerId)}`}>{(outbound ? c.serverIp : c.clientIp) ?? peerId.slice(0, 8)}</Link></td>
              <td>{categoryLabel(c.clientZone)} → {categoryLabel(c.serverZone)}</td>
              <td>{c.proto}/{c.port ?? '*'}{c.app !== null ? ` (${c.app})` : ''}</td>
              <td>{c.flows}</td>
              <td>{shortTime(c.lastSeen)}</td>
            </tr>
          );
        })}
        {peers.map((p, i) => (
          <tr key={`p${String(i)}`} className="external">
            <td>{p.direction === 'out' ? 'to' : 'from'}</td>
            <td>{p.peerIp}{p.serverName !== null ? ` (${p.serverName})` : ''}</td>
            <td>outside the hospital</td>
            <td>{p.proto}/{p.port ?? '*'}{p.app !== null ? ` (${p.app})` : ''}</td>
            <td>{p.flows}</td>
            <td>{shortTime(p.lastSeen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The register's fields a clinical engineer keeps (PUT /api/devices/:id/values); an empty field gives the inferred value back. */
const REGISTER_FIELDS: readonly { field: 'location' | 'department' | 'assetTag' | 'owner' | 'serial'; label: string }[] = [
  { field: 'location', label: 'Location' },
  { field: 'department', label: 'Department' },
  { field: 'assetTag', label: 'Asset tag' },
  { field: 'owner', label: 'Owner' },
  { field: 'serial', label: 'Serial' },
];

function RegisterForm({ device, onSaved }: { device: DeviceJson; onSaved: () => void }): ReactNode {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(REGISTER_FIELDS.map((f) => [f.field, device[f.field] ?? ''])));
  const [state, setState] = useState<string | null>(null);
  const save = (): void => {
    const changed = REGISTER_FIELDS.filter((f) => (device[f.field] ?? '') !== (values[f.field] ?? ''));
    if (changed.length === 0) {
      setState('Nothing changed.');
      return;
    }
    const body = Object.fromEntries(changed.map((f) => [f.field, (values[f.field] ?? '').trim() === '' ? null : (values[f.field] ?? '').trim()]));
    setState('Saving…');
    request(`/api/devices/${encodeURIComponent(device.id)}/values`, { method: 'PUT', body }).then(
      () => { setState('Saved.'); onSaved(); },
      (err: unknown) => { setState(`Not saved: ${err instanceof Error ? err.message : String(err)}`); },
    );
  };
  return (
    <details className="card register">
      <summary>Edit register fields</summary>
      <form onSubmit={(e) => { e.preventDefault(); save(); }}>
        <div className="register-fields">
          {REGISTER_FIELDS.map((f) => (
            <label key={f.field}>{f.label}
              <input type="text" maxLength={500} value={values[f.field] ?? ''} onChange={(e) => { setValues((v) => ({ ...v, [f.field]: e.target.value })); }} />
            </label>
          ))}
        </div>
        <button type="submit" className="primary">Save</button> {state !== null && <span role="status">{state}</span>}
      </form>
    </details>
  );
}
