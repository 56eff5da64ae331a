/** Version of the feed contract implemented here (docs/feed-format.md, "Feed format 1.0"). */
export const FEED_FORMAT_VERSION = '1.0';
