export type { Section } from './section.js';
export { toSections } from './section.js';
export { createSectionService } from './section.service.js';
export type { SectionService, SectionInput } from './section.service.js';
export { registerSectionPublicRoutes, registerSectionAdminRoutes, SectionResponse, sectionResponse } from './section.api.js';
