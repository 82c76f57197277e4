export type { Author, AuthorSocial } from './author.js';
export { createAuthorService } from './author.service.js';
export type { AuthorService, AuthorInput, AuthorPage } from './author.service.js';
export { registerAuthorPublicRoutes, registerAuthorAdminRoutes, AuthorResponse, authorResponse } from './author.api.js';
