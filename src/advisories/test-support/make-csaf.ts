/** Test helper: a small, valid CSAF 2.0 document with one vendor, products with versions, and one vulnerability. */

export interface MiniCsaf {
  id: string;
  vendor?: string;
  product?: string;
  released?: string;
  revision?: string;
  versions?: { id: string; name: string; range?: boolean }[];
  cve?: string;
  affected?: string[];
  fixed?: string[];
  score?: number;
  cvss4?: number;
}

export function makeCsaf(o: MiniCsaf): Record<string, unknown> {
  const versions = o.versions ?? [{ id: 'P1', name: '<= 2.0', range: true }];
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      title: `Advisory ${o.id}`,
      publisher: { category: 'vendor', name: o.vendor ?? 'Example Medical', namespace: 'https://example.test' },
      tracking: {
        id: o.id, version: o.revision ?? '1', status: 'final',
        initial_release_date: '2025-01-01T00:00:00Z', current_release_date: o.released ?? '2025-01-01T00:00:00Z',
        revision_history: [{ date: o.released ?? '2025-01-01T00:00:00Z', number: o.revision ?? '1', summary: 'x' }],
      },
    },
    product_tree: {
      branches: [{
        category: 'vendor', name: o.vendor ?? 'Example Medical',
        branches: [{
          category: 'product_name', name: o.product ?? 'InfuseMax 300',
          branches: versions.map((v) => ({ category: v.range === true ? 'product_version_range' : 'product_version', name: v.name, product: { name: `${o.product ?? 'InfuseMax 300'} ${v.name}`, product_id: v.id } })),
        }],
      }],
    },
    vulnerabilities: [{
      cve: o.cve ?? 'CVE-2025-0001',
      title: 'Hard-coded credentials',
      product_status: { known_affected: o.affected ?? versions.map((v) => v.id), ...(o.fixed === undefined ? {} : { fixed: o.fixed }) },
      scores: [{
        products: o.affected ?? versions.map((v) => v.id),
        cvss_v3: { version: '3.1', baseScore: o.score ?? 8.1, baseSeverity: 'HIGH', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N' },
        ...(o.cvss4 === undefined ? {} : { cvss_v4: { version: '4.0', baseScore: o.cvss4, baseSeverity: 'HIGH', vectorString: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' } }),
      }],
      remediations: [{ category: 'vendor_fix', details: 'Update to 2.1 or later.', product_ids: o.affected ?? versions.map((v) => v.id) }],
    }],
  };
}
