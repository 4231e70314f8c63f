/**
 * Issue 6, the first-run page: opened once, on install, never on a restart; says what Linkwatch does and
 * doesn't do, the privacy promise, and where the settings are, with working links to them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './harness';

const welcomePages = (session: Session) => session.context.pages().filter((p) => p.url().endsWith('/welcome.html'));

describe('first-run page', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'linkwatch-welcome-'));
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('opens on install only, and leads to the settings', async () => {
    let session: Session | undefined = await launch({ profileDir });
    try {
      const deadline = Date.now() + 10_000;
      while (welcomePages(session).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(welcomePages(session)).toHaveLength(1);
      const page = welcomePages(session)[0]!;
      await page.waitForSelector('h1');
      expect(await page.textContent('h1')).toBe('Welcome to Linkwatch');
      const headings = await page.locator('h2').allTextContents();
      expect(headings).toEqual(['What Linkwatch does', 'What it does not do', 'Privacy promise', 'Where the settings are']);
      expect(await page.textContent('main')).toContain('Linkwatch makes no network requests of its own');
      await page.getByRole('link', { name: 'Open the settings' }).click();
      await page.waitForURL(/options\.html#\/settings$/);
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await session.close();
      session = undefined;

      // A browser restart is not an install: no new first-run page.
      session = await launch({ profileDir });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(welcomePages(session)).toHaveLength(0);
    } finally {
      await session?.close();
    }
  });
});
