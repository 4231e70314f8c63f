/**
 * Build-time stand-in for WXT's `ContentScriptContext` in Linkwatch's content scripts (wxt.config.ts
 * points `wxt/utils/content-script-context` here). WXT's own class watches the location, listens for a
 * newer copy of the script and imports `wxt/browser`, which with the polyfill module is the whole
 * webextension-polyfill: about 10 kB evaluated on every bank page for features these scripts never use
 * (issue 14). Linkwatch's content scripts take no `ctx`; this class only keeps WXT's entrypoint wrapper
 * (`new ContentScriptContext(name, options)`) working.
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
