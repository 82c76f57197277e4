/** Tables of the wire desk (migration 0006). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WireTables {}
