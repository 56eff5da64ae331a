import { describe, expect, it } from 'vitest';
import { buildVersion, injectManifest } from './offlineShellPlugin.ts';

describe('offlineShellPlugin', () => {
  const files = [
    { type: 'asset' as const, fileName: 'index.html', source: '<html>' },
    { type: 'chunk' as const, fileName: 'assets/a.js', code: 'a()' },
    { type: 'asset' as const, fileName: 'assets/f.woff2', source: new Uint8Array([1, 2, 3]) },
  ];

  it('versions a build by every file’s name and bytes, whatever their order', () => {
    const version = buildVersion(files);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildVersion([...files].reverse())).toBe(version);
    expect(buildVersion([{ ...files[0], source: '<html> ' }, files[1], files[2]])).not.toBe(version);
    expect(buildVersion([files[0], { ...files[1], fileName: 'assets/b.js' }, files[2]])).not.toBe(version);
    expect(buildVersion([files[0], files[1], { ...files[2], source: new Uint8Array([1, 2, 4]) }])).not.toBe(version);
  });

  it('writes the manifest in place of the one placeholder, and refuses code without exactly one', () => {
    const manifest = { version: 'abc', files: ['index.html'] };
    expect(injectManifest('const m=TIDEGATE_SHELL_MANIFEST;', manifest)).toBe('const m={"version":"abc","files":["index.html"]};');
    expect(() => injectManifest('const m=1;', manifest)).toThrow(/exactly once \(found 0\)/);
    expect(() => injectManifest('TIDEGATE_SHELL_MANIFEST;TIDEGATE_SHELL_MANIFEST', manifest)).toThrow(/found 2/);
  });
});
