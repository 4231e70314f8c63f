import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notice, noticeSummary, type NoticeProps } from '../../components/Notice';
import { bundledCatalog } from '../../lib/catalog';
import { decideNotice, NOTICE_SEEN_MAX, parseSeen, recordSeen, withSeen, type NoticeContent } from '../../lib/notice';
import { boxAt, placeNotice, type Box } from '../../lib/notice/placement';
import type { AlertStyle } from '../../lib/prefs/schema';
import { tEn, tFr } from './helpers';

afterEach(cleanup);

const story = bundledCatalog().arrangements.find((a) => a.id === 'fb-us-banks-messenger-2018')!;
const chase: NoticeContent = {
  site: 'chase.com',
  owner: 'Chase',
  group: 'JPMorgan Chase',
  firstParty: false,
  reported: 3,
  latestTitle: story.title,
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
    expect(recordSeen('notice-first-visit', shown)).toBe(true);
    expect(recordSeen('notice-every-visit', shown)).toBe(false);
    expect(recordSeen('notice-first-visit', { show: false, reason: 'nothing' })).toBe(false);
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

describe('<Notice>', () => {
  function renderNotice(extra: Partial<NoticeProps> = {}, lang: 'en' | 'fr' = 'en') {
    const handlers = { onDetails: vi.fn(), onNotHere: vi.fn(), onClose: vi.fn(), onExpand: vi.fn() };
    const i18n = { t: lang === 'en' ? tEn : tFr, lang, locale: lang === 'en' ? 'en-US' : 'fr-FR' } as const;
    render(<Notice i18n={i18n} content={chase} mode="card" corner="bottom-right" {...handlers} {...extra} />);
    return handlers;
  }

  it('names the owner, sums up what is reported, and offers details, not on this site and close', () => {
    const on = renderNotice();
    const notice = screen.getByRole('complementary', { name: 'Linkwatch notice' });
    expect(notice.textContent).toContain('This site belongs to Chase (JPMorgan Chase).');
    expect(notice.textContent).toContain(
      `Reported 3 data arrangements involving JPMorgan Chase. Latest: “${story.title.en}”.`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not on this site' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close the Linkwatch notice' }));
    expect(on.onDetails).toHaveBeenCalledOnce();
    expect(on.onNotHere).toHaveBeenCalledOnce();
    expect(on.onClose).toHaveBeenCalledOnce();
  });

  it('closes with Escape', () => {
    const on = renderNotice();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Details' }), { key: 'Escape' });
    expect(on.onClose).toHaveBeenCalledOnce();
  });

  it('in French', () => {
    renderNotice({}, 'fr');
    const notice = screen.getByRole('complementary', { name: 'Avis de Linkwatch' });
    expect(notice.textContent).toContain('Ce site appartient à Chase (JPMorgan Chase).');
    expect(notice.textContent).toContain('Signalé 3 accords de données concernant JPMorgan Chase.');
    expect(notice.textContent).toContain(`Le plus récent\u00a0: «\u00a0${story.title.fr}\u00a0».`);
    expect(screen.getByRole('button', { name: 'Pas sur ce site' })).toBeTruthy();
  });

  it('says it in words, not only in colour: the kind of statement is a tag', () => {
    renderNotice({ content: messenger });
    expect(document.querySelector('.lw-tag')!.textContent).toBe("Platform's own site");
    expect(document.querySelector('.lw-notice')!.textContent).toContain('This site is Messenger itself, part of Meta.');
  });

  it('collapsed: one button that opens the card', () => {
    const on = renderNotice({ mode: 'pill' });
    const pill = screen.getByRole('button', { name: 'Linkwatch: about this site' });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(pill);
    expect(on.onExpand).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Details' })).toBeNull();
  });

  it('after "not on this site": a status line saying so', () => {
    renderNotice({ mode: 'muted' });
    expect(screen.getByRole('status').textContent).toContain('Muted: no more badge or notice on chase.com.');
  });
});

describe('noticeSummary', () => {
  it.each<[string, NoticeContent, string]>([
    ['one report', { ...chase, reported: 1 }, '1 data arrangement involving JPMorgan Chase. Latest:'],
    ['Messenger', messenger, '3 reported data arrangements between Meta and banks or payment firms. Latest:'],
    ['only observed', { ...chase, reported: 0, latestTitle: null, observed: ['Meta', 'Google'] }, 'This page tried to contact the tracking tools of Meta and Google.'],
  ])('%s', (_, content, start) => {
    expect(noticeSummary(content, tEn, 'en', 'en-US').startsWith(start)).toBe(true);
  });
});
