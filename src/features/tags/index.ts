export type { Tag } from './tag.js';
export { createTagService } from './tag.service.js';
export type { TagService, TagInput } from './tag.service.js';
export { registerTagPublicRoutes, registerTagAdminRoutes, TagResponse, tagResponse } from './tag.api.js';
