/**
 * The network engineer's map (Cytoscape.js): clinical zones as boxes, devices inside them, conduits as edges whose
 * width grows with the flows seen. Past a few hundred devices the device view is unreadable, so the map starts with
 * zones alone and switches to devices on request. The same conduits are listed as a table for keyboard and screen
 * reader users (a canvas says nothing to them).
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAllDevices, type DeviceRow } from '../api/all-devices.js';
import type { ConduitWithZones, ZoneConduit } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { categoryLabel, deviceName } from '../components/labels.js';
import { Pending } from '../components/Status.js';
import { navigate } from '../router.js';

/** Beyond this many devices with conduits the device view is offered but not drawn by default. */
const DEVICE_VIEW_LIMIT = 400;

const RISK_COLOURS: Readonly<Record<string, string>> = { critical: '#a4161a', high: '#d9480f', medium: '#e8a33d', low: '#4c956c', info: '#6c757d' };

function zoneElements(zones: readonly ZoneConduit[]): ElementDefinition[] {
  const names = new Set<string>();
  const pairs = new Map<string, { from: string; to: string; flows: number; services: string[] }>();
  for (const z of zones) {
    names.add(z.fromZone);
    names.add(z.toZone);
    const key = `${z.fromZone}>${z.toZone}`;
    const p = pairs.get(key) ?? { from: z.fromZone, to: z.toZone, flows: 0, services: [] };
    p.flows += z.flows;
    p.services.push(`${z.proto}/${String(z.port ?? '*')}`);
    pairs.set(key, p);
  }
  return [
    ...[...names].map((n) => ({ data: { id: `z:${n}`, label: categoryLabel(n) }, classes: 'zone-node' })),
    ...[...pairs.values()].map((p) => ({ data: { id: `e:${p.from}>${p.to}`, source: `z:${p.from}`, target: `z:${p.to}`, weight: p.flows, label: p.services.slice(0, 3).join(', ') } })),
  ];
}

function deviceElements(conduits: readonly ConduitWithZones[], devices: ReadonlyMap<string, DeviceRow>): ElementDefinition[] {
  const nodes = new Map<string, ElementDefinition>();
  const zones = new Set<string>();
  const edges = new Map<string, { source: string; target: string; flows: number }>();
  const add = (id: string, zone: string, ip: string | null): void => {
    if (nodes.has(id)) return;
    zones.add(zone);
    const d = devices.get(id);
    nodes.set(id, { data: { id, parent: `z:${zone}`, label: d !== undefined ? deviceName(d) : ip ?? id.slice(0, 8), colour: RISK_COLOURS[d?.risk?.level ?? 'info'] ?? '#6c757d' } });
  };
  for (const c of conduits) {
    add(c.clientId, c.clientZone, c.clientIp);
    add(c.serverId, c.serverZone, c.serverIp);
    const key = `${c.clientId}>${c.serverId}`;
    const e = edges.get(key) ?? { source: c.clientId, target: c.serverId, flows: 0 };
    e.flows += c.flows;
    edges.set(key, e);
  }
  return [
    ...[...zones].map((z) => ({ data: { id: `z:${z}`, label: categoryLabel(z) }, classes: 'zone' })),
    ...nodes.values(),
    ...[...edges.entries()].map(([k, e]) => ({ data: { id: `e:${k}`, source: e.source, target: e.target, weight: e.flows } })),
  ];
}

/**
 * Cytoscape's renderer adds a <style> element (one rule: its container is position: relative) unless an element with
 * this id exists; the console's CSP forbids inline styles, so a placeholder takes the id and styles.css has the rule.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function claimCytoscapeStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID) !== null) return;
  const placeholder = document.createElement('meta');
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(placeholder);
}

const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': 'data(colour)', width: 18, height: 18, color: '#1d2731', 'text-valign': 'bottom', 'text-margin-y': 3 } },
  { selector: '.zone', style: { 'background-color': '#e6eef2', 'background-opacity': 0.7, 'border-color': '#5a7d8c', 'border-width': 1, shape: 'round-rectangle', 'text-valign': 'top', 'font-size': 12, 'font-weight': 'bold', padding: '14px' } },
  { selector: '.zone-node', style: { 'background-color': '#0f4c5c', shape: 'round-rectangle', width: 40, height: 40, 'font-size': 12 } },
  { selector: 'edge', style: { width: 'mapData(weight, 1, 200, 1, 8)', 'line-color': '#8aa4b0', 'target-arrow-color': '#8aa4b0', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'font-size': 8, label: 'data(label)', color: '#5a6b75' } },
];

export function MapPage(): ReactNode {
  const [view, setView] = useState<'zones' | 'devices'>('zones');
  const zones = useApi<{ zoneConduits: ZoneConduit[] }>('/api/conduits?zones=true');
  const conduits = useApi<{ conduits: ConduitWithZones[] }>(view === 'devices' ? '/api/conduits' : null);
  const load = useAllDevices();
  const byId = useMemo(() => new Map(load.rows.map((d) => [d.id, d])), [load.rows]);
  const box = useRef<HTMLDivElement>(null);

  const elements = useMemo(() => {
    if (view === 'zones') return zones.state === 'ok' ? zoneElements(zones.data.zoneConduits) : null;
    return conduits.state === 'ok' ? deviceElements(conduits.data.conduits, byId) : null;
  }, [view, zones, conduits, byId]);

  useEffect(() => {
    if (box.current === null || elements === null) return;
    claimCytoscapeStylesheet();
    const cy = cytoscape({ container: box.current, elements, style: STYLE, layout: { name: 'cose', animate: false, nodeDimensionsIncludeLabels: true }, wheelSensitivity: 0.3 });
    cy.on('tap', 'node', (e) => {
      const id = (e.target as cytoscape.NodeSingular).id();
      if (!id.startsWith('z:')) navigate(`/devices/${encodeURIComponent(id)}`);
      else if (view === 'zones') navigate(`/inventory?category=${encodeURIComponent(id.slice(2))}`);
    });
    return () => { cy.destroy(); };
  }, [elements, view]);

  const deviceCount = conduits.state === 'ok' ? new Set(conduits.data.conduits.flatMap((c) => [c.clientId, c.serverId])).size : 0;

  return (
    <section className="map">
      <div className="page-head">
        <h1>Network map</h1>
        <div className="toggle" role="group" aria-label="Map view">
          <button type="button" aria-pressed={view === 'zones'} onClick={() => { setView('zones'); }}>Zones</button>
          <button type="button" aria-pressed={view === 'devices'} onClick={() => { setView('devices'); }}>Devices</button>
        </div>
      </div>
      <p className="muted">Zones are the clinical categories. Click a zone to list its devices, a device to open it. Edge width follows the flows seen.</p>
      <Pending loaded={view === 'zones' ? zones : conduits} what="conduits" />
      {view === 'devices' && deviceCount > DEVICE_VIEW_LIMIT && <p className="notice">{deviceCount.toLocaleString('en-US')} devices: the drawing may take a while.</p>}
      <div className="cy" ref={box} role="img" aria-label={`Map of ${view === 'zones' ? 'zones and the conduits between them' : 'devices by zone and their conduits'}; the table below lists the same conduits`} />
      {zones.state === 'ok' && (
        <table className="plain">
          <caption>Conduits between zones</caption>
          <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Service</th><th scope="col">Clients</th><th scope="col">Servers</th><th scope="col">Flows</th></tr></thead>
          <tbody>{zones.data.zoneConduits.map((z, i) => (
            <tr key={i}><td>{categoryLabel(z.fromZone)}</td><td>{categoryLabel(z.toZone)}</td><td>{z.proto}/{z.port ?? '*'}{z.app !== null ? ` (${z.app})` : ''}</td><td>{z.clients}</td><td>{z.servers}</td><td>{z.flows}</td></tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}
