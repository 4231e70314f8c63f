/**
 * The toolbar badge of a tab: mark, colour and title from its state (lib/tab-state `badgeFor`), with the
 * background's problem, if any, said in the title (lib/background/health).
 */
import { findInstitution } from '../catalog';
import { bundledWorld } from '../directory';
import type { Translate } from '../i18n';
import type { Preferences } from '../prefs/schema';
import { badgeFor, type TabState } from '../tab-state';
import type { HealthProblem } from './health';

/** The toolbar button API: MV3 `action` or Firefox MV2 `browserAction` (same calls). */
export interface ToolbarApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/** `show(state, preferences)` sets the tab's badge. */
export function createBadge(api: ToolbarApi, t: Translate, problem: () => HealthProblem | undefined): { show(state: TabState, preferences: Preferences): Promise<void> } {
  return {
    async show(state, preferences) {
      const catalog = bundledWorld();
      const badge = badgeFor(state, preferences, t, (id) => findInstitution(catalog, id)?.name ?? id);
      const issue = problem();
      const title = issue ? `${badge.title} ${t('badgeTitleProblemDatabase', issue.detail)}` : badge.title;
      const tabId = state.tabId;
      await Promise.all([api.setBadgeText({ tabId, text: badge.text }), api.setBadgeBackgroundColor({ tabId, color: badge.color }), api.setTitle({ tabId, title })]);
    },
  };
}
