import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noticeSummary, platformOutcome, renderNotice, type NoticeProps } from '../../components/Notice';
import { bundledCatalog } from '../../lib/catalog';
import { describeSourcing, sourcing } from '../../lib/catalog/sourcing';
import { decideNotice, NOTICE_SEEN_MAX, parseSeen, recordSeen, withSeen, type NoticeContent } from '../../lib/notice';
import { boxAt, placeNotice, type Box } from '../../lib/notice/placement';
import type { AlertStyle } from '../../lib/prefs/schema';
import { tDe, tEn, tEs, tFr } from './helpers';

afterEach(cleanup);

const story = bundledCatalog().arrangements.find((a) => a.id === 'fb-us-banks-messenger-2018')!;
const chase: NoticeContent = {
  site: 'chase.com',
  owner: 'Chase',
  group: 'JPMorgan Chase',
  firstParty: false,
  reported: 3,
  latestTitle: story.title,
  latestSourcing: sourcing(story),
  observed: [],
};
const messenger: NoticeContent = { ...chase, site: 'messenger.com', owner: 'Messenger', group: 'Meta', firstParty: true };

describe('decideNotice: when the notice shows', () => {
  const nothing: NoticeContent = { ...chase, reported: 0, latestTitle: null };
  it.each<[string, AlertStyle, boolean, boolean, NoticeContent | null, ReturnType<typeof decideNotice>]>([
    ['first visit to a bank with reports', 'notice-first-visit', false, false, chase, { show: true, notice: chase }],
    ['second visit in first-visit mode', 'notice-first-visit', false, true, chase, { show: false, reason: 'seen' }],
    ['second visit in every-visit mode', 'notice-every-visit', false, true, chase, { show: true, notice: chase }],
    ['badge only, first visit', 'badge-only', false, false, chase, { show: false, reason: 'badge-only' }],
    ['muted site ("not on this site")', 'notice-every-visit', true, false, chase, { show: false, reason: 'silenced' }],
    ['muted site, first visit mode', 'notice-first-visit', true, false, chase, { show: false, reason: 'silenced' }],
    ['site not in the catalog', 'notice-every-visit', false, false, null, { show: false, reason: 'not-matched' }],
    ['known site with nothing reported or observed', 'notice-first-visit', false, false, nothing, { show: false, reason: 'nothing' }],
    ['nothing reported but a pixel observed', 'notice-first-visit', false, false, { ...nothing, observed: ['Meta'] }, { show: true, notice: { ...nothing, observed: ['Meta'] } }],
    ['Messenger, first visit', 'notice-first-visit', false, false, messenger, { show: true, notice: messenger }],
  ])('%s', (_, alertStyle, silenced, seen, content, expected) => {
    expect(decideNotice({ alertStyle, silenced, seen, content })).toEqual(expected);
  });

  it('records the site as seen only when shown in first-visit mode', () => {
    const shown = decideNotice({ alertStyle: 'notice-first-visit', silenced: false, seen: false, content: chase });
    expect(shown.show).toBe(true);
    expect(recordSeen('notice-first-visit')).toBe(true);
    expect(recordSeen('notice-every-visit')).toBe(false);
    expect(recordSeen('badge-only')).toBe(false);
  });
});

describe('the "seen" list', () => {
  it.each<[string, unknown, string[]]>([
    ['not an array', { a: 1 }, []],
    ['keeps domains, drops anything else', ['chase.com', 'https://x.example/path', 42, 'CITI.COM', 'citi.com'], ['chase.com', 'citi.com']],
    ['drops duplicates', ['a.com', 'a.com'], ['a.com']],
  ])('parseSeen: %s', (_, stored, expected) => {
    expect(parseSeen(stored)).toEqual(expected);
  });

  it('withSeen adds a site once, newest last, and keeps at most NOTICE_SEEN_MAX', () => {
    expect(withSeen(['a.com', 'b.com'], 'a.com')).toEqual(['b.com', 'a.com']);
    const full = Array.from({ length: NOTICE_SEEN_MAX }, (_, i) => `s${i}.com`);
    const next = withSeen(full, 'new.com');
    expect(next).toHaveLength(NOTICE_SEEN_MAX);
    expect(next[0]).toBe('s1.com');
    expect(next.at(-1)).toBe('new.com');
  });
});

describe('placeNotice: never over the sign-in form', () => {
  const viewport = { width: 1280, height: 720 };
  const card = { width: 360, height: 170 };
  const pill = { width: 260, height: 44 };
  const at = (corner: Parameters<typeof boxAt>[0], size = card): Box => boxAt(corner, size, viewport);
  it.each<[string, Box[], ReturnType<typeof placeNotice>]>([
    ['no form: bottom right', [], { corner: 'bottom-right', collapsed: false }],
    ['a form at the top left (the bank fixture): bottom right', [{ left: 8, top: 60, right: 600, bottom: 110 }], { corner: 'bottom-right', collapsed: false }],
    ['a form in the bottom right corner: bottom left', [at('bottom-right')], { corner: 'bottom-left', collapsed: false }],
    ['a form along the bottom: top right', [{ left: 0, top: 500, right: 1280, bottom: 720 }], { corner: 'top-right', collapsed: false }],
    [
      'forms in every corner the card would take, room for the pill: the pill',
      [
        { left: 900, top: 480, right: 1280, bottom: 640 },
        { left: 0, top: 480, right: 400, bottom: 640 },
        { left: 0, top: 80, right: 1280, bottom: 200 },
      ],
      { corner: 'bottom-right', collapsed: true },
    ],
    ['a form over the whole page: the pill where it covers least', [{ left: 0, top: 0, right: 1280, bottom: 700 }], { corner: 'bottom-right', collapsed: true }],
  ])('%s', (_, obstacles, expected) => {
    expect(placeNotice({ card, pill, viewport, obstacles })).toEqual(expected);
  });
});

describe('the notice card (components/Notice, vanilla DOM)', () => {
  let root: HTMLElement;
  afterEach(() => root?.remove());
  function renderCard(extra: Partial<NoticeProps> = {}, lang: 'en' | 'fr' = 'en') {
    const handlers = { onDetails: vi.fn(), onHide: vi.fn(), onClose: vi.fn(), onExpand: vi.fn() };
    const i18n = { t: lang === 'en' ? tEn : tFr, lang, locale: lang === 'en' ? 'en-US' : 'fr-FR' } as const;
    root = document.createElement('div');
    document.body.append(root);
    // fireEvent's events are synthetic (isTrusted false), as a page script's would be: these tests say
    // which events count as the user's, and one test below keeps the real check.
    renderNotice(root, { i18n, content: chase, mode: 'card', corner: 'bottom-right', trusted: () => true, isPersonInput: () => true, ...handlers, ...extra });
    return handlers;
  }

  it('names the owner, sums up what is reported, and offers details, hide for this visit and close (never a mute)', () => {
    const on = renderCard();
    const notice = screen.getByRole('complementary', { name: 'Linkwatch notice' });
    expect(notice.textContent).toContain('This site belongs to Chase (JPMorgan Chase).');
    expect(notice.textContent).toContain(`Reported 3 data arrangements involving JPMorgan Chase. Most relevant report: “${story.title.en}”.`);
    // How well that report is sourced, in words (issue 13), on its own line under the summary.
    expect(notice.querySelector('.lw-sourcing')!.textContent).toBe(describeSourcing(sourcing(story), tEn));
    expect(notice.querySelector('.lw-sourcing')!.textContent).toMatch(/^Well sourced: \d+ publishers/);
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hide for this visit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close the Linkwatch notice' }));
    expect(on.onDetails).toHaveBeenCalledOnce();
    expect(on.onHide).toHaveBeenCalledOnce();
    // No button of the notice mutes the site (issue 22): that is the popup's and the options page's job.
    expect(notice.textContent).not.toMatch(/mute|Not on this site|Don't warn/i);
    expect(on.onClose).toHaveBeenCalledOnce();
  });

  it('ignores every event a page script could make: synthetic clicks and keys do nothing (isTrusted)', () => {
    const on = renderCard({ trusted: undefined, isPersonInput: undefined });
    for (const name of ['Details', 'Hide for this visit', 'Close the Linkwatch notice']) {
      const button = screen.getByRole('button', { name });
      fireEvent.click(button);
      button.click();
      fireEvent.keyDown(button, { key: 'Escape' });
    }
    expect(on.onDetails).not.toHaveBeenCalled();
    expect(on.onHide).not.toHaveBeenCalled();
    expect(on.onClose).not.toHaveBeenCalled();
  });

  it('closes with Escape', () => {
    const on = renderCard();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Details' }), { key: 'Escape' });
    expect(on.onClose).toHaveBeenCalledOnce();
  });

  it('renders data as text, never as markup', () => {
    renderCard({ content: { ...chase, owner: '<img src=x onerror=alert(1)>', group: null } });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.lw-owner')!.textContent).toBe('This site belongs to <img src=x onerror=alert(1)>.');
  });

  it('in French', () => {
    renderCard({}, 'fr');
    const notice = screen.getByRole('complementary', { name: 'Avis de Linkwatch' });
    expect(notice.textContent).toContain('Ce site appartient à Chase (JPMorgan Chase).');
    // The tag and the count do not repeat one word ("Signalé 3 signalements", issue 22).
    expect(notice.textContent).toContain('Rapporté 3 signalements concernant JPMorgan Chase.');
    expect(notice.textContent).toContain(`Le signalement le plus pertinent\u00a0: «\u00a0${story.title.fr}\u00a0».`);
    expect(screen.getByRole('button', { name: 'Masquer pour cette visite' })).toBeTruthy();
  });

  it('in German and Spanish, with the catalog’s English title (the catalog has no German or Spanish text)', () => {
    expect(noticeSummary(chase, tDe, 'de', 'de-DE')).toContain(`3 Datenvereinbarungen mit Beteiligung von JPMorgan Chase. Relevantester Bericht: „${story.title.en}“.`);
    expect(noticeSummary(chase, tEs, 'es', 'es-ES')).toContain(`3 acuerdos de datos que involucran a JPMorgan Chase. Informe más relevante: «${story.title.en}».`);
    const failed = { ...chase, observed: ['Meta'], observedOutcomes: [{ name: 'Meta', completed: 0, failed: 2, requested: 0 }] };
    expect(noticeSummary(failed, tDe, 'de', 'de-DE')).toContain('an die Tracking-Tools von Meta sind fehlgeschlagen (blockiert oder unerreichbar): nicht gesendet.');
  });

  it('says it in words, not only in colour: the kind of statement is a tag', () => {
    renderCard({ content: messenger });
    expect(root.querySelector('.lw-tag')!.textContent).toBe("Platform's own site");
    expect(root.querySelector('.lw-notice')!.textContent).toContain('This site is Messenger itself, part of Meta.');
  });

  it('collapsed: one button that opens the card', () => {
    const on = renderCard({ mode: 'pill' });
    const pill = screen.getByRole('button', { name: 'Linkwatch: about this site' });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(pill);
    expect(on.onExpand).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Details' })).toBeNull();
  });

  it('after "Hide for this visit": says what it did (this tab, until the site is left) and where muting lives', () => {
    renderCard({ mode: 'hidden' });
    const status = screen.getByRole('status');
    expect(status.textContent).toBe(
      'Hidden: no notice on chase.com in this tab until you leave the site. The toolbar badge still warns you.' + 'To mute Linkwatch on chase.com, use the Linkwatch button in the toolbar.',
    );
    expect(root.querySelector('[data-lw-focus]')!.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'Details' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close the Linkwatch notice' })).toBeTruthy();
  });
});

describe('noticeSummary', () => {
  const meta = (completed: number, failed: number, requested: number) => ({ name: 'Meta', completed, failed, requested });
  it.each<[string, NoticeContent, string]>([
    ['one report', { ...chase, reported: 1 }, '1 data arrangement involving JPMorgan Chase. Most relevant report:'],
    ['Messenger', messenger, '3 reported data arrangements involving Meta. Most relevant report:'],
    ['a bank no report names, nothing observed yet', { ...chase, reported: 0, latestTitle: null, observed: [], observedOutcomes: [] }, 'No reported arrangement involving JPMorgan Chase is in Linkwatch’s catalog.'],
    [
      'observed, completed',
      { ...chase, reported: 0, latestTitle: null, observed: ['Meta'], observedOutcomes: [meta(2, 0, 0)] },
      "No reported arrangement involving JPMorgan Chase is in Linkwatch’s catalog. This page's requests to the tracking tools of Meta completed.",
    ],
    [
      'observed, every request failed: never "requested" or "sent"',
      { ...chase, reported: 0, latestTitle: null, observed: ['Meta'], observedOutcomes: [meta(0, 3, 0)] },
      "No reported arrangement involving JPMorgan Chase is in Linkwatch’s catalog. This page's requests to the tracking tools of Meta failed (blocked or unreachable): not sent.",
    ],
    [
      'observed, outcome not visible',
      { ...chase, reported: 0, latestTitle: null, observed: ['Meta', 'Google'], observedOutcomes: [meta(0, 0, 1), { name: 'Google', completed: 0, failed: 1, requested: 1 }] },
      "No reported arrangement involving JPMorgan Chase is in Linkwatch’s catalog. This page tried to contact the tracking tools of Meta; the outcome is not visible to Linkwatch. This page's requests to the tracking tools of Google failed or had no visible outcome: none is known to have completed.",
    ],
    [
      'the script loaded but the event carrying data was blocked: never "completed"',
      { ...chase, reported: 0, latestTitle: null, observed: ['Meta'], observedOutcomes: [meta(1, 1, 0)] },
      "No reported arrangement involving JPMorgan Chase is in Linkwatch’s catalog. Some of this page's requests to the tracking tools of Meta completed; others failed or had no visible outcome (see Details).",
    ],
    [
      'one platform completed, another failed: two sentences',
      { ...chase, reported: 0, latestTitle: null, observed: ['Meta', 'Google'], observedOutcomes: [meta(1, 0, 0), { name: 'Google', completed: 0, failed: 2, requested: 0 }] },
      "No reported arrangement involving JPMorgan Chase is in Linkwatch’s catalog. This page's requests to the tracking tools of Meta completed. This page's requests to the tracking tools of Google failed (blocked or unreachable): not sent.",
    ],
    [
      'protection on (issue 23): Linkwatch’s own block is said as such, never as another blocker’s failure',
      { ...chase, reported: 0, latestTitle: null, observed: ['Meta', 'Google'], observedOutcomes: [{ ...meta(0, 0, 0), blocked: 2 }, { name: 'Google', completed: 0, failed: 1, requested: 0, blocked: 1 }] },
      "No reported arrangement involving JPMorgan Chase is in Linkwatch’s catalog. This page's requests to the tracking tools of Google failed (blocked or unreachable): not sent. Linkwatch blocked this page's requests to the tracking tools of Meta: nothing was sent.",
    ],
  ])('%s', (_, content, start) => {
    expect(noticeSummary(content, tEn, 'en', 'en-US').startsWith(start)).toBe(true);
  });

  it.each([
    [3, 0, 0, 'completed'],
    [1, 5, 5, 'partly'],
    [1, 1, 0, 'partly'],
    [0, 0, 1, 'requested'],
    [0, 2, 1, 'failed-or-unknown'],
    [0, 4, 0, 'failed'],
  ] as const)('platformOutcome(%i completed, %i failed, %i requested) = %s', (completed, failed, requested, expected) => {
    expect(platformOutcome({ name: 'Meta', completed, failed, requested })).toBe(expected);
  });
});

describe('filterHides (clickjacking guard): which page-wide filters make the notice unreadable', () => {
  it.each([
    ['none', false],
    ['grayscale(1)', false],
    ['invert(1) hue-rotate(180deg)', false],
    ['sepia(0.4) saturate(2)', false],
    ['drop-shadow(rgba(0, 0, 0, 0.5) 0px 0px 4px)', false],
    ['opacity(0)', true],
    ['opacity(0.5)', true],
    ['brightness(0)', true],
    ['contrast(0.2)', true],
    ['blur(8px)', true],
    ['grayscale(1) opacity(0.01)', true],
    ['url("#hide")', true],
  ] as const)('%s -> %s', async (filter, hides) => {
    const { filterHides } = await import('../../lib/notice/visible');
    expect(filterHides(filter)).toBe(hides);
  });
});
