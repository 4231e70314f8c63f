import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyLink, classifyRequest, endpointDomains, type LinkObservation, type Observation } from '../../lib/evidence';
import { bundledCatalog, groupRoot } from '../../lib/catalog';
import { classifyUrl } from '../../lib/sites';
import { categoriesOf, categoryOf, DATA_CATEGORIES, DATA_PARAMS } from '../../lib/evidence/data-categories';

// Pages the requests come from.
const BANK = 'https://www.chase.com/personal/checking';
const CITI = 'https://online.citi.com/US/login.do';
const FIXTURE = 'http://127.0.0.1:41234/bank.html';

const obs = (
  platform: string,
  kind: Observation['kind'],
  endpoint: string,
  extra: Partial<Pick<Observation, 'event' | 'pixelId' | 'hashedUserData'>> = {},
): Observation => ({ platform, kind, endpoint, hashedUserData: false, ...extra });

const HASH = 'f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79';
const HASH2 = '4ca6f6d5a544bf57c323657ad33aae1a019c775518cf4414beedb86962aea7c1';

// Real shapes, realistic queries (sources: see the comments on each rule in lib/evidence/index.ts).
const META_PAGEVIEW =
  'https://www.facebook.com/tr/?id=246813579024680&ev=PageView&dl=https%3A%2F%2Fshop.example%2F&rl=&if=false&ts=1791212460000&sw=2560&sh=1440&v=2.9.170&r=stable&ec=0&o=4126&fbp=fb.1.1791212460000.123&cs_est=true&ler=empty&it=1791212459000&coo=false&rqm=GET';
const META_PURCHASE =
  'https://www.facebook.com/tr/?id=123456&ev=Purchase&dl=http%3A%2F%2Flocalhost%2Fomnibug%2Fproviders%2Ffacebook-pixel%2F&rl=&if=false&ts=1530050173791&cd[contents]=%5B%7B%22id%22%3A%221234%22%2C%22quantity%22%3A2%2C%22item_price%22%3A10%7D%5D&cd[content_type]=product&cd[value]=25&cd[currency]=USD&sw=2560&sh=1440&v=2.8.18&r=stable&ec=4&o=28&it=1530050173751';
const GA4_PAGE_VIEW =
  'https://www.google-analytics.com/g/collect?v=2&tid=G-123456&gtm=2oe7v2&_p=1844589572&sr=2560x1440&cid=1473268947.1550531325&ul=en-us&_s=1&en=page_view&sid=1565188190&sct=2&seg=1&dl=https%3A%2F%2Fomnibug.io%2Ftest&dr=&dt=Omnibug%20test%20page';
const UA_PAGEVIEW =
  'https://www.google-analytics.com/collect?v=1&_v=j68&a=1805905905&t=pageview&_s=1&dl=https%3A%2F%2Fomnibug.io%2F&ul=en-us&de=UTF-8&sd=24-bit&sr=2560x1440&vp=2560x1307&je=0&_u=KCDAAUIh~&jid=441640597&gjid=200209851&cid=191425359.1527202446&tid=UA-17508125-8&_gid=401227809.1529009937&_r=1&gtm=u64&z=1617633316';
const ADS_REMARKETING =
  'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1111111/?random=846177263&cv=9&fst=*&num=1&label=AbC-D_efG-h12_34-567&bg=ffffff&guid=ON&resp=GooglemKTybQhCsO&u_h=1440&u_w=2560&gtm=2ou430&sendb=1&data=event%3Dpurchase%3Ballow_custom_scripts%3Dtrue&frm=0&url=https://omnibug.io/&tiba=Omnibug%20%7C%20A%20Digital%20Marketing%20Debugging%20Tool&async=1&fmt=3';
const FLOODLIGHT =
  'https://1234567.fls.doubleclick.net/activityi;src=1234567;type=group1;cat=thank123;qty=1;cost=666.66;ord=xact111;gtm=2ou430;auiddc=890045014.1556389977;~oref=https%3A%2F%2Fomnibug.io%2F?';
const UET_PAGELOAD =
  'https://bat.bing.com/action/0?ti=123456&Ver=2&mid=eeb8884c-7abb-0791-3ae6-6348dd889664&pi=1200101525&lg=en-US&sw=2560&sh=1440&sc=24&tl=Omnibug%20%7C%20A%20Digital%20Marketing%20Debugging%20Tool&p=https%3A%2F%2Fomnibug.io%2F&r=&lt=590&evt=pageLoad&msclkid=N&rn=187899';
const X_ADSCT =
  'https://analytics.twitter.com/i/adsct?p_id=Twitter&p_user_id=0&txn_id=abc123&events=%5B%5B%22pageview%22%2Cnull%5D%5D&tw_sale_amount=0&tw_order_quantity=0&tw_iframe_status=0&tpx_cb=twttr.conversion.loadPixels&tw_document_href=https%3A%2F%2Fwww.example.com%2F';

type Row = [situation: string, pageUrl: string, requestUrl: string, type: string | undefined, expected: Observation | null];

const requestRows: Row[] = [
  // ---- Meta Pixel
  ['Meta Pixel script on a bank page', BANK, 'https://connect.facebook.net/en_US/fbevents.js', 'script', obs('meta', 'pixel-script', 'connect.facebook.net/en_US/fbevents.js')],
  ['Meta Pixel script, French locale', CITI, 'https://connect.facebook.net/fr_FR/fbevents.js', 'script', obs('meta', 'pixel-script', 'connect.facebook.net/fr_FR/fbevents.js')],
  ['Meta Pixel config for one pixel id', BANK, 'https://connect.facebook.net/signals/config/246813579024680?v=2.9.170&r=stable&domain=www.chase.com', 'script', obs('meta', 'pixel-script', 'connect.facebook.net/signals/config', { pixelId: '246813579024680' })],
  ['Meta Pixel identity plugin', BANK, 'https://connect.facebook.net/signals/plugins/identity.js?v=2.9.170', 'script', obs('meta', 'pixel-script', 'connect.facebook.net/signals/plugins/identity.js')],
  ['Meta Pixel <noscript> image', BANK, 'https://www.facebook.com/tr?id=586603088504553&ev=PageView&noscript=1', 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'PageView', pixelId: '586603088504553' })],
  ['Meta Pixel PageView sent by fbevents.js', BANK, META_PAGEVIEW, 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'PageView', pixelId: '246813579024680' })],
  ['Meta Pixel Purchase with custom data', BANK, META_PURCHASE, 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'Purchase', pixelId: '123456' })],
  ['Meta Pixel on facebook.com without www', BANK, 'https://facebook.com/tr?id=1280404755424731&ev=ViewContent&noscript=1', 'image', obs('meta', 'pixel-event', 'facebook.com/tr', { event: 'ViewContent', pixelId: '1280404755424731' })],
  ['Meta Pixel event POSTed (body not visible)', BANK, 'https://www.facebook.com/tr/', 'ping', obs('meta', 'pixel-event', 'www.facebook.com/tr')],
  ['Meta Pixel with advanced matching ud[em] and ud[ph]', BANK, `https://www.facebook.com/tr/?id=283859598862258&ev=Lead&ud[em]=${HASH}&ud[ph]=${HASH2}&cd[value]=0.00`, 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'Lead', pixelId: '283859598862258', hashedUserData: true })],
  ['Meta Pixel with percent-encoded udff%5Bem%5D', BANK, `https://www.facebook.com/tr/?id=1&ev=PageView&udff%5Bem%5D=${HASH}`, 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'PageView', pixelId: '1', hashedUserData: true })],
  ['Meta Pixel event name with markup is dropped', BANK, 'https://www.facebook.com/tr?id=1&ev=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { pixelId: '1' })],
  ['Meta Pixel event name over 64 characters is dropped', BANK, `https://www.facebook.com/tr?id=1&ev=${'A'.repeat(65)}`, 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { pixelId: '1' })],
  ['Meta Pixel custom event name with a space is kept', BANK, 'https://www.facebook.com/tr?id=1&ev=Open+Account', 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'Open Account', pixelId: '1' })],
  ['Meta Pixel id with unsafe characters is dropped', BANK, 'https://www.facebook.com/tr?id=a%2Fb%3Cc&ev=PageView', 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'PageView' })],
  // ---- Meta SDK and plugins
  ['Facebook JS SDK', BANK, 'https://connect.facebook.net/en_US/sdk.js', 'script', obs('meta', 'sdk', 'connect.facebook.net/en_US/sdk.js')],
  ['Facebook JS SDK, debug build', BANK, 'https://connect.facebook.net/en_US/sdk/debug.js', 'script', obs('meta', 'sdk', 'connect.facebook.net/en_US/sdk/debug.js')],
  ['Messenger customer chat SDK', BANK, 'https://connect.facebook.net/vi_VN/sdk/xfbml.customerchat.js', 'script', obs('meta', 'sdk', 'connect.facebook.net/vi_VN/sdk/xfbml.customerchat.js')],
  ['Facebook page plugin iframe with a version prefix', BANK, 'https://www.facebook.com/v19.0/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2Fchase&tabs=timeline', 'sub_frame', obs('meta', 'sdk', 'www.facebook.com/plugins/page.php')],
  // ---- Google
  ['Google tag for GA4', BANK, 'https://www.googletagmanager.com/gtag/js?id=G-SHOPDEMO42', 'script', obs('google', 'analytics', 'www.googletagmanager.com/gtag/js', { pixelId: 'G-SHOPDEMO42' })],
  ['Google tag for Google Ads', BANK, 'https://www.googletagmanager.com/gtag/js?id=AW-123456789&l=dataLayer', 'script', obs('google', 'ad-script', 'www.googletagmanager.com/gtag/js', { pixelId: 'AW-123456789' })],
  ['Google tag destination for Floodlight', BANK, 'https://www.googletagmanager.com/gtag/destination?id=DC-12289031&cx=c&gtm=4e6611', 'script', obs('google', 'ad-script', 'www.googletagmanager.com/gtag/destination', { pixelId: 'DC-12289031' })],
  ['Google Tag Manager container', BANK, 'https://www.googletagmanager.com/gtm.js?id=GTM-W4WB2DP', 'script', obs('google', 'analytics', 'www.googletagmanager.com/gtm.js', { pixelId: 'GTM-W4WB2DP' })],
  ['Google Tag Manager <noscript> iframe', BANK, 'https://www.googletagmanager.com/ns.html?id=GTM-W4WB2DP', 'sub_frame', obs('google', 'analytics', 'www.googletagmanager.com/ns.html', { pixelId: 'GTM-W4WB2DP' })],
  ['Universal Analytics library', BANK, 'https://www.google-analytics.com/analytics.js', 'script', obs('google', 'analytics', 'www.google-analytics.com/analytics.js')],
  ['GA4 page_view hit', BANK, GA4_PAGE_VIEW, 'ping', obs('google', 'analytics', 'www.google-analytics.com/g/collect', { event: 'page_view', pixelId: 'G-123456' })],
  ['GA4 hit on region1 with enhanced-conversions hash', BANK, `https://region1.google-analytics.com/g/collect?v=2&tid=G-29RY7XW3SW&gcs=G100&en=generate_lead&em=tv.1~em.${HASH}`, 'ping', obs('google', 'analytics', 'region1.google-analytics.com/g/collect', { event: 'generate_lead', pixelId: 'G-29RY7XW3SW', hashedUserData: true })],
  ['GA4 hit on analytics.google.com', BANK, 'https://analytics.google.com/g/collect?v=2&tid=G-SHOPDEMO42&cid=746406658.1791212460&en=page_view', 'ping', obs('google', 'analytics', 'analytics.google.com/g/collect', { event: 'page_view', pixelId: 'G-SHOPDEMO42' })],
  ['Universal Analytics pageview hit', BANK, UA_PAGEVIEW, 'image', obs('google', 'analytics', 'www.google-analytics.com/collect', { event: 'pageview', pixelId: 'UA-17508125-8' })],
  ['Universal Analytics /j/collect', BANK, 'https://www.google-analytics.com/j/collect?v=1&_v=j101&t=pageview&tid=UA-1-1&cid=1.2', 'xmlhttprequest', obs('google', 'analytics', 'www.google-analytics.com/j/collect', { event: 'pageview', pixelId: 'UA-1-1' })],
  ['Google Signals copy on stats.g.doubleclick.net', BANK, 'https://stats.g.doubleclick.net/g/collect?v=2&ngs=1&ibt=1&tid=G-SHOPDEMO42&cid=746406658.1791212460&aip=1', 'ping', obs('google', 'analytics', 'stats.g.doubleclick.net/g/collect', { pixelId: 'G-SHOPDEMO42' })],
  ['Google tag ccm/collect', BANK, 'https://www.google.com/ccm/collect?en=page_view&dl=https%3A%2F%2Fshop.example%2F&gcs=G111', 'ping', obs('google', 'analytics', 'www.google.com/ccm/collect', { event: 'page_view' })],
  ['Google Ads conversion <noscript> image', BANK, 'https://www.googleadservices.com/pagead/conversion/830227331/?label=M_bzCPqNnHcQg4fxiwM&guid=ON&script=0', 'image', obs('google', 'ad-conversion', 'www.googleadservices.com/pagead/conversion', { pixelId: 'AW-830227331' })],
  ['Google Ads conversion with value and order id', BANK, 'https://www.googleadservices.com/pagead/conversion/123456789/?label=AbC-dEf&value=80&currency_code=AUD&oid=ORD-1&gcs=G101', 'image', obs('google', 'ad-conversion', 'www.googleadservices.com/pagead/conversion', { pixelId: 'AW-123456789' })],
  ['Google Ads remarketing with the event in data=', BANK, ADS_REMARKETING, 'script', obs('google', 'ad-conversion', 'googleads.g.doubleclick.net/pagead/viewthroughconversion', { event: 'purchase', pixelId: 'AW-1111111' })],
  ['Google Ads first-party conversion copy', BANK, 'https://www.google.com/pagead/1p-conversion/615909469/?random=1699711711336&cv=11&fst=1699711711336&bg=ffffff&guid=ON&async=1', 'image', obs('google', 'ad-conversion', 'www.google.com/pagead/1p-conversion', { pixelId: 'AW-615909469' })],
  ['Google Ads conversion library', BANK, 'https://www.googleadservices.com/pagead/conversion_async.js', 'script', obs('google', 'ad-script', 'www.googleadservices.com/pagead/conversion_async.js')],
  ['Floodlight iframe with its semicolon parameters', BANK, FLOODLIGHT, 'sub_frame', obs('google', 'ad-conversion', 'fls.doubleclick.net/activityi', { pixelId: 'DC-1234567' })],
  ['Floodlight on ad.doubleclick.net', BANK, 'https://ad.doubleclick.net/activity;src=1234567;type=sales;cat=purch0;ord=1;num=2?', 'image', obs('google', 'ad-conversion', 'ad.doubleclick.net/activity', { pixelId: 'DC-1234567' })],
  // ---- Microsoft
  ['Bing UET library', BANK, 'https://bat.bing.com/bat.js', 'script', obs('microsoft', 'pixel-script', 'bat.bing.com/bat.js')],
  ['Bing UET tag script', BANK, 'https://bat.bing.com/p/action/16005611.js', 'script', obs('microsoft', 'pixel-script', 'bat.bing.com/p/action', { pixelId: '16005611' })],
  ['Bing UET page load hit', BANK, UET_PAGELOAD, 'image', obs('microsoft', 'pixel-event', 'bat.bing.com/action/0', { event: 'pageLoad', pixelId: '123456' })],
  ['Microsoft Clarity tag', BANK, 'https://www.clarity.ms/tag/4fc7usxxxx', 'script', obs('microsoft', 'analytics', 'www.clarity.ms/tag', { pixelId: '4fc7usxxxx' })],
  ['Microsoft Clarity library', BANK, 'https://scripts.clarity.ms/0.8.67/clarity.js', 'script', obs('microsoft', 'analytics', 'scripts.clarity.ms/0.8.67/clarity.js')],
  ['Microsoft Clarity session upload', BANK, 'https://www.clarity.ms/eus2-j/collect', 'xmlhttprequest', obs('microsoft', 'analytics', 'www.clarity.ms/eus2-j/collect')],
  // ---- LinkedIn
  ['LinkedIn Insight Tag library', BANK, 'https://snap.licdn.com/li.lms-analytics/insight.min.js', 'script', obs('linkedin', 'pixel-script', 'snap.licdn.com/li.lms-analytics/insight.min.js')],
  ['LinkedIn Insight page view', BANK, 'https://px.ads.linkedin.com/collect?v=2&fmt=js&pid=3346164&time=1583871950665&url=https%3A%2F%2Fwww.chase.com%2F', 'image', obs('linkedin', 'pixel-event', 'px.ads.linkedin.com/collect', { pixelId: '3346164' })],
  ['LinkedIn conversion <noscript> image', BANK, 'https://px.ads.linkedin.com/collect/?pid=3127001&conversionId=8105412&fmt=gif', 'image', obs('linkedin', 'pixel-event', 'px.ads.linkedin.com/collect', { pixelId: '3127001' })],
  // ---- TikTok
  ['TikTok Pixel library', BANK, 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C97F14JC77U63IDI7U40&lib=ttq', 'script', obs('tiktok', 'pixel-script', 'analytics.tiktok.com/i18n/pixel/events.js', { pixelId: 'C97F14JC77U63IDI7U40' })],
  ['TikTok Pixel event POST', BANK, 'https://analytics.tiktok.com/api/v2/pixel', 'ping', obs('tiktok', 'pixel-event', 'analytics.tiktok.com/api/v2/pixel')],
  ['TikTok Pixel metadata POST', BANK, 'https://analytics.tiktok.com/api/v2/pixel/act', 'xmlhttprequest', obs('tiktok', 'pixel-event', 'analytics.tiktok.com/api/v2/pixel/act')],
  // ---- X
  ['X Pixel library', BANK, 'https://static.ads-twitter.com/uwt.js', 'script', obs('x-corp', 'pixel-script', 'static.ads-twitter.com/uwt.js')],
  ['X Pixel hit on analytics.twitter.com', BANK, X_ADSCT, 'image', obs('x-corp', 'pixel-event', 'analytics.twitter.com/i/adsct', { pixelId: 'abc123' })],
  ['X Pixel hit on t.co', BANK, 'https://t.co/1/i/adsct?bci=4&eci=3&event=%7B%7D&event_id=381a80af-d5bc-44f4-bf72-001c49885ab0&txn_id=o7kth&type=javascript&version=2.3.33', 'image', obs('x-corp', 'pixel-event', 't.co/i/adsct', { pixelId: 'o7kth' })],
  // ---- Amazon
  ['Amazon Ad Tag page view', BANK, 'https://s.amazon-adsystem.com/iu3?pid=1b3cf6ff-9fc9-4499-813a-12e87e83751e&event=PageView&gtmVersion=3.4', 'image', obs('amazon', 'pixel-event', 's.amazon-adsystem.com/iu3', { event: 'PageView', pixelId: '1b3cf6ff-9fc9-4499-813a-12e87e83751e' })],
  ['Amazon Ad Tag library', BANK, 'https://c.amazon-adsystem.com/aat/amzn.js', 'script', obs('amazon', 'pixel-script', 'c.amazon-adsystem.com/aat/amzn.js')],
  ['Amazon publisher ads library', BANK, 'https://c.amazon-adsystem.com/aax2/apstag.js', 'script', obs('amazon', 'ad-script', 'c.amazon-adsystem.com/aax2/apstag.js')],
  // ---- Normalisation
  ['uppercase host', BANK, 'https://CONNECT.FACEBOOK.NET/en_US/fbevents.js', 'script', obs('meta', 'pixel-script', 'connect.facebook.net/en_US/fbevents.js')],
  ['trailing dot on the host', BANK, 'https://connect.facebook.net./en_US/fbevents.js', 'script', obs('meta', 'pixel-script', 'connect.facebook.net/en_US/fbevents.js')],
  ['explicit port and a fragment', BANK, 'https://www.facebook.com:443/tr?id=1&ev=PageView#x', 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'PageView', pixelId: '1' })],
  ['plain http', BANK, 'http://www.facebook.com/tr?id=1&ev=PageView', 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'PageView', pixelId: '1' })],
  ['percent-encoded host is the host the browser contacts', BANK, 'https://www.facebook%2Ecom/tr?id=1', 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { pixelId: '1' })],
  ['no type given', BANK, 'https://connect.facebook.net/en_US/fbevents.js', undefined, obs('meta', 'pixel-script', 'connect.facebook.net/en_US/fbevents.js')],
  ['test page on 127.0.0.1', FIXTURE, 'https://connect.facebook.net/en_US/fbevents.js', 'script', obs('meta', 'pixel-script', 'connect.facebook.net/en_US/fbevents.js')],
  ['test page on localhost', 'http://localhost:3000/', 'https://www.facebook.com/tr?id=1&ev=PageView', 'image', obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'PageView', pixelId: '1' })],
  ['news site page, not a bank', 'https://news.example.org/article', 'https://bat.bing.com/bat.js', 'script', obs('microsoft', 'pixel-script', 'bat.bing.com/bat.js')],
  // ---- Lookalikes
  ['suffix trick facebook.com.evil.example', BANK, 'https://facebook.com.evil.example/tr?id=1&ev=PageView', 'image', null],
  ['suffix trick on the pixel host', BANK, 'https://connect.facebook.net.evil.example/en_US/fbevents.js', 'script', null],
  ['prefix lookalike evilfacebook.com', BANK, 'https://www.evilfacebook.com/tr?id=1&ev=PageView', 'image', null],
  ['hyphen lookalike connect-facebook.net', BANK, 'https://connect-facebook.net/en_US/fbevents.js', 'script', null],
  ['credentials trick: real host is evil.example', BANK, 'https://www.facebook.com@evil.example/tr?id=1', 'image', null],
  ['backslash trick: real host is evil.example', BANK, 'https://evil.example\\@www.facebook.com/tr?id=1', 'image', null],
  ['Google lookalike google-analytics.com.evil.example', BANK, 'https://www.google-analytics.com.evil.example/g/collect?tid=G-1', 'ping', null],
  ['the endpoint as a path on another site', BANK, 'https://evil.example/www.facebook.com/tr?id=1', 'image', null],
  ['the endpoint in the query of another site', BANK, 'https://evil.example/?u=https://www.facebook.com/tr?id=1', 'image', null],
  // ---- Not tracking endpoints of a known platform
  ['a Facebook page image, not the pixel', BANK, 'https://www.facebook.com/chase', 'sub_frame', null],
  ['a path that only starts like /tr', BANK, 'https://www.facebook.com/track?id=1', 'image', null],
  ['fbevents.js with another extension', BANK, 'https://connect.facebook.net/en_US/fbevents.jsx', 'script', null],
  ['Meta CDN image', BANK, 'https://scontent.xx.fbcdn.net/v/t1.jpg', 'image', null],
  ['Google search page', BANK, 'https://www.google.com/search?q=chase', 'xmlhttprequest', null],
  ['Google Analytics collect on a host that is not Google', BANK, 'https://sgtm.example.com/g/collect?v=2&tid=G-ABC123&en=page_view', 'ping', null],
  ['unrelated third party', BANK, 'https://cdn.example.net/app.js', 'script', null],
  // ---- First party and same entity
  ['first party: Facebook page requesting facebook.com/tr', 'https://www.facebook.com/chase', 'https://www.facebook.com/tr?id=1&ev=PageView', 'image', null],
  ['same group: Instagram loading the Meta Pixel', 'https://www.instagram.com/chase/', 'https://connect.facebook.net/en_US/fbevents.js', 'script', null],
  ['same group: Messenger sending to facebook.com/tr', 'https://www.messenger.com/t/1', 'https://www.facebook.com/tr?id=1&ev=PageView', 'image', null],
  ['same group: WhatsApp loading the Facebook SDK', 'https://web.whatsapp.com/', 'https://connect.facebook.net/en_US/sdk.js', 'script', null],
  ['first party: Google page sending Google Analytics hits', 'https://www.google.com/maps', 'https://www.google-analytics.com/g/collect?v=2&tid=G-1&en=page_view', 'ping', null],
  ['same group: LinkedIn loading Bing UET', 'https://www.linkedin.com/feed/', 'https://bat.bing.com/bat.js', 'script', null],
  ['same group: Bing loading the LinkedIn Insight Tag', 'https://www.bing.com/search?q=x', 'https://snap.licdn.com/li.lms-analytics/insight.min.js', 'script', null],
  ['same group: x.com sending to t.co', 'https://x.com/home', 'https://t.co/1/i/adsct?txn_id=o7kth', 'image', null],
  // ---- Not requests a page makes, or not URLs
  ['a navigation (main_frame) is the user, not the page', BANK, 'https://www.facebook.com/tr?id=1&ev=PageView', 'main_frame', null],
  ['websocket request', BANK, 'wss://www.facebook.com/tr', 'websocket', null],
  ['data URL', BANK, 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'image', null],
  ['extension resource', BANK, 'chrome-extension://abcdef/fbevents.js', 'script', null],
  ['malformed request URL', BANK, 'https://', 'image', null],
  ['not a URL at all', BANK, 'connect.facebook.net/en_US/fbevents.js', 'script', null],
  ['empty request URL', BANK, '', 'script', null],
  ['huge request URL', BANK, `https://www.facebook.com/tr?id=1&ev=PageView&cd[x]=${'a'.repeat(40_000)}`, 'image', null],
  ['page is an extension page', 'chrome-extension://abcdef/popup.html', 'https://connect.facebook.net/en_US/fbevents.js', 'script', null],
  ['page is about:blank', 'about:blank', 'https://connect.facebook.net/en_US/fbevents.js', 'script', null],
  ['page URL is empty', '', 'https://connect.facebook.net/en_US/fbevents.js', 'script', null],
];

describe('classifyRequest', () => {
  it('has at least 50 rows', () => expect(requestRows.length).toBeGreaterThanOrEqual(50));

  it.each(requestRows)('%s', (_situation, pageUrl, requestUrl, type, expected) => {
    expect(classifyRequest(pageUrl, requestUrl, type)).toEqual(expected);
  });

  it('never throws on non-string input', () => {
    const bad = [undefined, null, 42, {}, [], Symbol.iterator, () => 'https://www.facebook.com/tr'];
    for (const a of bad) {
      for (const b of bad) {
        expect(classifyRequest(a as unknown as string, b as unknown as string, a as unknown as string)).toBeNull();
      }
      expect(classifyRequest(BANK, 'https://www.facebook.com/tr?id=1', a as unknown as string)).not.toBeNull();
    }
  });

  it('never throws and keeps its shape on arbitrary strings (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), fc.string(), (url, type) => {
        const o = classifyRequest(BANK, url, type);
        if (o === null) return;
        expect(Object.keys(o).every((k) => ['platform', 'kind', 'endpoint', 'event', 'hashedUserData', 'pixelId'].includes(k))).toBe(true);
        expect(o.endpoint).toMatch(/^[a-z0-9.-]+\/[A-Za-z0-9._~/-]*$/);
      }),
      { numRuns: 500 },
    );
  });

  it('every endpoint domain belongs to its platform in the catalog', () => {
    const catalog = bundledCatalog();
    const domains = endpointDomains();
    expect(domains.length).toBeGreaterThan(10);
    for (const { domain, platform } of domains) {
      expect(catalog.institutions.some((i) => i.id === platform), platform).toBe(true);
      expect(classifyUrl(`https://${domain}/`)?.group, domain).toBe(groupRoot(catalog, platform));
    }
  });
});

describe('event names the page chooses', () => {
  const eventOf = (ev: string) => classifyRequest('https://www.chase.com/', `https://www.facebook.com/tr?id=1&ev=${encodeURIComponent(ev)}`, 'image')?.event;
  it('keeps real event names, standard and custom', () => {
    expect(['PageView', 'Lead Submitted', 'sign_up', 'view_item_list', 'Form-Step.2'].map(eventOf)).toEqual(['PageView', 'Lead Submitted', 'sign_up', 'view_item_list', 'Form-Step.2']);
  });
  it('drops a sentence the page would put in Linkwatch’s voice (outside test, issue 25)', () => {
    expect(['No data was sent. Linkwatch verified this page', 'Blocked by Linkwatch', 'nothing was sent to Meta today at all', 'x'.repeat(41)].map(eventOf)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('no query value leaks into an observation', () => {
  /** Every query (and `;` path parameter) value of a URL, decoded. */
  function valuesOf(url: string): string[] {
    const out: string[] = [];
    const q = url.indexOf('?');
    if (q >= 0) for (const [, v] of new URLSearchParams(url.slice(q + 1).split('#')[0])) out.push(v);
    const pathPart = q >= 0 ? url.slice(0, q) : url;
    for (const p of pathPart.split(';').slice(1)) out.push(decodeURIComponent(p.split('=')[1] ?? ''));
    return out;
  }

  it.each(requestRows.filter((r) => r[4] !== null))('%s', (_s, pageUrl, requestUrl, type) => {
    const o = classifyRequest(pageUrl, requestUrl, type)!;
    // The text fields of the observation; event and pixel id are the two values allowed through.
    const text = [o.platform, o.kind, o.endpoint, o.event ?? '', o.pixelId ?? ''].join(' ');
    for (const value of valuesOf(requestUrl)) {
      if (value.length < 3 || value === o.event || value === o.pixelId || o.pixelId === `DC-${value}`) continue;
      expect(text, `value ${value}`).not.toContain(value);
    }
  });

  it('a Meta feed with advanced matching and custom data keeps only the event and the pixel id', () => {
    const url =
      `https://www.facebook.com/tr/?id=987654321&ev=Purchase&ud[em]=${HASH}&ud[ph]=${HASH2}` +
      `&udff[fn]=a1b2c3d4e5&cd[value]=123&cd[currency]=USD&cd[content_ids]=%5B%22acct-778899%22%5D` +
      `&dl=https%3A%2F%2Fwww.chase.com%2Faccounts%2F4111222233334444&fbp=fb.1.1791212460000.55667788`;
    const o = classifyRequest(BANK, url, 'image');
    expect(o).toEqual(obs('meta', 'pixel-event', 'www.facebook.com/tr', { event: 'Purchase', pixelId: '987654321', hashedUserData: true }));
    const json = JSON.stringify(o);
    for (const secret of [HASH, HASH2, 'a1b2c3d4e5', '123', 'USD', 'acct-778899', '4111222233334444', '55667788', 'chase.com']) {
      expect(json).not.toContain(secret);
    }
  });

  it('a Google enhanced conversion keeps no hash, client id, value or order id', () => {
    const url =
      `https://www.googleadservices.com/pagead/conversion/555666777/?label=xYz&value=249.99&currency_code=USD` +
      `&oid=ORDER-99887&em=tv.1~em.${HASH}~pn.${HASH2}&auid=1664685302.1748574828&url=https%3A%2F%2Fwww.chase.com%2Fapply`;
    const o = classifyRequest(BANK, url, 'image');
    expect(o).toEqual(obs('google', 'ad-conversion', 'www.googleadservices.com/pagead/conversion', { pixelId: 'AW-555666777', hashedUserData: true }));
    const json = JSON.stringify(o);
    for (const secret of [HASH, HASH2, '249.99', 'ORDER-99887', '1664685302', 'xYz', 'chase.com']) expect(json).not.toContain(secret);
  });

  it('Floodlight path parameters (cost, order) never reach the endpoint', () => {
    const json = JSON.stringify(classifyRequest(BANK, FLOODLIGHT, 'sub_frame'));
    for (const secret of ['666.66', 'xact111', 'thank123', 'group1', 'omnibug', '890045014']) expect(json).not.toContain(secret);
  });

  it('random custom-data values never appear (fuzz)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{8,24}$/), fc.stringMatching(/^[A-Za-z0-9]{8,24}$/), (secret, key) => {
        const url = `https://www.facebook.com/tr?id=42&ev=PageView&cd[${key}]=${secret}&ud[em]=${secret}&dl=https%3A%2F%2Fx.example%2F${secret}`;
        const json = JSON.stringify(classifyRequest(BANK, url, 'image'));
        expect(json).not.toContain(secret);
        expect(json).toContain('"hashedUserData":true');
      }),
      { numRuns: 200 },
    );
  });
});

type LinkRow = [situation: string, pageUrl: string, href: string, expected: LinkObservation | null];

const linkRows: LinkRow[] = [
  ['m.me link on a bank page', BANK, 'https://m.me/chase', { platform: 'messenger', target: 'm.me/chase' }],
  ['m.me link with a ref parameter: query dropped', BANK, 'https://m.me/chase?ref=card-offer-2018', { platform: 'messenger', target: 'm.me/chase' }],
  ['Messenger web link', CITI, 'https://www.messenger.com/t/citi', { platform: 'messenger', target: 'www.messenger.com/t/citi' }],
  ['facebook.com/messages is Messenger', BANK, 'https://www.facebook.com/messages/t/1234567890', { platform: 'messenger', target: 'www.facebook.com/messages/t/1234567890' }],
  ['protocol-relative m.me link', BANK, '//m.me/chase', { platform: 'messenger', target: 'm.me/chase' }],
  ['Facebook page of the bank', BANK, 'https://www.facebook.com/chase/', { platform: 'facebook', target: 'www.facebook.com/chase' }],
  ['fb.me short link', BANK, 'https://fb.me/chase', { platform: 'facebook', target: 'fb.me/chase' }],
  ['share on Facebook button', BANK, 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.chase.com%2F', { platform: 'facebook', target: 'www.facebook.com/sharer/sharer.php' }],
  ['Instagram profile', BANK, 'https://www.instagram.com/chase/', { platform: 'instagram', target: 'www.instagram.com/chase' }],
  ['WhatsApp click-to-chat', FIXTURE, 'https://wa.me/15551234567?text=Hello', { platform: 'whatsapp', target: 'wa.me/15551234567' }],
  ['WhatsApp API link: phone in the query is dropped', BANK, 'https://api.whatsapp.com/send?phone=15551234567&text=hi', { platform: 'whatsapp', target: 'api.whatsapp.com/send' }],
  ['uppercase host, fragment dropped', BANK, 'https://M.ME/chase#top', { platform: 'messenger', target: 'm.me/chase' }],
  ['long path kept to four segments', BANK, 'https://www.facebook.com/a/b/c/d/e/f', { platform: 'facebook', target: 'www.facebook.com/a/b/c/d' }],
  ['path cut at an encoded segment', BANK, 'https://www.facebook.com/pages/Caf%C3%A9/123', { platform: 'facebook', target: 'www.facebook.com/pages' }],
  ['Facebook home, no path', BANK, 'https://www.facebook.com', { platform: 'facebook', target: 'www.facebook.com' }],
  ['link shim l.facebook.com leads elsewhere', BANK, 'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org', null],
  ['link shim l.messenger.com leads elsewhere', BANK, 'https://l.messenger.com/l.php?u=https%3A%2F%2Fexample.org', null],
  ['link on Facebook itself', 'https://www.facebook.com/chase', 'https://m.me/chase', null],
  ['link on Instagram to Facebook: same group', 'https://www.instagram.com/chase/', 'https://www.facebook.com/chase', null],
  ['link on Messenger to WhatsApp: same group', 'https://www.messenger.com/t/1', 'https://wa.me/15551234567', null],
  ['lookalike facebook.com.evil.example', BANK, 'https://facebook.com.evil.example/chase', null],
  ['lookalike m.me.evil.example', BANK, 'https://m.me.evil.example/chase', null],
  ['Meta CDN is not an app', BANK, 'https://connect.facebook.net/en_US/sdk.js', null],
  ['LinkedIn is not a Meta app', BANK, 'https://www.linkedin.com/company/chase', null],
  ['relative link stays on the bank', BANK, '/contact-us', null],
  ['mailto link', BANK, 'mailto:help@chase.com', null],
  ['javascript link', BANK, 'javascript:window.open("https://m.me/chase")', null],
  ['Messenger app deep link (not http)', BANK, 'fb-messenger://user-thread/123', null],
  ['malformed link', BANK, 'https://', null],
  ['page is not a web page', 'chrome-extension://abcdef/popup.html', 'https://m.me/chase', null],
];

describe('classifyLink', () => {
  it.each(linkRows)('%s', (_situation, pageUrl, href, expected) => {
    expect(classifyLink(pageUrl, href)).toEqual(expected);
  });

  it('never throws on non-string input', () => {
    for (const bad of [undefined, null, 42, {}, []]) {
      expect(classifyLink(bad as unknown as string, bad as unknown as string)).toBeNull();
      expect(classifyLink(BANK, bad as unknown as string)).toBeNull();
    }
  });
});

describe('data categories: what a request carried, from parameter names (lib/evidence/data-categories)', () => {
  it.each(DATA_PARAMS.map((row) => [`${row.platform} ${row.name}${row.prefix ? '*' : ''}`, row] as const))('%s', (_label, row) => {
    const probe = row.prefix ? `${row.name}custom_field` : row.name;
    expect(categoryOf(row.platform, probe)).toBe(row.category);
    expect(DATA_CATEGORIES).toContain(row.category);
    // Each row says where the name is documented: a vendor page (https) or, plainly, that there is none.
    expect(row.source.length).toBeGreaterThan(20);
    expect(/^https:\/\/(developers\.facebook\.com|developers\.google\.com)\//.test(row.source) || /^not documented by /.test(row.source)).toBe(true);
  });

  it('one row per platform and parameter name', () => {
    const keys = DATA_PARAMS.map((r) => `${r.platform} ${r.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['meta', 'ud[em]', 'hashed-email'],
    ['meta', 'ud[ph]', 'hashed-phone'],
    ['meta', 'ud[fn]', 'name'],
    ['meta', 'ud[ln]', 'name'],
    ['meta', 'ud[ct]', 'city'],
    ['meta', 'ud[zp]', 'postal-code'],
    ['meta', 'ud[external_id]', 'external-id'],
    ['meta', 'cd[value]', 'value-currency'],
    ['meta', 'cd[currency]', 'value-currency'],
    ['meta', 'cd[content_name]', 'content-name'],
    ['meta', 'cd[buttonText]', 'button-text'],
    ['meta', 'cd[formFeatures]', 'form-fields'],
    ['meta', 'dl', 'page-url'],
    ['meta', 'rl', 'page-url'],
    ['google', 'em', 'hashed-email'],
    ['google', 'ep.plan', 'form-fields'],
    ['google', 'ep.value', 'value-currency'],
    ['google', 'dl', 'page-url'],
    ['google', 'dt', 'page-title'],
  ] as const)('the issue’s list: %s %s is %s', (platform, name, category) => expect(categoryOf(platform, name)).toBe(category));

  it('names only, exactly: other platforms, other case and unknown names carry nothing', () => {
    expect(categoryOf('tiktok', 'ud[em]')).toBeUndefined();
    expect(categoryOf('meta', 'UD[EM]')).toBeUndefined();
    expect(categoryOf('meta', 'ev')).toBeUndefined();
    expect(categoryOf('google', 'ep.')).toBeUndefined();
    expect(categoriesOf('meta', ['dl', 'ud[em]', 'ud[ph]', 'ud[em]', 'id'])).toEqual(['hashed-email', 'hashed-phone', 'page-url']);
  });
});
