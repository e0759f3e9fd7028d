/**
 * The analyst's triage list: findings highest risk first, filtered by status, risk level and kind; each opens to its
 * evidence and risk reasons; one or many are acknowledged, mitigated, reopened or risk-accepted (reason, owner,
 * expiry). A viewer sees the same list without the controls.
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useAllDevices } from '../api/all-devices.js';
import { query } from '../api/client.js';
import { RISK_LEVELS, roleAllows, type FindingJson } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { FindingDetail } from '../components/FindingDetail.js';
import { deviceName, shortTime, STATUS_LABELS } from '../components/labels.js';
import { RiskBadge } from '../components/RiskBadge.js';
import { Pending } from '../components/Status.js';
import { changeFindings, type TriageChange } from '../components/triage.js';
import { TriageForm } from '../components/TriageForm.js';
import { Link, setParams, useLocation } from '../router.js';
import { useSignedIn } from '../session.js';

const STATUS_CHOICES: readonly { value: string; label: string }[] = [
  { value: '', label: 'Needs a person (open, acknowledged)' },
  { value: 'open', label: 'Open' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'mitigated', label: 'Mitigated' },
  { value: 'risk-accepted', label: 'Risk accepted' },
  { value: 'mitigated,risk-accepted,not-affected', label: 'Closed' },
  { value: 'all', label: 'All' },
];

export function FindingsPage(): ReactNode {
  const session = useSignedIn();
  const mayTriage = roleAllows(session.role, 'analyst');
  const { href } = useLocation();
  const params = useMemo(() => new URL(href, window.location.origin).searchParams, [href]);
  const status = params.get('status') ?? '';
  const kind = params.get('kind') ?? '';
  const level = params.get('level') ?? '';
  const since = params.get('firstSeenSince');
  const [version, setVersion] = useState(0);
  const loaded = useApi<{ findings: FindingJson[] }>(`/api/findings${query({ status, kind })}`, version);
  const devices = useAllDevices();
  const names = useMemo(() => new Map(devices.rows.map((d) => [d.id, deviceName(d)])), [devices.rows]);
  const [open, setOpen] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const all = loaded.state === 'ok' ? loaded.data.findings : [];
  const sinceMs = since === null ? null : Date.parse(since);
  const shown = all.filter((f) => (level === '' || f.risk?.level === level) && (sinceMs === null || Date.parse(f.firstSeen) >= sinceMs));
  const kinds = [...new Set(all.map((f) => f.kind))].sort();

  const setParam = (name: string, value: string): void => {
    const p = new URLSearchParams(window.location.search);
    if (value === '') p.delete(name);
    else p.set(name, value);
    setParams(p);
    setSelected(new Set());
  };
  const toggle = (id: string): void => {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const apply = (ids: readonly string[], change: TriageChange): void => {
    setBusy(true);
    setMessage(null);
    changeFindings(ids, change).then((r) => {
      const failed = r.failed.length === 0 ? '' : ` ${String(r.failed.length)} failed: ${r.failed[0]?.message ?? ''}`;
      setMessage(`${String(r.changed.length)} finding${r.changed.length === 1 ? '' : 's'} now ${STATUS_LABELS[change.status] ?? change.status}.${failed}`);
      setSelected(new Set());
      setVersion((v) => v + 1);
    }, (err: unknown) => {
      setMessage(`Not changed: ${err instanceof Error ? err.message : String(err)}`);
    }).finally(() => { setBusy(false); });
  };
  const allShownSelected = shown.length > 0 && shown.every((f) => selected.has(f.id));

  return (
    <section className="findings">
      <div className="page-head">
        <h1>Findings</h1>
        <p className="count" role="status" aria-live="polite">{shown.length.toLocaleString('en-US')} finding{shown.length === 1 ? '' : 's'}</p>
      </div>
      <div className="toolbar">
        <label>Status <select value={status} onChange={(e) => { setParam('status', e.target.value); }}>
          {STATUS_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select></label>
        <label>Risk <select value={level} onChange={(e) => { setParam('level', e.target.value); }}>
          <option value="">all</option>{RISK_LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
        </select></label>
        <label>Kind <select value={kind} onChange={(e) => { setParam('kind', e.target.value); }}>
          <option value="">all</option>{(kind === '' || kinds.includes(kind as FindingJson['kind']) ? kinds : [kind, ...kinds]).map((k) => <option key={k} value={k}>{k}</option>)}
        </select></label>
        {since !== null && <button type="button" className="chip" onClick={() => { setParam('firstSeenSince', ''); }}>New since {since.slice(0, 16).replace('T', ' ')} ✕<span className="sr-only"> (remove filter)</span></button>}
      </div>
      {message !== null && <p className="notice" role="status">{message}</p>}
      {mayTriage && selected.size > 0 && (
        <div className="card bulk">
          <h2>{selected.size} selected</h2>
          <TriageForm name={`Triage the ${String(selected.size)} selected`} count={selected.size} busy={busy} defaultOwner={session.user} onApply={(c) => { apply([...selected], c); }} />
        </div>
      )}
      <Pending loaded={loaded} what="findings" />
      {loaded.state === 'ok' && (
        <table className="plain findings-table">
          <thead>
            <tr>
              {mayTriage && <th scope="col"><input type="checkbox" aria-label="Select every finding shown" checked={allShownSelected}
                onChange={() => { setSelected(allShownSelected ? new Set() : new Set(shown.map((f) => f.id))); }} /></th>}
              <th scope="col">Risk</th><th scope="col">Finding</th><th scope="col">Device</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <Fragment key={f.id}>
                <tr className={open === f.id ? 'open' : undefined}>
                  {mayTriage && <td><input type="checkbox" aria-label={`Select ${f.title}`} checked={selected.has(f.id)} onChange={() => { toggle(f.id); }} /></td>}
                  <td><RiskBadge risk={f.risk} /></td>
                  <td>
                    <button type="button" className="link" aria-expanded={open === f.id} aria-controls={`finding-${f.id}`}
                      onClick={() => { setOpen(open === f.id ? null : f.id); }}>{f.title}</button>
                  </td>
                  <td><Link to={`/devices/${encodeURIComponent(f.deviceId)}`}>{names.get(f.deviceId) ?? f.deviceId.slice(0, 8)}</Link></td>
                  <td>{f.kind}</td>
                  <td><span className={`status status-${f.status}`}>{STATUS_LABELS[f.status] ?? f.status}</span></td>
                  <td>{shortTime(f.lastSeen)}</td>
                </tr>
                {open === f.id && (
                  <tr className="detail-row">
                    <td colSpan={mayTriage ? 7 : 6} id={`finding-${f.id}`}>
                      <FindingDetail f={f} />
                      {mayTriage && <TriageForm name="Triage this finding" count={1} busy={busy} defaultOwner={session.user} onApply={(c) => { apply([f.id], c); }} />}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {loaded.state === 'ok' && shown.length === 0 && <p className="empty">No finding matches.</p>}
    </section>
  );
}
