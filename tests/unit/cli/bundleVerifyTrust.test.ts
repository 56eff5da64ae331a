import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_HEADER, makeFixtureDir, runCaptured, type FixtureDir } from './cliTestSupport.ts';

const FEED = [FIXTURE_HEADER, 'T1,GACC-GD,2026-03-01 10:00,113.5489,22.2186,tobacco,seizure,3,,,Cartons', 'T2,HKCED,2026-03-01 11:00,114.1137,22.5292,narcotics,seizure,4,,,Parcel'].join('\n');

/**
 * `tidegate bundle verify --trust` applies the same rule as the board's "require a trusted
 * signer" (checkSignerTrust): given trusted keys, a bundle signed by any other key is refused
 * (`untrusted-signer`, exit 1); without --trust it verifies and says trust was not checked.
 */
describe('tidegate bundle verify --trust', () => {
  let fixtures: FixtureDir;
  beforeEach(async () => {
    fixtures = await makeFixtureDir();
  });
  afterEach(async () => {
    await fixtures.remove();
  });

  it('verifies a bundle signed by a trusted key, refuses one signed by another, and does not judge without --trust', { timeout: 60_000 }, async () => {
    const feed = await fixtures.write('feed.csv', FEED);
    for (const name of ['maker', 'other']) expect((await runCaptured(['keys', 'create', '--out', fixtures.path(`${name}.jwk`)])).code).toBe(0);
    const bundle = fixtures.path('made.tidegate');
    expect((await runCaptured(['bundle', 'create', feed, '--key', fixtures.path('maker.jwk'), '--out', bundle])).code).toBe(0);

    const trusted = await runCaptured(['bundle', 'verify', bundle, '--trust', fixtures.path('maker.pub.jwk'), '--json']);
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.stdout)).toMatchObject({ verified: true, signer: { trusted: true } });

    const refused = await runCaptured(['bundle', 'verify', bundle, '--trust', fixtures.path('other.pub.jwk'), '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ verified: false, refusal: { code: 'untrusted-signer' } });

    const either = await runCaptured(['bundle', 'verify', bundle, '--trust', fixtures.path('other.pub.jwk'), '--trust', fixtures.path('maker.pub.jwk')]);
    expect(either.code).toBe(0);
    expect(either.stdout).toContain(': a trusted key');

    const unjudged = await runCaptured(['bundle', 'verify', bundle]);
    expect(unjudged.code).toBe(0);
    expect(unjudged.stdout).toContain('no --trust given, so not checked against a trust list');
  });
});
