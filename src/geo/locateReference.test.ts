import { expect, it } from 'vitest';
import { locateReference } from './locateReference.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from './referenceGeography.ts';

it('locates sites at their point and channels halfway along their line', () => {
  const site = REFERENCE_SITES[0];
  expect(locateReference('site', site.id)).toEqual({ lon: site.lon, lat: site.lat });
  const bridge = REFERENCE_CHANNELS.find((channel) => channel.id === 'shenzhen_bay_bridge')!;
  const middle = locateReference('channel', bridge.id)!;
  const lons = bridge.coordinates.map(([lon]) => lon);
  expect(middle.lon).toBeGreaterThanOrEqual(Math.min(...lons));
  expect(middle.lon).toBeLessThanOrEqual(Math.max(...lons));
  expect(locateReference('site', 'no_such_site')).toBeNull();
  expect(locateReference('channel', 'no_such_channel')).toBeNull();
});
