/**
 * The triage controls an analyst sees (a viewer is not offered them): acknowledge, mitigate, reopen, or accept the
 * risk with a reason, an owner and an expiry date, for one finding or a selection.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import type { PersonStatus } from '../api/types.js';
import type { TriageChange } from './triage.js';

/** Tomorrow + 90 days as the default expiry: a risk acceptance is for a while, not for ever. */
function defaultExpiry(): string {
  return new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
}

export function TriageForm({ name, count, busy, defaultOwner, onApply }: {
  /** The form's accessible name (two may be on screen: the selection's and the open finding's). */
  name: string;
  count: number;
  busy: boolean;
  defaultOwner: string;
  onApply: (change: TriageChange) => void;
}): ReactNode {
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState(defaultOwner);
  const [expires, setExpires] = useState(defaultExpiry);
  const none = count === 0 || busy;
  const simple = (status: PersonStatus): void => { onApply(reason.trim() === '' ? { status } : { status, reason: reason.trim() }); };
  const accept = (e: SyntheticEvent): void => {
    e.preventDefault();
    onApply({ status: 'risk-accepted', reason: reason.trim(), owner: owner.trim(), expires });
  };
  const what = count === 1 ? 'this finding' : `${String(count)} findings`;
  return (
    <form className="triage" onSubmit={accept} aria-label={name}>
      <label>Reason <span className="muted">(optional, required to accept)</span>
        <input type="text" value={reason} maxLength={500} onChange={(e) => { setReason(e.target.value); }} />
      </label>
      <div className="actions">
        <button type="button" disabled={none} onClick={() => { simple('acknowledged'); }}>Acknowledge</button>
        <button type="button" disabled={none} onClick={() => { simple('mitigated'); }}>Mark mitigated</button>
        <button type="button" disabled={none} onClick={() => { simple('open'); }}>Reopen</button>
        <button type="button" disabled={none} aria-expanded={accepting} onClick={() => { setAccepting((a) => !a); }}>Accept risk…</button>
      </div>
      {accepting && (
        <fieldset className="accept">
          <legend>Accept the risk of {what}</legend>
          <label>Owner <input type="text" required maxLength={200} value={owner} onChange={(e) => { setOwner(e.target.value); }} /></label>
          <label>Until <input type="date" required value={expires} onChange={(e) => { setExpires(e.target.value); }} /></label>
          <button type="submit" className="primary" disabled={none || reason.trim() === '' || owner.trim() === ''}>Accept risk</button>
        </fieldset>
      )}
    </form>
  );
}
