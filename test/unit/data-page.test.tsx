import { cleanup, render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nContext } from '../../components/i18n';
import { DataPage } from '../../components/options/DataPage';
import { importConfig } from '../../lib/config';
import { tEn } from './helpers';

afterEach(cleanup);
const noop = () => undefined;

function renderWith(result: ReturnType<typeof importConfig>) {
  return render(
    <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en-US' }}>
      <DataPage
        result={result}
        lists={[]}
        onDownload={noop}
        onCopy={noop}
        onCheckText={noop}
        onCheckFile={noop}
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
    expect(items.some((t) => t?.startsWith('$.siteDecisions[0].site'))).toBe(true);
    expect(items.some((t) => t?.startsWith('$.siteDecisions[0].createdAt'))).toBe(true);
  });
});
