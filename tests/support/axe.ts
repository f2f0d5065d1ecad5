// axe-core's WCAG 2.1 A and AA rules on a page, as the e2e tests check every window and state.
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeResult {
  /** One "rule: target – summary" line per element that fails a rule. */
  violations: string[];
  /** How many rules applied and passed: proof that axe looked at something. */
  passes: number;
}

/** Checks the page as it is now, or only the part `include` selects. */
export async function axeCheck(page: Page, include?: string): Promise<AxeResult> {
  const axe = new AxePuppeteer(page).withTags(WCAG_21_AA);
  const result = await (include === undefined ? axe : axe.include(include)).analyze();
  return {
    violations: result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} – ${n.failureSummary ?? ''}`)),
    passes: result.passes.length,
  };
}

/** The violations on the whole page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await axeCheck(page)).violations;
}
