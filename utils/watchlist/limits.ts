// Bounds of a watched host's note and tags: one host stays far below storage.sync's 8 kB per
// item, and 500 hosts within its 100 kB.
export const MAX_NOTE = 1000;
export const MAX_TAGS = 20;
export const MAX_TAG = 40;
