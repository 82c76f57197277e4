/** The wire desk: agency copy in, versions followed, stories made by hand or by rule. */
export type { WireFormat, WirePubStatus, WirePictureRef, ParsedWireItem, NormalisedWireItem } from './wire.item.js';
export type { WireRule, WireIngestSource, WireItemSummary, WireItem, WireEvent, WireRefusalView, IngestFileResult, ItemOutcome, WireIndexer } from './wire.js';
export { createWireService, WIRE_PAGE_MAX } from './wire.service.js';
export type { WireService, WireServiceDeps, WireListQuery, WireItemDetail } from './wire.service.js';
export type { IngestContext } from './wire.ingest.js';
export { DEFAULT_MAX_FILE_BYTES } from './wire.ingest.js';
export { createWireEvents } from './wire.events.js';
export type { WireEvents } from './wire.events.js';
export { registerWireItemRoutes } from './wire.api.js';
export { createWireSourceService } from './wire-source.service.js';
export type { WireSourceService, WireSourceInput, WireRunReport } from './wire-source.service.js';
export type { WireSource, WireSourceView, WireSourceKind } from './wire-source.js';
export { registerWireSourceAdminRoutes, registerWirePushRoutes } from './wire-source.api.js';
export { createWireRunner, RESCAN_INTERVAL_MS } from './wire.runner.js';
export type { WireRunner } from './wire.runner.js';
export { signWireBody, SIGNATURE_HEADER } from './wire.push.js';
export { WireItemSummaryResponse, wireItemSummaryResponse } from './wire.schemas.js';
