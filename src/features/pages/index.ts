export type { Page, PageSummary, PageStatus } from './page.js';
export { createPageService } from './page.service.js';
export type { PageService, PageInput } from './page.service.js';
export {
  registerPagePublicRoutes,
  registerPageAdminRoutes,
  PageResponse,
  PublicPageResponse,
  pageResponse,
  publicPageResponse,
} from './page.api.js';
