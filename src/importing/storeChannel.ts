/**
 * The BroadcastChannel on which every tab hears that the stored events changed. Its own module so
 * that a page can listen without loading the import pipeline.
 */

/** Name of the channel. */
export const STORE_CHANNEL_NAME = 'tidegate-store';

/** Message posted on STORE_CHANNEL_NAME after an import was published. */
export interface StoreChangedMessage {
  type: 'published';
  importId: string;
}
