import { frenchTypography } from '../../lib/i18n';
import { cleanup, render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nContext } from '../../components/i18n';
import { DataPage } from '../../components/options/DataPage';
import { importConfig } from '../../lib/config';
import { fireEvent } from '@testing-library/preact';
import { tEn, tFr } from './helpers';

afterEach(cleanup);
const noop = () => undefined;

function renderWith(result: ReturnType<typeof importConfig> | undefined, lang: 'en' | 'fr' = 'en', onCheckFile: (file: File) => void = noop) {
  return render(
    <I18nContext.Provider value={lang === 'en' ? { t: tEn, lang: 'en', locale: 'en-US' } : { t: tFr, lang: 'fr', locale: 'fr-FR' }}>
      <DataPage
        result={result}
        lists={[]}
        onDownload={noop}
        onCopy={noop}
        onCheckText={noop}
        onCheckFile={onCheckFile}
        onApply={noop}
        onCancel={noop}
        onToggleList={noop}
        onRemoveList={noop}
        onUndoRemoveList={noop}
      />
    </I18nContext.Provider>,
  );
}

describe('import preview renders a file as text', () => {
  it('shows script-like names and keys as text, never as markup', () => {
    const list = JSON.parse(readFileSync(join(__dirname, '../fixtures/config/v1-list.json'), 'utf8'));
    list.list.name = '<img src=x onerror="alert(1)">';
    list.list.author = '<script>alert(2)</script>';
    list['<b>unknown</b>'] = 1;
    const result = importConfig(JSON.stringify(list));
    expect(result.ok).toBe(true);
    renderWith(result);
    expect(document.querySelector('img, script, b')).toBeNull();
    const text = document.body.textContent ?? '';
    expect(text).toContain('New list “<img src=x onerror="alert(1)">” by <script>alert(2)</script>');
    // The dropped key is listed by its JSON path, as text.
    expect(text).toContain('<b>unknown</b>');
  });

  it('lists every error with its JSON path for a refused file', () => {
    renderWith(importConfig('{"format":"linkwatch-config","version":1,"siteDecisions":[{"site":"CHASE.com","decision":"muted","createdAt":"x"}]}'));
    const items = [...document.querySelectorAll('.import-errors li')].map((li) => li.textContent);
    expect(items.length).toBeGreaterThanOrEqual(2);
    // Plain words first (where, what), then the JSON path and the technical message.
    expect(items.some((t) => t?.startsWith('Site choice 1 › field “site”: This value is not accepted.') && t.includes('$.siteDecisions[0].site'))).toBe(true);
    expect(items.some((t) => t?.startsWith('Site choice 1 › field “createdAt”:') && t.includes('$.siteDecisions[0].createdAt'))).toBe(true);
    expect(items.some((t) => t?.startsWith('The whole file › field “createdAt”') || t?.startsWith('field “createdAt”: A required value is missing.'))).toBe(true);
  });
});

const LIST_FILE = JSON.parse(readFileSync(join(__dirname, '../fixtures/config/v1-list.json'), 'utf8'));
const NOW = new Date('2026-11-29T12:00:00Z');

describe('import problems in plain words, English and French (issue 16)', () => {
  it.each<['en' | 'fr', string, string[]]>([
    [
      'en',
      'a right-to-left override in a list name',
      ['The list › field “name”: It contains invisible characters (U+202E, U+202C) that can make text display differently from what it says', '$.list.name', 'RIGHT-TO-LEFT OVERRIDE'],
    ],
    [
      'fr',
      'a right-to-left override in a list name',
      ['La liste › champ « name » : Il contient des caractères invisibles (U+202E, U+202C)', '$.list.name'],
    ],
  ])('%s: %s', (lang, _situation, expected) => {
    const file = structuredClone(LIST_FILE);
    file.list.name = 'Fintech \u202Ehctaw\u202C';
    renderWith(importConfig(JSON.stringify(file), undefined, { now: NOW }), lang);
    const item = document.querySelector('.import-errors li')?.textContent ?? '';
    // French messages carry no-break spaces (French typography): the expected words are written with plain ones.
    for (const part of expected) expect(item).toContain(lang === 'fr' ? frenchTypography(part) : part);
  });

  it('a domain of the bundled catalog names both owners, in French too', () => {
    const file = structuredClone(LIST_FILE);
    file.list.institutions[0].domains[0].domain = 'chase.com';
    renderWith(importConfig(JSON.stringify(file), undefined, { now: NOW }), 'fr');
    expect(document.querySelector('.import-errors li')?.textContent).toContain(
      frenchTypography('La liste › institution 1 › élément 1 de « domains » › champ « domain » : Le site chase.com appartient déjà à Chase dans le catalogue de Linkwatch ; la liste « Advocate\'s test list » ne peut pas le revendiquer.'),
    );
  });
});

describe('the import preview of a list', () => {
  it('lists every site the list will claim and every entry title', () => {
    renderWith(importConfig(JSON.stringify(LIST_FILE), undefined, { now: NOW }));
    const sites = [...document.querySelectorAll('.preview .list-sites li')].map((li) => li.textContent);
    expect(sites).toEqual(['example.com (Example Bank)', 'example.net (Example Platform)', 'example.org/chat (Example Platform)']);
    const entries = [...document.querySelectorAll('.preview .list-entries li')].map((li) => li.textContent);
    expect(entries).toEqual(['Test fixture: Example Bank and Example Platform']);
  });
});

describe('the file field', () => {
  it('says no file is chosen, then the chosen file’s name (the input is reset, so the browser cannot)', () => {
    const chosen: File[] = [];
    renderWith(undefined, 'en', (f) => chosen.push(f));
    const name = () => document.querySelector('[data-testid="import-file-name"]')?.textContent;
    expect(name()).toBe('No file chosen yet');
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File(['{}'], 'my-list.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(chosen.map((f) => f.name)).toEqual(['my-list.json']);
    expect(name()).toBe('Chosen file: my-list.json');
  });
});

describe('import preview in words (issues 21 and 22)', () => {
  it('names badge levels by the settings page’s labels, never the file’s keys', () => {
    const file = { format: 'linkwatch-config', version: 1, createdAt: '2026-12-01T00:00:00.000Z', preferences: { badgeLevels: { linked: true } } };
    renderWith(importConfig(JSON.stringify(file), undefined, { now: new Date('2026-12-04T00:00:00Z') }));
    const text = document.querySelector('.changes')!.textContent ?? '';
    expect(text).toContain("Reported arrangements involving the site's owner");
    expect(text).toContain('The page only links to Messenger or Facebook');
    expect(text).not.toMatch(/\breported, owned\b/);
  });
});

describe('import says what it does with what the file does not mention (issue 22)', () => {
  const current = {
    preferences: { alertStyle: 'badge-only' },
    siteDecisions: [{ site: 'hsbc.com', decision: 'muted' as const, createdAt: '2025-01-01T00:00:00.000Z' }],
    customLists: [],
  };
  const file = JSON.stringify({ format: 'linkwatch-config', version: 1, createdAt: '2026-11-29T10:00:00Z', siteDecisions: [{ site: 'chase.com', decision: 'muted', createdAt: '2026-11-29T10:00:00Z' }] });

  function renderApply(lang: 'en' | 'fr' = 'en') {
    const applied: string[] = [];
    render(
      <I18nContext.Provider value={lang === 'en' ? { t: tEn, lang: 'en', locale: 'en-US' } : { t: tFr, lang: 'fr', locale: 'fr-FR' }}>
        <DataPage
          result={importConfig(file, current)}
          lists={[]}
          onDownload={noop}
          onCopy={noop}
          onCheckText={noop}
          onCheckFile={noop}
          onApply={(mode) => applied.push(mode)}
          onCancel={noop}
          onToggleList={noop}
          onRemoveList={noop}
          onUndoRemoveList={noop}
        />
      </I18nContext.Provider>,
    );
    return applied;
  }

  it('lists them with labels (never keys), keeps them by default, and applies the person\'s choice', () => {
    const applied = renderApply();
    const box = document.querySelector('fieldset.left-out')!;
    expect(box.querySelector('legend')!.textContent).toBe('You have 2 settings this file does not mention:');
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Alerts: Toolbar badge only (replacing goes back to: Badge, and a small notice on my first visit to each site (default))', 'hsbc.com: Muted']);
    const apply = () => fireEvent.click([...document.querySelectorAll('button')].find((b) => b.textContent === 'Apply these changes')!);
    expect((box.querySelector('input[value="keep"]') as HTMLInputElement).checked).toBe(true);
    apply();
    fireEvent.click(box.querySelector('input[value="replace"]')!);
    apply();
    expect(applied).toEqual(['keep', 'replace']);
  });

  it('in French', () => {
    renderApply('fr');
    expect(document.querySelector('fieldset.left-out legend')!.textContent).toBe(frenchTypography('Vous avez 2 réglages que ce fichier ne mentionne pas :'));
    expect(document.querySelector('fieldset.left-out')!.textContent).toContain('Les remplacer');
  });
});
