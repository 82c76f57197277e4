export type { PublicationSettings, UtilityLink, SocialNetwork } from './settings.js';
export { defaultSettings } from './settings.js';
export { createSettingsService } from './settings.service.js';
export type { SettingsService, PublicationSettingsPatch } from './settings.service.js';
export { registerSettingsPublicRoutes, registerSettingsAdminRoutes, PublicationResponse, publicationResponse } from './settings.api.js';
