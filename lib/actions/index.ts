/**
 * "What you can do": links to a platform's, a bank's or a regulator's OWN help pages, shown in the popup
 * below the summary (issue 15). The data lives in `assets/actions/actions.json`; every link was found in
 * a search result of the page itself, with its publisher and the date it was seen, recorded in
 * docs/research/what-you-can-do.md. Nothing here is guessed: a page that could not be found is left out.
 *
 * Which actions a site gets (`actionsFor`):
 * - a platform's actions (see and clear what businesses shared, turn the link off) when that platform is
 *   involved: it owns the site, it was observed receiving requests from the page, or it is a party to one
 *   of the site's reported arrangements;
 * - a bank's own privacy-notice page only on that bank's site (its institution or group);
 * - the complaint page of the regulator of the site owner's country.
 * On a platform's own site (Messenger), only that platform's actions. Order: platform actions, then the
 * bank's, then the regulator's. Pure; no browser API.
 */
import * as v from 'valibot';
import actionsFile from '../../assets/actions/actions.json';
import { HttpsUrlSchema, IdSchema, LocalizedTextSchema, LocalizedTitleSchema, PartialDateSchema } from '../catalog/schema';

export const ACTION_KINDS = ['see-and-clear', 'turn-off', 'bank-privacy', 'complaint'] as const;

/** One action: a sourced link with a short neutral description in English and French. */
export const ActionSchema = v.strictObject({
  id: IdSchema,
  kind: v.picklist(ACTION_KINDS),
  /** Institution ids (owner, group or platform) or owner countries (ISO 3166 alpha-2) it applies to. */
  for: v.strictObject({
    institutions: v.optional(v.array(IdSchema)),
    countries: v.optional(v.array(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)))),
  }),
  title: LocalizedTitleSchema,
  text: LocalizedTextSchema,
  url: HttpsUrlSchema,
  /** Who publishes the page: the platform, the bank or the regulator itself. */
  publisher: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(120)),
  /** The page's language (ISO 639-1), so the interface can say "(in English)" / "(en anglais)". */
  lang: v.pipe(v.string(), v.regex(/^[a-z]{2}$/)),
  /** When the page was seen in a search result. */
  seen: PartialDateSchema,
});
export type Action = v.InferOutput<typeof ActionSchema>;

export const ActionsFileSchema = v.strictObject({
  version: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  actions: v.array(ActionSchema),
});

let bundled: Action[] | undefined;

/**
 * The bundled actions, validated once per page (the same objects each call, so the German or Spanish text
 * that lib/runtime `loadCatalogTranslations` adds stays); throws (at load, caught by the unit test) if the
 * file is malformed.
 */
export function bundledActions(): Action[] {
  return (bundled ??= v.parse(ActionsFileSchema, actionsFile).actions);
}

/** What `actionsFor` needs to know about the page. */
export interface ActionContext {
  /** The site's owner and its group (`chase`, `jpmorgan-chase`); empty on an unknown site. */
  owner: string[];
  /** Whether the owner is a platform (Messenger is Meta): no bank or regulator action then. */
  ownerIsPlatform: boolean;
  /** Platforms observed receiving requests from the page, and the parties of the site's reported arrangements. */
  involved: string[];
  /** The owner's country (ISO 3166 alpha-2), when known. */
  country: string | null;
}

/** Platform actions first (in the file's order, so each platform's stay together), then the bank's, then the regulator's. */
const ORDER: Record<Action['kind'], number> = { 'see-and-clear': 0, 'turn-off': 0, 'bank-privacy': 1, complaint: 2 };

/** The actions that apply to a page (rules at the top of this module), in display order; [] for an unknown site. */
export function actionsFor(context: ActionContext, actions: readonly Action[] = bundledActions()): Action[] {
  if (context.owner.length === 0) return [];
  const owner = new Set(context.owner);
  // On a platform's own site, only that platform's actions (its arrangements name other platforms too).
  const involved = new Set(context.ownerIsPlatform ? context.owner : [...context.owner, ...context.involved]);
  return actions
    .filter((a) => {
      const ids = a.for.institutions ?? [];
      if (a.kind === 'bank-privacy') return !context.ownerIsPlatform && ids.some((id) => owner.has(id));
      if (a.kind === 'complaint') return !context.ownerIsPlatform && context.country !== null && (a.for.countries ?? []).includes(context.country);
      return ids.some((id) => involved.has(id));
    })
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}
