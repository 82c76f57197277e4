/**
 * axe-core in the page: injects the published axe.min.js and runs every
 * non-experimental rule (WCAG 2.x A/AA plus axe's best practices, which cover
 * landmarks, heading order and the skip link's target).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = Pick<Result, 'id' | 'impact' | 'help' | 'helpUrl' | 'nodes'>;

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const json = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => JSON.stringify(r.violations))`);
  return JSON.parse(String(json)) as AxeViolation[];
}

/** One line per failing element, so the test output says what to fix and where. */
export function describeViolations(path: string, violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.slice(0, 5).map(
      (n) => `${path} [${v.impact ?? 'minor'}] ${v.id}: ${v.help} — ${JSON.stringify(n.target)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`,
    ),
  );
}
