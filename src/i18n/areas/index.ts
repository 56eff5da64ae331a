import board from './board.ts';
import bundle from './bundle.ts';
import details from './details.ts';
import exports from './exports.ts';
import filters from './filters.ts';
import layers from './layers.ts';
import map from './map.ts';
import model from './model.ts';
import offline from './offline.ts';
import print from './print.ts';
import timeline from './timeline.ts';
import wall from './wall.ts';

/** Every area's messages; messages.ts merges them into the catalogs. One file per area, so work on one area never edits another's strings. */
export const AREA_MESSAGES = [board, bundle, details, exports, filters, layers, map, model, offline, print, timeline, wall] as const;
