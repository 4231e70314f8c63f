/**
 * axe-core in the real browser: injects `axe-core`'s source into a page (through the DevTools protocol, so
 * an extension page's CSP does not stop it) and runs it on the whole document or on one element; axe
 * descends into open shadow roots, which is how the in-page notice is checked. Every rule axe runs by
 * default (WCAG 2.0-2.2 A and AA, best practices) applies.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Each failing node: its selector and axe's summary of what is wrong. */
  nodes: string[];
}

declare const axe: {
  run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[]; passes: unknown[] }>;
};

/**
 * The violations axe finds on `page`, or inside the element matched by `selector` (a shadow host's shadow
 * tree included). `passes` counts the rules that passed, so a run that checked nothing is visible.
 */
export async function axeCheck(page: Page, selector?: string): Promise<{ violations: AxeViolation[]; passes: number }> {
  if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined'))) await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const context = sel ? document.querySelector(sel) : document;
    if (!context) throw new Error(`axe: nothing matches ${sel}`);
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`),
      })),
    };
  }, selector);
}

/** A readable line per violation, for assertion messages. */
export const describeViolations = (violations: AxeViolation[]) => violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
