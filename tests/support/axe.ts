// axe-core's WCAG 2.1 A and AA rules on a page, as the e2e tests check every window and state.
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations on the page as it is now, one "rule: target – summary" line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxePuppeteer(page).withTags(WCAG_21_AA).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} – ${n.failureSummary ?? ''}`));
}
