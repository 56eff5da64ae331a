import type { EventChunk } from '../events/EventChunk.ts';

/** A chunk as stored: its columns plus the rows later imports superseded. */
export interface LiveChunk {
  chunk: EventChunk;
  /** 1 = row superseded by a newer version (skip it). Absent when nothing is masked. */
  mask?: Uint8Array;
}
