import type { DemoChannel, DemoSite } from '../DemoEventOptions.ts';

/**
 * A small slice of the reference geography (ids, sides, modes and points as in
 * ../shared/reference/gba-geography.json) for tests that must not depend on that file.
 */
export const DEMO_TEST_SITES: DemoSite[] = [
  { id: 'lo_wu_control_point', lon: 114.1137, lat: 22.5295, jurisdiction: ['Hong Kong'], modes: ['rail', 'pedestrian'] },
  { id: 'luohu_port', lon: 114.1133, lat: 22.5322, jurisdiction: ['Mainland'], modes: ['rail', 'pedestrian'] },
  { id: 'lok_ma_chau_control_point', lon: 114.0741, lat: 22.5094, jurisdiction: ['Hong Kong'], modes: ['road'] },
  { id: 'sha_tau_kok_shatoujiao', lon: 114.2233, lat: 22.5491, jurisdiction: ['Hong Kong', 'Mainland'], modes: ['road'] },
  { id: 'gongbei_port', lon: 113.5489, lat: 22.2186, jurisdiction: ['Mainland'], modes: ['pedestrian', 'road'] },
  { id: 'macao_border_gate', lon: 113.5488, lat: 22.2147, jurisdiction: ['Macao'], modes: ['pedestrian', 'road'] },
  { id: 'hengqin_port', lon: 113.5439, lat: 22.1406, jurisdiction: ['Mainland', 'Macao'], modes: ['road', 'pedestrian'] },
  { id: 'hzmb_zhuhai_port', lon: 113.577, lat: 22.209, jurisdiction: ['Mainland'], modes: ['road', 'bridge'] },
  { id: 'hzmb_hong_kong_port', lon: 113.9511, lat: 22.3181, jurisdiction: ['Hong Kong'], modes: ['road', 'bridge'] },
  { id: 'west_kowloon_xrl', lon: 114.1647, lat: 22.3047, jurisdiction: ['Hong Kong', 'Mainland'], modes: ['rail'] },
  { id: 'macau_outer_harbour_ferry_terminal', lon: 113.5589, lat: 22.1971, jurisdiction: ['Macao'], modes: ['ferry', 'air'] },
  { id: 'hkia', lon: 113.9144, lat: 22.3089, jurisdiction: ['Hong Kong'], modes: ['air'] },
  { id: 'shenzhen_baoan_airport', lon: 113.8108, lat: 22.6394, jurisdiction: ['Mainland'], modes: ['air'] },
  { id: 'guangzhou_baiyun_airport', lon: 113.2989, lat: 23.3925, jurisdiction: ['Mainland'], modes: ['air'] },
  { id: 'macau_airport', lon: 113.5914, lat: 22.1494, jurisdiction: ['Macao'], modes: ['air'] },
  { id: 'kwai_tsing_container_terminals', lon: 114.1247, lat: 22.3414, jurisdiction: ['Hong Kong'], modes: ['sea'] },
  { id: 'yantian_port', lon: 114.2667, lat: 22.5833, jurisdiction: ['Mainland'], modes: ['sea'] },
  { id: 'nansha_port', lon: 113.665, lat: 22.66, jurisdiction: ['Mainland'], modes: ['sea'] },
];

/** Two channels of the reference geography, vertices as in the reference file. */
export const DEMO_TEST_CHANNELS: DemoChannel[] = [
  {
    id: 'hzmb',
    coordinates: [
      [113.9511, 22.3181],
      [113.85, 22.285],
      [113.7806, 22.2831],
      [113.68, 22.265],
      [113.62, 22.23],
      [113.577, 22.209],
    ],
  },
  {
    id: 'xrl',
    coordinates: [
      [113.2686, 22.9875],
      [113.67, 22.865],
      [114.0239, 22.6119],
      [114.0555, 22.5395],
      [114.1647, 22.3047],
    ],
  },
];
