/**
 * Limits shared by modules at different levels of lib/ (the message protocol and the content script's page
 * observer), kept here so that neither has to import the other: lib/messages imports lib/page-observer's
 * types, so lib/page-observer must not import lib/messages (an import circle). Plain constants, no imports.
 */

/** Longest URL a content script's report may carry (`isPageReport`), and so the longest link it collects. */
export const MAX_URL = 8192;
/** Most links or requests in one report (`isPageReport`). */
export const MAX_ITEMS = 500;
