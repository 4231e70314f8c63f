/**
 * One filter of the options pages (catalog, map): a labelled `<select>` whose first option, "any" (value
 * ''), means no filter. Presentational: the page keeps the filter and maps the value back.
 */
import { useI18n } from '../i18n';

/** One choice: the value the page reads back, and the text shown. */
export interface FilterOption {
  value: string;
  label: string;
}

/** `value` '' selects "any"; `onChange` gets the chosen option's value ('' for "any"). */
export function FilterSelect({ label, name, value, options, onChange }: { label: string; name?: string; value: string; options: readonly FilterOption[]; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('filterAny')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
