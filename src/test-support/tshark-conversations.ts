/** Test support: tshark's view of a capture's TCP/UDP conversations, for cross-checking the flow table and the synthesiser. */
import { runTshark } from './tshark.js';

export interface Conversation {
  /** Endpoints sorted so that both directions give one key: "ip:port|ip:port". */
  key: string;
  /** Packets and frame bytes sent by the lexically first endpoint, then by the second. */
  packetsFirst: number;
  bytesFirst: number;
  packetsSecond: number;
  bytesSecond: number;
}

export function endpointKey(proto: string, a: string, ap: number, b: string, bp: number): { key: string; swapped: boolean } {
  const x = `${a}:${ap}`;
  const y = `${b}:${bp}`;
  return x <= y ? { key: `${proto}|${x}|${y}`, swapped: false } : { key: `${proto}|${y}|${x}`, swapped: true };
}

function parseSize(frames: string, bytes: string, unit: string): { frames: number; bytes: number | null } {
  const f = Number(frames.replace(/,/g, ''));
  const b = Number(bytes.replace(/,/g, ''));
  return { frames: f, bytes: unit === 'bytes' ? b : null };
}

/**
 * `tshark -q -z conv,tcp -z conv,udp`: one entry per conversation. Byte counts tshark abbreviates (kB, MB) come
 * back as null so a caller compares packets there and exact bytes elsewhere.
 */
export function tsharkConversations(file: string): Map<string, { first: { frames: number; bytes: number | null }; second: { frames: number; bytes: number | null } }[]> {
  const text = runTshark(['-n', '-r', file, '-q', '-z', 'conv,tcp', '-z', 'conv,udp'], { maxBuffer: 1 << 28 });
  const out = new Map<string, { first: { frames: number; bytes: number | null }; second: { frames: number; bytes: number | null } }[]>();
  let proto = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('TCP Conversations')) proto = 'tcp';
    else if (line.startsWith('UDP Conversations')) proto = 'udp';
    const m = /^(\S+):(\d+)\s+<->\s+(\S+):(\d+)\s+([\d,]+)\s+([\d,]+)\s+(bytes|kB|MB|GB)\s+([\d,]+)\s+([\d,]+)\s+(bytes|kB|MB|GB)/.exec(line);
    if (!m || proto === '') continue;
    const [, a, ap, b, bp, inF, inB, inU, outF, outB, outU] = m as unknown as string[];
    // tshark's "<-" columns are frames sent by the second endpoint to the first, "->" by the first.
    const fromFirst = parseSize(outF ?? '0', outB ?? '0', outU ?? '');
    const fromSecond = parseSize(inF ?? '0', inB ?? '0', inU ?? '');
    const { key, swapped } = endpointKey(proto, a ?? '', Number(ap), b ?? '', Number(bp));
    const entry = swapped ? { first: fromSecond, second: fromFirst } : { first: fromFirst, second: fromSecond };
    const list = out.get(key) ?? [];
    list.push(entry);
    out.set(key, list);
  }
  return out;
}

/** One row per conversation of `proto`: its two endpoints ("ip:port", sorted) and the frames both ways. */
export function conversationRows(file: string, proto: 'tcp' | 'udp'): { endpoints: [string, string]; frames: number }[] {
  const rows: { endpoints: [string, string]; frames: number }[] = [];
  for (const [key, list] of tsharkConversations(file)) {
    const [p, a = '', b = ''] = key.split('|');
    if (p !== proto) continue;
    for (const c of list) rows.push({ endpoints: [a, b], frames: c.first.frames + c.second.frames });
  }
  return rows;
}
