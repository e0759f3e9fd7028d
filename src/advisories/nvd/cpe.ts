/** CPE 2.3 formatted strings (NISTIR 7695 §6.2): `cpe:2.3:part:vendor:product:version:…`, with `\` escapes. */

export interface Cpe {
  part: string;
  vendor: string;
  product: string;
  version: string;
  /** The product as words for name matching: underscores to spaces, a trailing "firmware" dropped. */
  productName: string;
}

/** Split a CPE 2.3 formatted string on unescaped colons (a `\\` escape keeps the next character). */
export function splitCpeFields(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\\' && i + 1 < text.length) {
      cur += text.charAt(i + 1);
      i++;
    } else if (c === ':') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function parseCpe(text: string): Cpe | null {
  const f = splitCpeFields(text.trim());
  if (f[0] !== 'cpe' || f[1] !== '2.3' || f.length < 6) return null;
  const [part = '', vendor = '', product = '', version = '*'] = f.slice(2);
  if (!/^[aoh*]$/.test(part) || vendor === '' || product === '') return null;
  const productName = product.replace(/_/g, ' ').replace(/ firmware$/, '').trim();
  return { part, vendor, product, version, productName };
}
