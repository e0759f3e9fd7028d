/** End of life follows from the version (data/os-lifecycle.json): Windows builds, CE, kernel series, VxWorks, QNX. */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { lifecycleOf } from './os-lifecycle.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const life = (name: string, version: string | null, hint: string | null = null): ReturnType<typeof lifecycleOf> => lifecycleOf(kb, name, version, hint, asOf);

describe('lifecycle by version', () => {
  it('Windows builds and NT versions', () => {
    expect(life('Windows', '6.1.7601')).toEqual({ label: 'Windows 7 / Windows Server 2008 R2 / Windows Embedded Standard 7 / Windows Embedded POSReady 7', endOfLife: true });
    expect(life('Windows', '6.1', 'Windows Embedded Standard 7')).toEqual({ label: 'Windows Embedded Standard 7', endOfLife: true });
    expect(life('Windows', '10.0.19042')).toEqual({ label: 'Windows 10 20H2', endOfLife: true });
    expect(life('Windows', '10.0.20348')).toEqual({ label: 'Windows Server 2022', endOfLife: false });
    expect(life('Windows', '10.0').endOfLife).toBeNull();
  });

  it('Windows 11 builds: end of life only when every edition sharing the build has ended', () => {
    const at = (d: string, v: string, type: string | null = null): ReturnType<typeof lifecycleOf> => lifecycleOf(kb, 'Windows', v, null, new Date(d), type);
    // 23H2: Home/Pro ended 2025-11-11, Enterprise/Education 2026-11-10.
    expect(at('2026-12-07T00:00:00Z', '10.0.22631')).toEqual({ label: 'Windows 11', endOfLife: true });
    expect(at('2026-03-02T00:00:00Z', '10.0.22631').endOfLife).toBeNull();
    expect(at('2025-01-01T00:00:00Z', '10.0.22631').endOfLife).toBe(false);
    // 24H2 is also IoT LTSC 2024 and Windows Server 2025: after Home/Pro ended it is not knowable.
    expect(at('2026-12-07T00:00:00Z', '10.0.26100')).toEqual({ label: 'Windows 11 / Windows Server 2025', endOfLife: null });
  });

  it('a host known as a server or workstation keeps only editions of that kind', () => {
    const at = (v: string, type: string | null): ReturnType<typeof lifecycleOf> => lifecycleOf(kb, 'Windows', v, null, new Date('2026-12-07T00:00:00Z'), type);
    expect(at('10.0.14393', 'server')).toEqual({ label: 'Windows Server 2016', endOfLife: false });
    // Windows 10 1607 (ended 2019-04-09) and LTSB 2016 (ended 2026-10-13) share the build: both have ended by now.
    expect(at('10.0.14393', 'workstation')).toEqual({ label: 'Windows 10', endOfLife: true });
    expect(at('10.0.14393', null).endOfLife).toBeNull();
    expect(at('10.0.14393', 'PACS').endOfLife).toBeNull();
  });

  it('Windows 10 1607 and 1809: a general edition ended years before the LTSB/LTSC and Server release of its build', () => {
    const at = (v: string, type: string | null): ReturnType<typeof lifecycleOf> => lifecycleOf(kb, 'Windows', v, null, asOf, type);
    // fires: a workstation on the build may be the general edition (ended), not only the LTSB/LTSC (supported), so
    // "supported" is no longer said; once every Windows 10 edition of the build has ended it is end of life.
    expect(at('10.0.14393', 'workstation')).toEqual({ label: 'Windows 10', endOfLife: null });
    expect(at('10.0.17763', 'workstation')).toEqual({ label: 'Windows 10', endOfLife: null });
    expect(at('10.0.17763', null).endOfLife).toBeNull();
    expect(lifecycleOf(kb, 'Windows', '10.0.17763', null, new Date('2029-02-01T00:00:00Z'), 'workstation')).toEqual({ label: 'Windows 10', endOfLife: true });
    // must not fire: a server, or a host known as anything but a workstation (a PACS, a modality), is not a general
    // client edition: LTSB/LTSC and Server are both still supported.
    expect(at('10.0.14393', 'server')).toEqual({ label: 'Windows Server 2016', endOfLife: false });
    expect(at('10.0.17763', 'server')).toEqual({ label: 'Windows Server 2019', endOfLife: false });
    expect(at('10.0.14393', 'PACS')).toEqual({ label: 'Windows 10 / Windows Server 2016', endOfLife: false });
    expect(at('10.0.17763', 'MRI scanner').endOfLife).toBe(false);
  });

  it('Windows CE by CE version', () => {
    expect(life('Windows CE', '6.0')).toEqual({ label: 'Windows Embedded CE 6.0', endOfLife: true });
    expect(life('Windows CE', '8.0').endOfLife).toBe(true);
    expect(life('Windows CE', null)).toEqual({ label: null, endOfLife: null });
  });

  it('Linux and Embedded Linux by kernel series; a supported longterm series is not EOL', () => {
    expect(life('Linux', '4.14.98')).toEqual({ label: 'Linux 4.14', endOfLife: true });
    expect(life('Embedded Linux', '4.14.98')).toEqual({ label: 'Embedded Linux 4.14', endOfLife: true });
    expect(life('Linux', '2.6.32')).toEqual({ label: 'Linux 2.x', endOfLife: true });
    expect(life('Embedded Linux', '3.0.35').endOfLife).toBe(true);
    expect(life('Linux', '4.17.19').endOfLife).toBe(true);
    expect(life('Linux', '6.6.30')).toEqual({ label: 'Linux 6.6', endOfLife: false });
    expect(life('Linux', '4.1.15').label).toBe('Linux 4.1');
  });

  it('VxWorks 5.x and 6.x are end of life; an unknown version or VxWorks 7 is unknown', () => {
    expect(life('VxWorks', '6.9', 'VxWorks 6.9')).toEqual({ label: 'VxWorks 6.9', endOfLife: true });
    expect(life('VxWorks', '5.5.1').endOfLife).toBe(true);
    expect(life('VxWorks', '7')).toEqual({ label: null, endOfLife: null });
    expect(life('VxWorks', null)).toEqual({ label: null, endOfLife: null });
  });

  it('unknown version = endOfLife null, even with a label hint that names no row', () => {
    expect(life('Embedded Linux', null, 'Embedded Linux (BusyBox udhcp 1.19.4)')).toEqual({ label: 'Embedded Linux (BusyBox udhcp 1.19.4)', endOfLife: null });
    expect(life('Linux', null, 'Ubuntu')).toEqual({ label: 'Ubuntu', endOfLife: null });
    expect(life('QNX', '6.5.0', 'QNX Neutrino 6.5.0')).toEqual({ label: 'QNX Neutrino 6.5.0', endOfLife: null });
  });
});
