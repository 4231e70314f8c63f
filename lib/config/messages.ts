/**
 * Plain words for import problems: where in the file a JSON path points, as steps the UI words in the
 * user's language ("Custom list 1 › institution 2 › field “name”"). The problem itself is worded from its
 * `code` (types.ts); the technical message and the JSON path stay beside it for whoever writes the file.
 * Pure; no strings for people here, only message keys and their values.
 */

/** One step of a location; `key` is a message key in public/_locales, `values` its substitutions. */
export interface LocationStep {
  key: 'where_file' | 'where_list' | 'where_customList' | 'where_siteDecision' | 'where_preferences' | 'where_institution' | 'where_arrangement' | 'where_item' | 'where_field';
  values: string[];
}

const TOKEN = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** A JSON path (`$.customLists[0].institutions[2].name`) as its keys and indices; null if it is not one. */
export function pathSteps(path: string): Array<string | number> | null {
  if (!path.startsWith('$')) return null;
  const steps: Array<string | number> = [];
  TOKEN.lastIndex = 1;
  while (TOKEN.lastIndex < path.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(path);
    if (!match || match.index !== start) return null;
    if (match[1] !== undefined) steps.push(match[1]);
    else if (match[2] !== undefined) steps.push(Number(match[2]));
    else {
      try {
        steps.push(JSON.parse(match[3]!) as string);
      } catch {
        return null;
      }
    }
  }
  return steps;
}

const NUMBERED: Record<string, LocationStep['key']> = {
  customLists: 'where_customList',
  siteDecisions: 'where_siteDecision',
  institutions: 'where_institution',
  arrangements: 'where_arrangement',
};

/**
 * Where `path` points, for people: `$` is the whole file; `$.customLists[0].institutions[2].name` is
 * [custom list 1, institution 3, field "name"] (numbers count from 1). A path that cannot be read gives
 * the whole file.
 */
export function describeLocation(path: string): LocationStep[] {
  const steps = pathSteps(path);
  if (!steps || steps.length === 0) return [{ key: 'where_file', values: [] }];
  const out: LocationStep[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const next = steps[i + 1];
    if (typeof step === 'number') {
      out.push({ key: 'where_item', values: [String(step + 1), ''] });
      continue;
    }
    if (step === 'list' && i === 0) out.push({ key: 'where_list', values: [] });
    else if (step === 'preferences' && i === 0) out.push({ key: 'where_preferences', values: [] });
    else if (typeof next === 'number' && Object.hasOwn(NUMBERED, step)) {
      out.push({ key: NUMBERED[step]!, values: [String(next + 1)] });
      i++;
    } else if (typeof next === 'number') {
      out.push({ key: 'where_item', values: [String(next + 1), step] });
      i++;
    } else out.push({ key: 'where_field', values: [step] });
  }
  return out;
}
