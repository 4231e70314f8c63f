/**
 * Shareable configs and custom lists: the public surface of lib/config. Pure: plain data in, plain data out;
 * no browser APIs, no storage. The options page wires it to IndexedDB and the UI.
 *
 * The module is split by job:
 * - `export.ts`: `exportConfig(state): string`, `exportList`, `exportFileName`;
 * - `import.ts`: the pipeline behind `importConfig(text): ImportResult` (never throws; see there);
 * - `list-rules.ts`: custom lists against the bundled catalog and against each other;
 * - `text-rules.ts`: characters refused in every text (bidi controls, zero-width characters);
 * - `preview.ts`: what an import would change, and the pure all-or-nothing apply;
 * - `schema.ts`, `migrations.ts`, `project.ts`: the format, its old versions, the known-key pre-pass.
 */
export { CONFIG_FORMAT, CURRENT_VERSION, LIMITS, LIST_FORMAT, type CustomList } from './schema';
export * from './types';
export { exportConfig, exportFileName, exportList, nonDefaultPreferences } from './export';
export { importConfig, tooLargeMessage } from './import';
export { applyImportToState, leftOutOfImport, previewImport } from './preview';
export { sitesToAsk } from './watch';
export { deepEqual, utf8Length } from './json';
