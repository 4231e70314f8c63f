/**
 * What an import asks the browser for (issue 21): the sites a config file says the person watched ("Watch
 * this site": the browser's grant is their record, which a file cannot carry), and the sites of the custom
 * lists it brings that will be on (a list's bank is watched only with the browser's permission for it).
 * Pure.
 */
import type { ConfigState, ConfigV1 } from './types';
import { isWatchedKind } from '../catalog/schema';

/**
 * Sites and hosts to ask the browser to watch, sorted and unique: `config.watchedSites`, and every domain
 * (without a path rule) of every institution of a watched kind (lib/catalog/schema `isWatchedKind`) of each list that will be enabled
 * after the import (a list the person has keeps its switch; a new one comes as the file says).
 */
export function sitesToAsk(config: Pick<ConfigV1, 'watchedSites' | 'customLists'>, current: Pick<ConfigState, 'customLists'>): string[] {
  const switches = new Map((current.customLists ?? []).map((l) => [l.id, l.enabled] as const));
  const sites = new Set(config.watchedSites ?? []);
  for (const list of config.customLists) {
    if (!(switches.get(list.id) ?? list.enabled)) continue;
    for (const i of list.institutions) {
      if (!isWatchedKind(i.kind)) continue;
      for (const d of i.domains) if (d.path === undefined) sites.add(d.domain);
    }
  }
  return [...sites].sort();
}
