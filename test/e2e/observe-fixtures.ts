/**
 * Shared by the request-kind tests in Chromium (observe-kinds.test.ts) and Firefox (observe-firefox.test.ts):
 * one observed line as the tests compare it, and the 1x1 GIF the routing answers pixels with.
 */

/** One line of a tab's findings: endpoint, event, what it carried, who made it, and the outcome counts. */
export interface Line {
  endpoint: string;
  event?: string;
  carries?: string[];
  contexts?: string[];
  completed: number;
  failed: number;
  requested: number;
}

/** A transparent 1x1 GIF, the answer to an image pixel where the platform "answers". */
export const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/** A bank page that sends a PageView as it loads and a beacon as it closes (a closed tab's late request). */
export const BYE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bank page that beacons as it closes</title></head>
<body><h1>Accounts</h1><script>
addEventListener('pagehide', () => navigator.sendBeacon('https://www.facebook.com/tr?id=1&ev=Bye'));
new Image().src = 'https://www.facebook.com/tr?id=1&ev=PageView';
</script></body></html>`;

/**
 * The 23 request kinds of test/fixtures/pages/protect/kinds.html (issue 23: those of DuckDuckGo's public
 * request-blocking test page), by the event name each sends to Meta's pixel endpoint.
 */
export const KIND_EVENTS = [
  'K01Script', 'K02Style', 'K03Img', 'K04Picture', 'K05Object', 'K06Audio', 'K07Video', 'K08Iframe', 'K09Import', 'K10Font',
  'K11Background', 'K12Websocket', 'K13ServerSentEvents', 'K14Fetch', 'K15XmlHttpRequest', 'K16SendBeacon', 'K17Favicon',
  'K18IframeFetch', 'K19IframeFetchDepth2', 'K20WebworkerFetch', 'K21ServiceworkerFetch', 'K22CspReport', 'K23RedirectedFetch',
] as const;
