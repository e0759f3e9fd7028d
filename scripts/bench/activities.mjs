// One benchmark conversation at a time per slot: picks a kind by weight, chooses endpoints and payloads,
// then hands out its frames one by one (`next`), so the generator can interleave thousands of slots.
import { loadSynth as load } from '../synth.mjs';

const fb = await load('frame-builder.js');
const { TcpSession } = await load('tcp-session.js');
const { httpResponseHead } = await load('payloads/http.js');
const dimse = await load('payloads/dicom-message.js');
const ul = await load('payloads/dicom-ul.js');
const BROADCAST = new Uint8Array(6).fill(0xff);
const ZERO_MAC = new Uint8Array(6);

/** Per new conversation (not per packet): DICOM is rare but long, DNS frequent but two frames. */
const KINDS = ['http', 'dicom', 'hl7', 'smb', 'opaque', 'dns', 'syslog', 'snmp', 'icmp', 'arp'];
const WEIGHTS = [22, 0.5, 6, 2, 6, 30, 12, 8, 5, 4];
const WEIGHT_SUM = WEIGHTS.reduce((a, b) => a + b, 0);
/** TCP ports with no Wireshark dissector, for opaque vendor protocols. */
const OPAQUE_PORTS = [3613, 15376, 17008, 24105];
const HTTP_SIZES = [[100, 800], [800, 3000], [3000, 12000], [12000, 40000], [40000, 160000], [160000, 600000]];
const HTTP_SIZE_WEIGHTS = [25, 30, 20, 12, 9, 4];
const ENDINGS = ['fin', 'rst', 'refused', 'open'];
const ENDING_WEIGHTS = [85, 8, 2, 5];
const IPV6_SHARE = 0.03;
const MAX_PDU = 16384;

export class Slot {
  constructor(world, prng) {
    this.world = world;
    this.prng = prng;
    this.tcp = new TcpSession();
    this.isTcp = false;
    this.steps = []; // datagram activities: { kind, fromA, payload }
    this.step = 0;
    this.a = null;
    this.b = null;
    this.v6 = false;
    this.aPort = 0;
    this.bPort = 0;
    this.udp = fb.newUdpSpec();
    this.icmp = fb.newIcmpEchoSpec();
    this.arp = { srcMac: ZERO_MAC, dstMac: ZERO_MAC, vlan: null, vlanPriority: 0, op: 1, senderMac: ZERO_MAC, senderIp: null, targetMac: ZERO_MAC, targetIp: null };
  }

  /** Builds the next frame of the current conversation into `buf`; 0 when it is over (call `start`). */
  next(buf, clock) {
    if (this.isTcp) return this.tcp.next(buf, clock.ms);
    const s = this.steps[this.step++];
    if (s === undefined) return 0;
    const a = this.a;
    const b = this.b;
    const src = s.fromA ? a : b;
    const dst = s.fromA ? b : a;
    // The SPAN port sits at A's switch: across subnets, B's side of the conversation is the router's MAC.
    const routed = a.net !== b.net;
    const srcMac = routed && !s.fromA ? this.world.routerMac : src.mac;
    const dstMac = routed && s.fromA ? this.world.routerMac : dst.mac;
    if (s.kind === 'arp') {
      const arp = this.arp; // who-has from A (broadcast), is-at from B
      arp.srcMac = src.mac;
      arp.dstMac = s.fromA ? BROADCAST : dst.mac;
      arp.vlan = a.vlan;
      arp.op = s.fromA ? 1 : 2;
      arp.senderMac = src.mac;
      arp.senderIp = src.ip4;
      arp.targetMac = s.fromA ? ZERO_MAC : dst.mac;
      arp.targetIp = dst.ip4;
      return fb.buildArpFrame(buf, arp);
    }
    const spec = s.kind === 'icmp' ? this.icmp : this.udp;
    spec.srcMac = srcMac;
    spec.dstMac = dstMac;
    spec.vlan = a.vlan;
    spec.srcIp = this.v6 ? src.ip6 : src.ip4;
    spec.dstIp = this.v6 ? dst.ip6 : dst.ip4;
    spec.ttl = src.ttl;
    spec.ipId = (spec.ipId + 1) & 0xffff;
    if (s.kind === 'icmp') {
      this.icmp.reply = !s.fromA;
      this.icmp.sequence = s.seq;
      return fb.buildIcmpEchoFrame(buf, this.icmp, s.payload);
    }
    this.udp.srcPort = s.fromA ? this.aPort : this.bPort;
    this.udp.dstPort = s.fromA ? this.bPort : this.aPort;
    return fb.buildUdpFrame(buf, this.udp, s.payload);
  }

  start() {
    const p = this.prng;
    const w = this.world;
    const kind = KINDS[p.weighted(WEIGHTS, WEIGHT_SUM)];
    this.v6 = p.chance(IPV6_SHARE);
    this.step = 0;
    this.steps.length = 0;
    this.isTcp = false;
    const any = () => p.pick(w.hosts);
    switch (kind) {
      case 'http': return this.startTcp(p.chance(0.5) ? p.pick(w.workstations) : p.pick(w.clinical), p.pick(w.web), 80, this.httpMessages());
      case 'dicom': return this.startTcp(p.chance(0.8) ? p.pick(w.imaging) : p.pick(w.workstations), p.pick(w.pacs), p.chance(0.7) ? 104 : 11112, this.dicomMessages());
      case 'hl7': return this.startTcp(p.pick(w.clinical), p.pick(w.hl7), 2575, this.hl7Messages());
      case 'smb': return this.startTcp(p.pick(w.workstations), p.pick(w.files), 445, [{ fromClient: true, data: w.smb[0] }, { fromClient: false, data: w.smb[1] }]);
      case 'opaque': return this.startTcp(any(), p.pick(w.misc), p.pick(OPAQUE_PORTS), this.opaqueMessages());
      case 'dns': {
        const [q, r] = p.pick(w.dns);
        return this.startDatagrams(any(), p.pick(w.dnsServers), p.int(49152, 65535), 53, [['udp', true, q], ['udp', false, r]]);
      }
      case 'syslog': return this.startDatagrams(any(), p.pick(w.syslog), 514, 514, [['udp', true, p.pick(w.syslogMessages)]]);
      case 'snmp': return this.startDatagrams(p.pick(w.nms), any(), p.int(49152, 65535), 161, [['udp', true, w.snmp[0]], ['udp', false, w.snmp[1]]]);
      case 'icmp': {
        const payload = w.body.subarray(0, 56);
        const steps = [];
        for (let i = 0, n = p.int(1, 4); i < n; i++) steps.push(['icmp', true, payload, i + 1], ['icmp', false, payload, i + 1]);
        this.icmp.identifier = p.int(1, 0xffff);
        return this.startDatagrams(any(), any(), 0, 0, steps);
      }
      default: {
        const a = any();
        this.v6 = false;
        return this.startDatagrams(a, p.pick(w.byNet[a.net]), 0, 0, [['arp', true, null], ['arp', false, null]]);
      }
    }
  }

  startDatagrams(a, b, aPort, bPort, steps) {
    this.a = a;
    this.b = b === a ? this.world.hosts[(this.world.hosts.indexOf(a) + 1) % this.world.hosts.length] : b;
    this.aPort = aPort;
    this.bPort = bPort;
    for (const [kind, fromA, payload, seq] of steps) this.steps.push({ kind, fromA, payload, seq });
  }

  startTcp(client, server, port, messages) {
    const p = this.prng;
    this.isTcp = true;
    this.tcp.reset({
      clientMac: client.mac, serverMac: client.net === server.net ? server.mac : this.world.routerMac,
      clientIp: this.v6 ? client.ip6 : client.ip4, serverIp: this.v6 ? server.ip6 : server.ip4,
      clientPort: p.int(49152, 65535), serverPort: port, vlan: client.vlan, messages,
      end: ENDINGS[p.weighted(ENDING_WEIGHTS)], clientIsn: p.u32(), serverIsn: p.u32(),
      client: client.tcp, server: server.tcp, clientTtl: client.ttl, serverTtl: server.ttl,
    });
  }

  /** A slice of the shared random body: payload bytes without a copy. */
  bodySlice(len) {
    const off = this.prng.int(0, this.world.body.length - len);
    return this.world.body.subarray(off, off + len);
  }

  httpMessages() {
    const p = this.prng;
    const out = [];
    for (let i = 0, n = p.int(1, 3); i < n; i++) {
      const [lo, hi] = HTTP_SIZES[p.weighted(HTTP_SIZE_WEIGHTS)];
      const size = p.int(lo, hi);
      const head = httpResponseHead(200, 'OK', [['Server', p.pick(this.world.http.servers)], ['Content-Type', 'application/octet-stream']], size);
      out.push({ fromClient: true, data: p.pick(this.world.http.requests) }, { fromClient: false, data: [head, this.bodySlice(size)] });
    }
    return out;
  }

  dicomMessages() {
    const p = this.prng;
    const t = this.world.dicom;
    const out = [{ fromClient: true, data: t.rq }, { fromClient: false, data: t.ac }];
    for (let i = 1, n = p.int(1, 4); i <= n; i++) {
      const sop = `2.25.${p.u32()}.${i}`;
      const chunks = ul.pDataMessage(1, true, dimse.cStoreRq(i, dimse.CT_IMAGE_STORAGE, sop), MAX_PDU);
      const size = 2 * p.int(30_000, 300_000); // data sets have even length (PS3.5 §7.1.1), so PDVs do too
      for (let at = 0; at < size; at += MAX_PDU - 6) {
        const len = Math.min(MAX_PDU - 6, size - at);
        chunks.push(ul.pDataTfHeader(1, false, at + len >= size, len), this.bodySlice(len));
      }
      out.push({ fromClient: true, data: chunks }, { fromClient: false, data: ul.pDataMessage(1, true, dimse.cStoreRsp(i, dimse.CT_IMAGE_STORAGE, sop), MAX_PDU) });
    }
    out.push({ fromClient: true, data: t.release[0] }, { fromClient: false, data: t.release[1] });
    return out;
  }

  hl7Messages() {
    const out = [];
    for (let i = 0, n = this.prng.int(1, 8); i < n; i++) {
      const [msg, ack] = this.prng.pick(this.world.hl7Messages);
      out.push({ fromClient: true, data: msg }, { fromClient: false, data: ack });
    }
    return out;
  }

  opaqueMessages() {
    const out = [];
    for (let i = 0, n = this.prng.int(1, 4); i < n; i++) {
      out.push({ fromClient: true, data: this.bodySlice(this.prng.int(40, 4000)) }, { fromClient: false, data: this.bodySlice(this.prng.int(40, 64000)) });
    }
    return out;
  }
}
