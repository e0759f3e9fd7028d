/** import cmms / reconcile / device set against the bundled sample's inventory, with typical and hostile registers. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot, runCli } from '../test-support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-cmms-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const sample = path.join(repoRoot, 'samples/hospital-sample.pcap');
const fixture = (name: string): string => path.join(repoRoot, 'src/inventory/cmms/fixtures', name);
const CT_MAC = '08:00:19:4a:21:07';

interface Device {
  id: string;
  mac: string | null;
  hostnames: string[];
  vendor: string | null;
  model: string | null;
  serial: string | null;
  location: string | null;
  department: string | null;
  owner: string | null;
  assetTag: string | null;
  supportEnd: string | null;
}
interface Reconcile {
  matched: { deviceId: string; line: number; matchedOn: string }[];
  seenNotRegistered: { deviceId: string }[];
  registeredNotSeen: { line: number; register: Record<string, string> }[];
  conflicts: { deviceId: string; field: string; register: string; wire: string }[];
}

function ok(args: readonly string[]): string {
  const r = runCli(args);
  expect(r.stderr.split('\n').filter((l) => l.startsWith('error'))).toEqual([]);
  expect(r.code).toBe(0);
  return r.stdout;
}
const devices = (db: string): Device[] => (JSON.parse(ok(['devices', '--db', db, '--format', 'json'])) as { devices: Device[] }).devices;
const byMac = (db: string, mac: string): Device | undefined => devices(db).find((d) => d.mac === mac);
const reconcile = (db: string): Reconcile => JSON.parse(ok(['reconcile', '--db', db, '--format', 'json'])) as Reconcile;

const base = path.join(dir, 'base.db');
/** A fresh copy of the analysed sample for one test. */
function freshDb(name: string): string {
  const db = path.join(dir, `${name}.db`);
  copyFileSync(base, db);
  return db;
}

beforeAll(() => {
  ok(['analyze', '--db', base, sample]);
});

describe('import cmms', () => {
  it('matches a typical export by MAC, IP and hostname and sets the register values', () => {
    const db = freshDb('typical');
    const out = ok(['import', 'cmms', fixture('typical-export.csv'), '--db', db]);
    expect(out).toMatch(/: 6 rows: 4 matched, 2 unmatched, 0 skipped; 1 invalid values ignored\n$/);
    expect(byMac(db, CT_MAC)).toMatchObject({
      assetTag: 'BME-1001', location: 'Radiology, CT Room 2', department: 'Radiology', owner: 'J. Smith',
      supportEnd: '2027-06-30', vendor: 'GE', model: 'Optima CT660', hostnames: ['CT01'],
    });
    const r = reconcile(db);
    expect(r.matched.map((m) => [m.line, m.matchedOn])).toEqual([[2, 'mac'], [3, 'mac'], [4, 'ip'], [5, 'hostname']]);
    expect(r.registeredNotSeen.map((e) => e.register.assetTag)).toEqual(['BME-2001', 'BME-2002']);
    expect(r.seenNotRegistered).toHaveLength(4);
    // "GE" and "GE Healthcare" agree; a different model and a different vendor are conflicts.
    expect(r.conflicts.map((c) => [c.field, c.register, c.wire])).toEqual(
      expect.arrayContaining([['model', 'Optima CT660', 'Revolution EVO'], ['vendor', 'Philips', 'Mindray']]),
    );
    expect(r.conflicts.some((c) => c.field === 'vendor' && c.register === 'GE')).toBe(false);
    const table = ok(['reconcile', '--db', db]);
    expect(table).toMatch(/^matched \(4\)\n/);
    expect(table).toMatch(/registered, not seen \(2\)/);
  });

  it('register values survive a second analyze, and the wire value is kept for conflicts', () => {
    const db = freshDb('survive');
    ok(['import', 'cmms', fixture('typical-export.csv'), '--db', db]);
    ok(['analyze', '--db', db, sample]);
    expect(byMac(db, CT_MAC)).toMatchObject({ model: 'Optima CT660', location: 'Radiology, CT Room 2', assetTag: 'BME-1001' });
    expect(reconcile(db).conflicts).toContainEqual(expect.objectContaining({ field: 'model', wire: 'Revolution EVO' }));
  });

  it('reads a BOM, CRLF, quoted commas and line breaks, other header spellings; matches by serial after import', () => {
    const db = freshDb('bom');
    expect(ok(['import', 'cmms', fixture('bom-crlf.csv'), '--db', db])).toMatch(/3 rows: 2 matched, 1 unmatched, 0 skipped\n$/);
    expect(byMac(db, CT_MAC)).toMatchObject({ location: 'CT Room 2, east wing', department: 'Radiology', serial: 'SYN-CT-0001' });
    expect(byMac(db, '00:d0:75:12:00:42')?.location).toBe('ICU Bed 4');
  });

  it('stores formula-like cells as text and exports them defused', () => {
    const db = freshDb('formula');
    ok(['import', 'cmms', fixture('formula-injection.csv'), '--db', db]);
    const ct = byMac(db, CT_MAC);
    expect(ct).toMatchObject({ location: '=HYPERLINK("http://evil.example/x","click")', department: "+cmd|' /C calc'!A0", owner: '@SUM(1+1)', model: '-2+3' });
    const csv = ok(['devices', '--db', db, '--format', 'csv']);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example/x"",""click"")"');
    expect(csv).toContain("'-2+3");
  });

  it('skips rows with the wrong number of columns or a broken quote, naming each line', () => {
    const db = freshDb('columns');
    const r = runCli(['import', 'cmms', fixture('wrong-columns.csv'), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5 rows: 1 matched, 1 unmatched, 3 skipped \(2 wrong number of columns, 1 text after a closing quote\)/);
    expect(r.stderr).toContain('warning: line 3: wrong number of columns (2, the header has 3); row skipped');
    expect(r.stderr).toContain('warning: line 6: text after a closing quote; row skipped');
  });

  it('reads a Windows-1252, semicolon-separated export', () => {
    const db = freshDb('cp1252');
    expect(ok(['import', 'cmms', fixture('windows-1252.csv'), '--db', db])).toMatch(/1 rows read as Windows-1252/);
    expect(byMac(db, CT_MAC)?.location).toBe('Réanimation – lit 2');
  });

  it('a file that cannot be read on leaves the store unchanged', () => {
    const db = freshDb('atomic');
    ok(['import', 'cmms', fixture('typical-export.csv'), '--db', db]);
    const before = [devices(db), reconcile(db)];
    const r = runCli(['import', 'cmms', fixture('unterminated-quote.csv'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${fixture('unterminated-quote.csv')}: line 4: quoted field never closed (unterminated quote)\n`);
    expect([devices(db), reconcile(db)]).toEqual(before);
  });

  it('a UTF-16 register with a byte-order mark (Excel\'s "Unicode Text") imports like UTF-8', () => {
    const db = freshDb('utf16');
    expect(ok(['import', 'cmms', fixture('utf-16.csv'), '--db', db])).toMatch(/: 1 rows: 1 matched, 0 unmatched, 0 skipped\n$/);
  });

  it('one error line for empty and headerless files, bad --map and missing files', () => {
    const db = freshDb('errors');
    const err = (args: string[]): string => {
      const r = runCli([...args, '--db', db]);
      expect(r.code).toBe(1);
      return r.stderr;
    };
    expect(err(['import', 'cmms', fixture('empty.csv')])).toMatch(/^error: .*empty\.csv: empty file \(no header row\)\n$/);
    expect(err(['import', 'cmms', fixture('no-header.csv')])).toMatch(/^error: .*line 1: no header naming an asset tag, serial, MAC, IP or hostname column/);
    expect(err(['import', 'cmms', fixture('typical-export.csv'), '--map', 'Room=colour'])).toMatch(/^error: --map Room=colour: unknown field "colour"; fields: mac, ip, location, /);
    expect(err(['import', 'cmms', fixture('typical-export.csv'), '--map', 'Nope=mac'])).toMatch(/^error: --map Nope=mac: no column "Nope" in the header/);
    expect(err(['import', 'cmms', path.join(dir, 'missing.csv')])).toMatch(/^error: .*missing\.csv: cannot read the file\n$/);
  });

  it('--map names columns the defaults do not know, and overrides them', () => {
    const db = freshDb('map');
    const out = ok(['import', 'cmms', fixture('no-header.csv'), '--map', '08:00:19:4a:21:07=mac', 'ICU=location', '--map', 'Radiology=owner', '--db', db]);
    expect(out).toMatch(/1 rows: 1 matched/);
    expect(byMac(db, '00:d0:75:12:00:42')).toMatchObject({ location: 'ICU', owner: 'Intensive Care' });
    ok(['import', 'cmms', fixture('typical-export.csv'), '--map', 'Equipment Description=location', '--db', db]);
    expect(byMac(db, CT_MAC)?.location).toBe('CT scanner');
  });
});

describe('device set', () => {
  it('sets a person\'s values by id, MAC or IP; they win over the register and survive analyze', () => {
    const db = freshDb('set');
    ok(['import', 'cmms', fixture('typical-export.csv'), '--db', db]);
    const ct = byMac(db, CT_MAC);
    expect(ok(['device', 'set', ct?.id ?? '', 'location=CT Room 3', 'department=Imaging', '--db', db])).toMatch(/^device .*: set location, department\n$/);
    ok(['device', 'set', '00-D0-75-12-00-42', 'owner=Nurse Lead', '--db', db]);
    ok(['device', 'set', '10.20.30.5', 'category=patient-monitoring', '--db', db]);
    ok(['analyze', '--db', db, sample]);
    expect(byMac(db, CT_MAC)).toMatchObject({ location: 'CT Room 3', department: 'Imaging' });
    expect(byMac(db, '00:d0:75:12:00:42')?.owner).toBe('Nurse Lead');
    ok(['device', 'set', CT_MAC, 'location=', '--db', db]);
    expect(byMac(db, CT_MAC)?.location).toBeNull();
  });

  it('one error line for a bad field, a missing "=", a bad value and an unknown device; nothing half-written', () => {
    const db = freshDb('set-errors');
    const err = (...args: string[]): string => runCli(['device', 'set', ...args, '--db', db]).stderr;
    expect(err(CT_MAC, 'colour=red')).toMatch(/^error: unknown device field "colour"; allowed: location, /);
    expect(err(CT_MAC, 'location')).toBe('error: "location": expected field=value\n');
    expect(err(CT_MAC, 'location=X', 'supportEnd=soon')).toBe('error: supportEnd "soon" is not a date (YYYY-MM-DD)\n');
    expect(err('10.99.99.99', 'location=X')).toBe('error: no device with id, MAC, IP or host name 10.99.99.99 (see `wardwatch devices`)\n');
    expect(byMac(db, CT_MAC)?.location).toBeNull();
  });
});

describe('a 100 MB register', () => {
  it('streams in bounded memory', async () => {
    const file = path.join(dir, 'big.csv');
    const out = createWriteStream(file);
    const notes = 'n'.repeat(300);
    out.write('Asset Tag,Serial Number,MAC Address,Location,Notes\r\n');
    out.write(`BME-1001,SYN-CT-0001,${CT_MAC},"Big, Room",x\r\n`);
    let bytes = 0;
    let rows = 1;
    for (; bytes < 100 * 1024 * 1024; rows++) {
      const line = `BIG-${rows},S${rows},,"Ward ${rows % 50}, bed ${rows % 7}",${notes}\r\n`;
      bytes += line.length;
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => { resolve(); }));
    }
    await new Promise<void>((resolve) => out.end(() => { resolve(); }));
    const db = freshDb('big');
    // Print the child's peak RSS at exit; reading the file whole would put it above 100 MB on its own.
    const preload = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`;
    const r = spawnSync(process.execPath, ['--import', preload, binPath, 'import', 'cmms', file, '--db', db], { encoding: 'utf8', cwd: repoRoot });
    expect(r.stdout).toMatch(new RegExp(`: ${rows} rows: 1 matched, ${rows - 1} unmatched, 0 skipped\\n$`));
    const maxRssKb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1]);
    expect(maxRssKb).toBeLessThan(160 * 1024);
    expect(byMac(db, CT_MAC)?.location).toBe('Big, Room');
  }, 60_000);
});

describe('import cmms: a first register', () => {
  const SERVER_MAC = '00:50:56:9a:02:02';
  const register = (name: string, text: string | Buffer): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const issueCsv = (): string => register('first.csv', [
    'Asset Tag,Mfr,Model No,Equipment Type,Location/Room,Biomed Owner,MAC Address,Notes,Vendor Phone',
    `BME-7,GE,Optima CT660,CT Scanner,Radiology 2,J. Smith,${CT_MAC},ok,555-0100`,
    `BME-8,Dräger,Evita V500,Ventilator,ICU 4,A. Jones,${SERVER_MAC},,`,
    ',,,,,,,,',
    ' , ,,, ,,,,',
    'BME-9,BD,Alaris 8015,Infusion Pump,Ward 5,,02:00:00:00:00:99,,',
    'BME-10,Acme,X1,Widget,Store,,02:00:00:00:00:98,,',
    ',,,,,,,a note and nothing else,',
  ].join('\n'));

  it('--dry-run prints the mapping and the changes, and writes nothing (not even a database)', () => {
    const db = freshDb('dry');
    const before = [devices(db), reconcile(db)];
    const r = runCli(['import', 'cmms', issueCsv(), '--db', db, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^dry run of .*first\.csv: nothing written\ncolumns:\n {2}"Asset Tag" → assetTag\n {2}"Mfr" → vendor\n {2}"Model No" → model\n/);
    expect(r.stdout).toContain('"Location/Room" → location');
    expect(r.stdout).toContain('"Biomed Owner" → owner');
    expect(r.stdout).toContain('"Notes" → not imported');
    expect(r.stdout).toMatch(/would import 5 rows: 2 matched, 2 unmatched, 1 skipped \(1 no value in any imported column\); 2 blank rows ignored; 3 categories derived/);
    expect(r.stdout).toContain(`line 2, device ${CT_MAC}: location (none) → "Radiology 2"`);
    expect(r.stderr).toContain('line 8: no value in any imported column; row skipped');
    expect(r.stdout).toMatch(/: category "it" → "life-support"/);
    expect(r.stdout).toContain('2 rows match no device seen and would be kept as registered, not seen');
    expect([devices(db), reconcile(db)]).toEqual(before);
    const none = path.join(dir, 'never-made.db');
    expect(runCli(['import', 'cmms', issueCsv(), '--db', none, '--dry-run']).code).toBe(0);
    expect(existsSync(none)).toBe(false);
  });

  it('names the columns it does not import, derives categories, and keeps no blank row as a device', () => {
    const db = freshDb('first');
    const r = runCli(['import', 'cmms', issueCsv(), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: columns not imported: "Notes", "Vendor Phone" (name a field for one with --map column=field)\nwarning: line 8: no value in any imported column; row skipped\n');
    expect(byMac(db, CT_MAC)).toMatchObject({ vendor: 'GE', model: 'Optima CT660', location: 'Radiology 2', owner: 'J. Smith', assetTag: 'BME-7' });
    expect(devices(db).find((d) => d.mac === SERVER_MAC)).toMatchObject({ category: 'life-support', location: 'ICU 4' });
    const notSeen = reconcile(db).registeredNotSeen;
    expect(notSeen.map((e) => e.line)).toEqual([6, 7]);
    expect(notSeen[0]?.register).toMatchObject({ type: 'Infusion Pump', category: 'infusion' });
    // Must not: a type the knowledge does not know gets no category.
    expect(notSeen[1]?.register.category).toBeUndefined();
  });

  it('a register without unknown columns warns of nothing', () => {
    const r = runCli(['import', 'cmms', register('clean.csv', `MAC,Room\n${CT_MAC},CT 1\n`), '--db', freshDb('clean')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });

  it('hostile files get one clear error line or a warning, never a crash', () => {
    const db = freshDb('hostile');
    const err = (file: string): string => {
      const r = runCli(['import', 'cmms', file, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      return r.stderr;
    };
    expect(err(dir)).toBe(`error: ${dir}: not a file\n`);
    expect(err(register('huge-header.csv', `MAC,${'x'.repeat(200_000)}\n${CT_MAC},y\n`))).toMatch(/^error: .*huge-header\.csv: line 1: header row: a cell longer than the limit\n$/);
    expect(err(register('binary.csv', Buffer.from([0x4d, 0x41, 0x43, 0x0a, 0x00, 0xff, 0x00])))).toMatch(/^error: .*binary\.csv: line 1: NUL bytes: a binary file, not CSV text\n$/);
    // Control characters in a header never reach the terminal; formulas stay text and are named as they are.
    const r = runCli(['import', 'cmms', register('ansi.csv', `MAC,\u001b[31mRoom=cmd|calc,=HYPERLINK("x")\n${CT_MAC},a,b\n`), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('"?[31mRoom=cmd|calc", "=HYPERLINK("x")"');
    // A huge cell in a row skips that row only, and says so.
    const big = runCli(['import', 'cmms', register('huge-cell.csv', `MAC,Room\n${CT_MAC},${'y'.repeat(100_000)}\n`), '--db', db]);
    expect(big.code).toBe(0);
    expect(big.stderr).toMatch(/line 2: a cell longer than the limit; row skipped/);
  });
});
