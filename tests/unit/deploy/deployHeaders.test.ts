import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deployHeaders, metaContentSecurityPolicy } from '../../e2e/support/deployHeaders.ts';

/** Directive name → its sources, in the order written. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const [name, ...sources] = part.split(/\s+/);
        return [name, sources.join(' ')] as const;
      }),
  );
}

describe('the deployment headers of docs/deploy.md', () => {
  const headers = deployHeaders();
  const meta = metaContentSecurityPolicy();

  it('send the page’s own policy plus frame-ancestors, which a meta tag cannot set', () => {
    expect(headers['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
    expect(directives(meta).has('frame-ancestors')).toBe(false);
  });

  it('keep the policy narrow: no unsafe-eval, no wildcard or plain-http hosts, nothing framed, posted or based elsewhere', () => {
    const policy = directives(meta);
    expect(policy.get('default-src')).toBe("'none'");
    for (const name of ['base-uri', 'object-src', 'form-action']) expect(policy.get(name)).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    const sources = [...policy.values()].join(' ').split(' ');
    expect(sources).not.toContain('*');
    expect(sources).not.toContain('http:');
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources.filter((source) => source.startsWith('http://'))).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
  });

  it('include nosniff and no-referrer, and index.html asks for no referrer too', () => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(readFileSync('index.html', 'utf8')).toContain('<meta name="referrer" content="no-referrer" />');
  });

  it('explain every directive of the policy in ARCHITECTURE.md', () => {
    const architecture = readFileSync('ARCHITECTURE.md', 'utf8');
    const start = architecture.indexOf('## Content Security Policy');
    expect(start).toBeGreaterThan(-1);
    const section = architecture.slice(start);
    for (const [name, sources] of directives(headers['content-security-policy'])) expect(section).toContain(`\`${name} ${sources}\``);
  });
});
