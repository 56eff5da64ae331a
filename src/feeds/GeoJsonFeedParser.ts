import type { CrsId } from '../crs/CrsId.ts';
import { parseCrs } from '../crs/parseCrs.ts';
import type { FeedBatch } from './FeedBatch.ts';
import { featureTextLengths } from './featureTextLengths.ts';
import { MAX_ROW_CHARS } from './feedLimits.ts';
import { FeedReadError } from './FeedReadError.ts';
import { previewJson } from './previewJson.ts';
import type { RowNormalizer } from './RowNormalizer.ts';
import { SLOT_COUNT } from './rowSlots.ts';
import { isJsonObject, JsonRowSpreader } from './JsonRowSpreader.ts';
import type { TextFeedParser } from './TextFeedParser.ts';

/** Makes the normaliser for a document, given the CRS its legacy `crs` member names (if any). */
export type NormalizerFactory = (documentCrs: CrsId | null) => RowNormalizer;

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (isJsonObject(value)) return typeof value.type === 'string' ? `a GeoJSON ${value.type.slice(0, 40)}` : 'an object without a GeoJSON type';
  return `a ${typeof value}`;
}

/** Reads the CRS name of a GeoJSON 2008 `crs` member ({type: 'name', properties: {name}}). */
function documentCrs(doc: Record<string, unknown>): CrsId | null {
  const member = doc.crs;
  if (member === undefined || member === null) return null;
  const name = isJsonObject(member) && isJsonObject(member.properties) ? member.properties.name : undefined;
  const crs = typeof name === 'string' ? parseCrs(name) : null;
  if (crs === null) {
    throw new FeedReadError('format', `The FeatureCollection declares an unsupported crs ${previewJson(member, 80)}.`);
  }
  return crs;
}

/**
 * GeoJSON FeatureCollection parser. The document is one JSON value, so text is collected and
 * parsed at end(); rows are located by 0-based feature index. Point coordinates are read in the
 * row's CRS (property `crs`, else the document's legacy `crs` member, else the feed CRS). A
 * feature whose text is longer than MAX_ROW_CHARS is rejected; the text is only measured when the
 * whole document is longer than that.
 */
export class GeoJsonFeedParser implements TextFeedParser {
  private readonly makeNormalizer: NormalizerFactory;
  private readonly parts: string[] = [];

  constructor(makeNormalizer: NormalizerFactory) {
    this.makeNormalizer = makeNormalizer;
  }

  pushText(text: string): void {
    if (text.length > 0) this.parts.push(text);
  }

  settle(): void {
    // The document is only read whole, at end().
  }

  end(batch: FeedBatch): void {
    const text = this.parts.join('');
    this.parts.length = 0;
    if (text.trim().length === 0) throw new FeedReadError('empty', 'The file is empty.');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new FeedReadError('format', `The file is not valid JSON: ${message.length > 160 ? `${message.slice(0, 157)}…` : message}`);
    }
    if (!isJsonObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
      throw new FeedReadError('format', `The file is ${describe(doc)}, not a GeoJSON FeatureCollection with a features array.`);
    }
    const normalizer = this.makeNormalizer(documentCrs(doc));
    const spreader = new JsonRowSpreader();
    const slots = new Array<unknown>(SLOT_COUNT).fill(undefined);
    const features: unknown[] = doc.features;
    const lengths = text.length > MAX_ROW_CHARS ? featureTextLengths(text) : null;
    if (lengths !== null && lengths.length !== features.length) {
      throw new Error(`GeoJsonFeedParser: measured ${lengths.length} features in the text, but JSON.parse found ${features.length}`);
    }
    for (let index = 0; index < features.length; index++) {
      if (lengths !== null && lengths[index] > MAX_ROW_CHARS) {
        normalizer.reject(index, 'row', `the feature is ${lengths[index]} characters long, over the limit of ${MAX_ROW_CHARS}`, batch);
        continue;
      }
      const feature = features[index];
      if (!isJsonObject(feature)) {
        normalizer.reject(index, 'row', `feature is ${describe(feature)}, not a GeoJSON Feature`, batch);
        continue;
      }
      if (feature.type !== 'Feature') {
        normalizer.reject(index, 'row', `feature is ${describe(feature)}, not a GeoJSON Feature`, batch);
        continue;
      }
      const problem = spreader.spreadFeature(feature, slots);
      if (problem !== null) {
        normalizer.reject(index, problem.field, problem.reason, batch);
        continue;
      }
      normalizer.normalize(slots, index, batch);
    }
  }
}
