/** Version of the feed contract implemented here (docs/feed-format.md, "Feed format 1.2"). */
export const FEED_FORMAT_VERSION = '1.2';
