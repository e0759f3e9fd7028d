/**
 * Test support: a throw-away PKI made with the real `openssl` at test time: a CA, a server certificate for
 * `localhost` / 127.0.0.1 signed by it, a client certificate signed by it, and a second CA that signed nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestPki {
  dir: string;
  caFile: string;
  otherCaFile: string;
  serverKey: Buffer;
  serverCert: Buffer;
  clientKeyFile: string;
  clientCertFile: string;
  ca: Buffer;
  cleanup(): void;
}

function ssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

function leaf(cwd: string, name: string, subject: string, ext: string): void {
  ssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject], cwd);
  writeFileSync(path.join(cwd, `${name}.ext`), ext);
  ssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-out', `${name}.pem`, '-extfile', `${name}.ext`], cwd);
}

function ca(cwd: string, name: string): void {
  ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=wardwatch test ${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], cwd);
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-alerts-pki-'));
  ca(dir, 'ca');
  ca(dir, 'other-ca');
  leaf(dir, 'server', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  leaf(dir, 'client', '/CN=wardwatch-sensor', 'extendedKeyUsage=clientAuth\n');
  const f = (n: string): string => path.join(dir, n);
  return {
    dir, caFile: f('ca.pem'), otherCaFile: f('other-ca.pem'), serverKey: readFileSync(f('server.key')), serverCert: readFileSync(f('server.pem')),
    clientKeyFile: f('client.key'), clientCertFile: f('client.pem'), ca: readFileSync(f('ca.pem')),
    cleanup: () => { rmSync(dir, { recursive: true, force: true }); },
  };
}
