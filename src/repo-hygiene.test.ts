/**
 * A clone explains itself: no tracked file points to a document outside the repository (a sibling folder of the
 * checkout, a design or notes file kept beside it) or to an issue tracker by number. Cite a file in the
 * repository (docs/architecture.md, test-data/MANIFEST.md …) or a public source (a URL, a spec section) instead.
 * Third-party material under test-data/corpus/ is quoted as published and not checked.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..');

/**
 * The notes folder kept beside the checkout, spelled in parts so that this file, which must name it to find it, does
 * not itself read as a pointer there.
 */
const SIBLING_NOTES = ['..', 'shared'].join('/');

/** What points outside: each with the reason a reader would get stuck. */
const OUTSIDE: readonly { re: RegExp; why: string }[] = [
  { re: new RegExp(`${SIBLING_NOTES.replace(/\./g, '\\.')}/[\\w-]+\\.md\\b`), why: 'a folder beside the checkout' },
  { re: /\b(?:design|med-facts|recipes|style)\.md\b/, why: 'a document outside the repository' },
  { re: /\bissues? #?\d+\b/i, why: 'an issue number' },
];

/** Files of ours that are text (third-party corpus files and binaries are skipped). */
function ownTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter((f) => f !== '');
  return listed.filter((f) => !f.startsWith('test-data/corpus/') && f !== 'package-lock.json' && !/\.(pcapng?|gz|bin|dcm|der|png|ico)$/.test(f));
}

/** `file:line: why` for each line that points outside. */
export function outsidePointers(file: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { re, why } of OUTSIDE) if (re.test(line)) out.push(`${file}:${i + 1}: ${why}: ${line.trim().slice(0, 120)}`);
  });
  return out;
}

describe('repository hygiene', () => {
  it('no tracked file points to a document outside the repository or to an issue number', () => {
    const self = path.relative(REPO, import.meta.filename);
    const bad = ownTextFiles()
      .filter((f) => f !== self)
      .flatMap((f) => {
        let text: string;
        try {
          text = readFileSync(path.join(REPO, f), 'utf8');
        } catch {
          return []; // listed but deleted in the work tree
        }
        return text.includes('\0') ? [] : outsidePointers(f, text);
      });
    expect(bad).toEqual([]);
  });

  it('catches each kind of pointer, and leaves repository files and public sources alone', () => {
    expect(outsidePointers('a.ts', `// see ${SIBLING_NOTES}/design.md`)).toHaveLength(2);
    expect(outsidePointers('a.ts', '/** Findings (issue 5 §1) */')).toHaveLength(1);
    expect(outsidePointers('a.json', '"source": "med-facts.md §1a: GDCM gdcmUIDs.cxx"')).toHaveLength(1);
    expect(outsidePointers('a.ts', '// docs/architecture.md §3.5; RFC 2131 §3; https://github.com/x/y/pull/4')).toEqual([]);
    expect(outsidePointers('a.ts', 'const issues: DecodeIssue[] = [];')).toEqual([]);
  });
});
