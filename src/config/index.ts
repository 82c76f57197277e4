export { loadConfig, ConfigError, CONFIG_KEYS } from './config.js';
export type { Config, ConfigProblem, LogLevel } from './config.js';
