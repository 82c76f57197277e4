export { seedDemo, demoBody } from './demo.seed.js';
export type { DemoDeps, DemoSummary } from './demo.seed.js';
