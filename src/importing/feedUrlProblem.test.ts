import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedUrlProblem } from './feedUrlProblem.ts';

describe('feedUrlProblem', () => {
  it('allows https anywhere and plain http on this machine only', () => {
    expect(feedUrlProblem('https://feeds.example.org/hk.csv')).toBeNull();
    expect(feedUrlProblem('http://127.0.0.1:8080/a.csv')).toBeNull();
    expect(feedUrlProblem('http://localhost/a.csv')).toBeNull();
    expect(feedUrlProblem('http://[::1]:9000/a.csv')).toBeNull();
    expect(feedUrlProblem('http://feeds.example.org/a.csv')).toBe('plain-http');
    expect(feedUrlProblem('http://127.0.0.2/a.csv')).toBe('plain-http');
    expect(feedUrlProblem('ftp://x.example/a.csv')).toBe('scheme');
    expect(feedUrlProblem('javascript:alert(1)')).toBe('scheme');
    expect(feedUrlProblem('https://user:pw@x.example/a')).toBe('credentials');
    expect(feedUrlProblem('nope')).toBe('not-a-url');
    expect(feedUrlProblem(`https://x.example/${'a'.repeat(3000)}`)).toBe('too-long');
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (text) => void feedUrlProblem(text)));
  });
});
