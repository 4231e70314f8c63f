/**
 * The benchmark's fixture bank page: a sign-in page like a real bank's home, with 50 third-party
 * resources (scripts, stylesheets, images, one iframe) on routed hosts: platform tracking endpoints that
 * Linkwatch reports, platform hosts that are not endpoints, trackers outside the catalog, and plain CDNs.
 * Every resource is answered by the harness's routing (never the network), with a tiny body of its type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture } from '../test/e2e/harness';

const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const JS = 'application/javascript';

/** Scripts: loaded with `async`, as tag snippets insert them. */
const SCRIPTS = [
  'https://connect.facebook.net/en_US/fbevents.js',
  'https://connect.facebook.net/signals/config/123456789012345?v=2.9.999&r=stable',
  'https://www.googletagmanager.com/gtag/js?id=G-BENCH12345',
  'https://www.googletagmanager.com/gtm.js?id=GTM-BENCH1',
  'https://www.google-analytics.com/analytics.js',
  'https://www.googleadservices.com/pagead/conversion_async.js',
  'https://bat.bing.com/bat.js',
  'https://www.clarity.ms/tag/bench123',
  'https://snap.licdn.com/li.lms-analytics/insight.min.js',
  'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=CBENCH123&lib=ttq',
  'https://static.ads-twitter.com/uwt.js',
  'https://c.amazon-adsystem.com/aat/amzn.js',
  'https://www.google.com/recaptcha/api.js',
  'https://static.hotjar.com/c/hotjar-1234567.js?sv=6',
  'https://cdn.optimizely.com/js/1234567890.js',
  'https://assets.adobedtm.com/launch-EN0123456789.min.js',
  'https://js-agent.newrelic.com/nr-spa-1234.min.js',
  'https://cdn.jsdelivr.net/npm/jquery@3.7.1/dist/jquery.min.js',
  'https://cdnjs.cloudflare.com/ajax/libs/lodash.js/4.17.21/lodash.min.js',
  'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js',
];

const STYLESHEETS = [
  'https://fonts.googleapis.com/css2?family=Open+Sans:wght@400;600&display=swap',
  'https://static.bankcdn-bench.net/css/main.4f2a9c.css',
  'https://www.chasecdn.com/content/site/css/global.css',
];

/** Images: tracking pixels (the <noscript> fallbacks tag snippets carry) and the page's own pictures. */
const IMAGES = [
  'https://www.facebook.com/tr?id=123456789012345&ev=PageView&noscript=1',
  'https://px.ads.linkedin.com/collect/?pid=1234567&fmt=gif',
  'https://analytics.twitter.com/i/adsct?txn_id=o1abc&p_id=Twitter',
  'https://s.amazon-adsystem.com/iu3?pid=bench-123&event=PageView',
  'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/987654321/?label=abc&guid=ON&script=0',
  'https://ad.doubleclick.net/ddm/activity/src=1234567;type=landing;cat=home;ord=1',
  'https://bat.bing.com/action/0?ti=12345678&evt=pageLoad',
  'https://www.google-analytics.com/g/collect?v=2&tid=G-BENCH12345&en=page_view',
  'https://www.googleadservices.com/pagead/conversion/987654321/?label=abc&guid=ON&script=0',
  'https://ib.adnxs.com/getuid?https://bench.invalid/',
  'https://match.adsrvr.org/track/cmf/generic?ttd_pid=bench',
  'https://sslwidget.criteo.com/event?a=1234&v=5.0.0',
  'https://dpm.demdex.net/ibs:dpid=411&dpuuid=bench',
  'https://cm.everesttech.net/cm/dd?d_uuid=bench',
  'https://pixel.quantserve.com/pixel/p-bench.gif',
  'https://secure.adnxs.com/seg?add=1234&t=2',
  'https://www.chasecdn.com/content/dam/hero/family-1.jpg',
  'https://www.chasecdn.com/content/dam/hero/family-2.jpg',
  'https://www.chasecdn.com/content/dam/icons/logo.svg',
  'https://static.bankcdn-bench.net/img/card-sapphire.png',
  'https://static.bankcdn-bench.net/img/card-freedom.png',
  'https://static.bankcdn-bench.net/img/app-store.png',
  'https://static.bankcdn-bench.net/img/google-play.png',
  'https://images.ctfassets.net/bench/offer-1.jpg',
  'https://images.ctfassets.net/bench/offer-2.jpg',
  'https://d1bench.cloudfront.net/promo/banner.webp',
];

const IFRAMES = ['https://td.doubleclick.net/td/rul/987654321?random=1&cv=11&fst=1'];

export const RESOURCES = [...SCRIPTS, ...STYLESHEETS, ...IMAGES, ...IFRAMES];

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The page's HTML: a bank sign-in page carrying all of RESOURCES. */
export function benchPageHtml(title: string): string {
  const head = [
    ...STYLESHEETS.map((u) => `<link rel="stylesheet" href="${escapeAttr(u)}">`),
    // The Meta Pixel base code queues its calls before fbevents.js (the stand-in) replays them.
    `<script>window.fbq=function(){fbq.callMethod?fbq.callMethod.apply(fbq,arguments):fbq.queue.push(arguments)};fbq.queue=[];fbq('init','123456789012345');fbq('track','PageView');</script>`,
    ...SCRIPTS.map((u) => `<script async src="${escapeAttr(u)}"></script>`),
  ].join('\n    ');
  const body = [
    ...IMAGES.map((u, i) => `<img alt="" width="1" height="1" src="${escapeAttr(u)}" data-i="${i}">`),
    ...IFRAMES.map((u) => `<iframe title="ads" width="1" height="1" style="display:none" src="${escapeAttr(u)}"></iframe>`),
  ].join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${title}</title>
    ${head}
  </head>
  <body>
    <h1>Welcome back (benchmark fixture)</h1>
    <form id="login" action="/login" method="post">
      <label>User ID <input name="user" autocomplete="username"></label>
      <label>Password <input name="password" type="password" autocomplete="current-password"></label>
      <button type="submit">Sign in</button>
    </form>
    <p><a href="https://m.me/examplebank">Chat with us on Messenger</a></p>
    ${body}
  </body>
</html>`;
}

/** Routes for the page at `pageUrls` and every resource it loads. */
export function benchRoutes(root: string, pageUrls: readonly string[]): Record<string, Fixture> {
  const routes: Record<string, Fixture> = {};
  for (const url of pageUrls) routes[url] = { body: benchPageHtml('Bank sign-in (benchmark fixture)') };
  const standin = readFileSync(join(root, 'test/fixtures/pages/fbevents-standin.js'));
  for (const url of SCRIPTS) routes[url] = { body: url.endsWith('/fbevents.js') ? standin : '/* stand-in */', contentType: JS };
  for (const url of STYLESHEETS) routes[url] = { body: 'body{font-family:sans-serif}', contentType: 'text/css' };
  for (const url of IMAGES) routes[url] = { body: GIF, contentType: 'image/gif' };
  for (const url of IFRAMES) routes[url] = { body: '<!doctype html><title>ad frame</title>' };
  // The pixel stand-in's event hits carry a timestamp: route the endpoint by prefix.
  routes['https://www.facebook.com/tr/*'] = { body: GIF, contentType: 'image/gif' };
  return routes;
}
