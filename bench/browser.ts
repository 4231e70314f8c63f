/**
 * The real-browser half of the benchmark: the built extension (.output-bench/chrome-mv3) in Debian's
 * Chromium, launched by the e2e harness, every page served by routing. Run by bench/run.ts as
 * `node --experimental-websocket --import tsx bench/browser.ts OUT.json` (a child process, so its work
 * never shares a CPU-bound JIT with the Node micro-benchmarks). Each figure and how it is taken:
 *
 * - Content script on the page: the renderer main thread's script time (CDP Performance.getMetrics
 *   `ScriptDuration`, measured in thread CPU time) for the same 50-resource fixture page at a bank
 *   address (the content scripts inject) and at an address outside the catalog (they do not), each
 *   loaded in a fresh tab; the difference of the medians is what the content scripts add. A traced load
 *   (CDP Tracing, `devtools.timeline`: the content scripts' own EvaluateScript and FunctionCall events,
 *   thread CPU time) says where that time goes.
 * - Popup: the clock starts in the service worker just before `chrome.action.openPopup()` (the action
 *   a click on the toolbar button performs) and stops at the paint that first showed the popup's content
 *   (a `section`, or the error alert), read afterwards from the popup's buffered Largest Contentful Paint
 *   entries. Nothing is injected into the popup beforehand: pausing a new target to inject a probe cost
 *   ~300 ms here, more than what it would measure. Both clocks are the browser's (epoch milliseconds of
 *   `performance.timeOrigin + performance.now()`), which agree across its processes to within 1 ms.
 * - Cold start to badge: the service worker is stopped (CDP Target.closeTarget, as Chromium does when it
 *   is idle), then a tab navigates to a bank page, timed from the tab's navigation start
 *   (`performance.timeOrigin` of the bank page) to the first moment `chrome.action.getBadgeText` for that
 *   tab is not empty, polled every millisecond inside the new worker; and from the page's commit (its
 *   `responseStart`) to that badge, the figure held to the budget since issue 20: the badge is set when the
 *   document commits (a main-frame request may end in a download), and Chromium clears a tab's badge at
 *   each new document anyway. See `coldStarts` for the two kinds of cold.
 * - Service worker heap: CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage on the worker target,
 *   right after a cold start has set the first badge (before Playwright evaluates anything in it).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CdpClient } from './cdp';
import { benchRoutes, RESOURCES } from './fixture-page';
import type { Contender } from './floor';
import type { Fixture } from '../test/e2e/harness';
import { getDomain } from 'tldts';
import { median } from './stats';

// Code run inside the browser by `evaluate` sees the extension's `chrome`.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
process.env.LINKWATCH_OUT_DIR ??= '.output-bench';
// The harness locates the repository with `__dirname` (it is written for vitest, which provides it);
// under plain Node ESM it is not defined, so give it the harness's own folder before loading it.
(globalThis as { __dirname?: string }).__dirname = join(ROOT, 'test/e2e');
const harness = await import('../test/e2e/harness');
const { launch, openTab, tabIdOf, waitForBadge, stopServiceWorker } = harness;
type Session = Awaited<ReturnType<typeof launch>>;

/** The fixture page at a bank address (content scripts inject) and outside the catalog (they do not). */
const PAGE_WITH = 'https://www.chase.com/bench/accounts';
const PAGE_WITHOUT = 'https://www.example.org/bench/accounts';
/** The plain bank page (no third-party resource) at both kinds of address: the content scripts' fixed cost. */
const EMPTY_WITH = 'https://www.chase.com/';
const EMPTY_WITHOUT = 'https://www.example.org/bank';
const BANK = 'https://www.chase.com/';
const NEUTRAL = 'https://example.org/';
/** After `load`, how long the content scripts' deferred work (200 ms batches, link scans) may run. */
const SETTLE_MS = 600;

const ROUNDS = {
  contentScript: Number(process.env.BENCH_CS_ROUNDS ?? 7),
  popup: Number(process.env.BENCH_POPUP_ROUNDS ?? 7),
  coldStart: Number(process.env.BENCH_COLD_ROUNDS ?? 5),
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `launch`, tried up to three times: on a loaded machine a browser's first service worker can take more
 * than the harness's 20 s to appear, which is no figure of the extension's.
 */
async function launchRetrying(options: Parameters<typeof launch>[0]): Promise<Session> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(options);
    } catch (e) {
      if (attempt >= 3 || !String(e).includes('serviceworker')) throw e;
      console.log(`  (the browser's service worker did not appear in time, attempt ${attempt}; launching again)`);
    }
  }
}
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Renderer main-thread script and task time (ms, thread CPU) of one page load in a fresh tab. */
async function mainThreadOfLoad(session: Session, url: string, before?: () => Promise<void>): Promise<{ script: number; task: number }> {
  await before?.();
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await read();
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const after = await read();
    return {
      script: ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000,
      task: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
    };
  } finally {
    await page.close();
  }
}

/** Same page with and without the content scripts, alternating the order each round. */
async function withAndWithout(session: Session, withUrl: string, withoutUrl: string, rounds: number) {
  const samples = { with: [] as { script: number; task: number }[], without: [] as { script: number; task: number }[] };
  // One unmeasured load of each warms the browser's caches (HTTP stack, fonts, the extension's files).
  await mainThreadOfLoad(session, withUrl);
  await mainThreadOfLoad(session, withoutUrl);
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? ([['without', withoutUrl], ['with', withUrl]] as const) : ([['with', withUrl], ['without', withoutUrl]] as const);
    for (const [kind, url] of order) samples[kind].push(await mainThreadOfLoad(session, url));
  }
  const med = (kind: 'with' | 'without', k: 'script' | 'task') => median(samples[kind].map((s) => s[k]));
  return {
    scriptWithMs: round2(med('with', 'script')),
    scriptWithoutMs: round2(med('without', 'script')),
    addedScriptMs: round2(med('with', 'script') - med('without', 'script')),
    taskWithMs: round2(med('with', 'task')),
    taskWithoutMs: round2(med('without', 'task')),
    addedTaskMs: round2(med('with', 'task') - med('without', 'task')),
    samples: {
      with: samples.with.map((s) => ({ script: round2(s.script), task: round2(s.task) })),
      without: samples.without.map((s) => ({ script: round2(s.script), task: round2(s.task) })),
    },
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; type?: string; functionName?: string } };
}

/**
 * One traced load of the 50-resource page: thread CPU time of the content scripts' own events, by script
 * and by what ran (evaluation, element load/error listeners, timers, observer callbacks). Tracing adds its
 * own cost to every event, so these add up to more than the untraced difference; read them as shares.
 */
async function tracedBreakdown(session: Session, extensionId: string) {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
    await page.goto(PAGE_WITH, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    await cdp.send('Tracing.end');
    await complete;
    const prefix = `chrome-extension://${extensionId}/content-scripts/`;
    const ours = events.filter((e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url?.startsWith(prefix));
    // Only the outermost of nested events, so no time is counted twice.
    const outer = ours.filter((e) => !ours.some((o) => o !== e && o.pid === e.pid && o.tid === e.tid && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.ts < e.ts || (o.dur ?? 0) > (e.dur ?? 0))));
    const containers = events.filter((e) => e.ph === 'X' && (e.name === 'EventDispatch' || e.name === 'TimerFire'));
    const what = (e: TraceEvent): string => {
      if (e.name === 'EvaluateScript') return 'evaluate';
      const around = containers.filter((c) => c.pid === e.pid && c.tid === e.tid && c.ts <= e.ts && c.ts + (c.dur ?? 0) >= e.ts + (e.dur ?? 0));
      const inner = around.sort((a, b) => b.ts - a.ts)[0];
      if (!inner) return 'observer callbacks';
      return inner.name === 'TimerFire' ? 'timers' : `${inner.args?.data?.type ?? 'event'} listeners`;
    };
    const byScript: Record<string, Record<string, { calls: number; cpuMs: number }>> = {};
    for (const e of outer) {
      const script = e.args!.data!.url!.slice(prefix.length);
      const kind = what(e);
      const slot = ((byScript[script] ??= {})[kind] ??= { calls: 0, cpuMs: 0 });
      slot.calls++;
      slot.cpuMs += (e.tdur ?? e.dur ?? 0) / 1000;
    }
    for (const kinds of Object.values(byScript)) for (const slot of Object.values(kinds)) slot.cpuMs = round2(slot.cpuMs);
    const totalCpuMs = round2(outer.reduce((a, e) => a + (e.tdur ?? e.dur ?? 0), 0) / 1000);
    return { totalCpuMs, byScript };
  } finally {
    await page.close();
  }
}

/**
 * Read in the popup once its content is there: when it was painted. Largest Contentful Paint entries are
 * buffered, so they can be read after the fact without instrumenting the popup beforehand (which would
 * pause it): the first LCP candidate inside the content (the popup's `section`s or its error alert) is
 * the frame in which the content was first shown. Its `startTime` counts from the popup's time origin.
 */
const POPUP_READ = `new Promise((resolve) => {
  const content = (el) => !!el && !!el.closest && !!el.closest('main.popup section, main.popup [role=alert]');
  const lcp = [];
  new PerformanceObserver((list) => lcp.push(...list.getEntries())).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => {
    const shown = lcp.find((e) => content(e.element));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    resolve(JSON.stringify({
      origin: performance.timeOrigin,
      contentPaint: shown ? shown.startTime : null,
      fcp: fcp ? fcp.startTime : null,
      candidates: lcp.map((e) => (e.element ? e.element.tagName + '.' + e.element.className : '?') + '@' + Math.round(e.startTime)),
      error: !!document.querySelector('main.popup [role=alert]'),
    }));
  }, 100);
})`;

/** Open the real action popup `rounds` + 1 times (the first is a warm-up) and time each. */
async function popupTimes(session: Session, page: Page, rounds: number) {
  const cdp = await CdpClient.connect(session.cdpPort);
  const samples: { totalMs: number; openMs: number; contentMs: number; fromLcp: boolean; fcpMs: number | null; error: boolean; candidates: string[] }[] = [];
  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  try {
    for (let i = 0; i <= rounds; i++) {
      await page.bringToFront();
      const sw = await session.serviceWorker();
      const t0 = await sw.evaluate(() => {
        const t = performance.timeOrigin + performance.now();
        chrome.action.openPopup().catch(() => undefined);
        return t;
      });
      const deadline = Date.now() + 10_000;
      let sessionId: string | undefined;
      let seenAt = 0;
      for (;;) {
        if (Date.now() > deadline) throw new Error('the action popup did not show its content');
        await sleep(20);
        if (!sessionId) {
          const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; url: string }[] }>('Target.getTargets');
          const target = targetInfos.find((t) => t.url === popupUrl);
          if (!target) continue;
          sessionId = (await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: target.targetId, flatten: true })).sessionId;
        }
        const r = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('main.popup section, main.popup [role=alert]') ? performance.now() : null`, returnByValue: true }, sessionId).catch(() => null);
        if (typeof r?.result?.value === 'number') {
          seenAt = r.result.value as number;
          break;
        }
      }
      const read = await cdp.send('Runtime.evaluate', { expression: POPUP_READ, awaitPromise: true, returnByValue: true }, sessionId);
      const probe = JSON.parse(read.result.value) as { origin: number; contentPaint: number | null; fcp: number | null; candidates: string[]; error: boolean };
      // No LCP entry inside the content (a future layout where it is smaller than the header): fall back
      // to when the polling first saw it in the DOM, a later time than the paint (an upper bound).
      const contentAt = probe.contentPaint ?? seenAt;
      if (i > 0) {
        samples.push({
          totalMs: round2(probe.origin + contentAt - t0),
          openMs: round2(probe.origin - t0),
          contentMs: round2(contentAt),
          fromLcp: probe.contentPaint !== null,
          fcpMs: probe.fcp === null ? null : round2(probe.fcp),
          error: probe.error,
          candidates: probe.candidates,
        });
      }
      await cdp.send('Runtime.evaluate', { expression: 'window.close()' }, sessionId).catch(() => undefined);
      await sleep(250);
    }
  } finally {
    cdp.close();
  }
  const med = (k: 'totalMs' | 'openMs' | 'contentMs') => round2(median(samples.map((s) => s[k])));
  const fcps = samples.map((s) => s.fcpMs).filter((x): x is number => x !== null);
  return {
    totalMs: med('totalMs'),
    openMs: med('openMs'),
    contentMs: med('contentMs'),
    fcpMs: fcps.length ? round2(median(fcps)) : null,
    /** Samples timed by DOM polling because no LCP entry fell inside the content (upper bounds). */
    polled: samples.filter((s) => !s.fromLcp).length,
    errors: samples.filter((s) => s.error).length,
    samples,
  };
}

/** Heap of the extension's running service worker, after a full GC (CDP, its own session). */
async function workerHeap(session: Session, extensionId: string): Promise<{ usedBytes: number; totalBytes: number }> {
  const cdp = await CdpClient.connect(session.cdpPort);
  try {
    const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!worker) throw new Error('no running service worker');
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
    await cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
    const usage = await cdp.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage', {}, sessionId);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
  } finally {
    cdp.close();
  }
}

/** Stop the worker as Chromium does when it is idle; one that is already stopped is fine. */
async function stopWorker(session: Session): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await stopServiceWorker(session);
    } catch (e) {
      if (String(e).includes('no running service worker')) return;
      // An event may have started a new worker while the old one stopped: stop that one too.
      if (attempt >= 2) throw e;
      await sleep(500);
    }
  }
}

/**
 * Renderer processes of this browser profile that host extensions (Linux /proc; -1 where there is none).
 * Chromium rewrites its command line into one space-separated string, so it is searched as text.
 */
function extensionProcesses(profileDir: string): number {
  if (!existsSync('/proc/self/cmdline')) return -1;
  let count = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ') + ' ';
    } catch {
      continue;
    }
    if (text.includes(' --extension-process ') && text.includes(` --user-data-dir=${profileDir} `)) count++;
  }
  return count;
}

/** Target ids of the extension's service workers, as CDP lists them. */
async function workerTargets(cdp: CdpClient, extensionId: string): Promise<string[]> {
  const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`)).map((t) => t.targetId);
}

interface ColdSample {
  totalMs: number;
  navToWorkerMs: number;
  workerToBadgeMs: number;
  /** When the bank page's navigation committed (its response started: `responseStart`), ms from navigation start. */
  commitMs: number;
  /** From that commit to the first badge: the badge a person sees (Chromium clears a tab's badge at each new document). */
  commitToBadgeMs: number;
}

const summarize = (samples: ColdSample[]) => ({
  totalMs: round2(median(samples.map((s) => s.totalMs))),
  navToWorkerMs: round2(median(samples.map((s) => s.navToWorkerMs))),
  workerToBadgeMs: round2(median(samples.map((s) => s.workerToBadgeMs))),
  commitMs: round2(median(samples.map((s) => s.commitMs))),
  commitToBadgeMs: round2(median(samples.map((s) => s.commitToBadgeMs))),
  samples,
});

/**
 * Cold starts, two ways. "Worker": the worker stopped (its JavaScript heap and state gone) while an open
 * extension page (idle) keeps the extension's renderer process alive. "Process": no extension page open
 * and the process given time to exit, so the start includes a new renderer process. Either way, once the
 * new worker's target appears, a CDP session polls `chrome.action.getBadgeText` inside it every
 * millisecond (the worker is the one extension context sure to exist; a poll that starts after the badge
 * was set can only make the figure later). Also the worker's heap, after the first badge of the first
 * cold start, before Playwright evaluates anything in the new worker (only that few-line poll has run).
 */
async function coldStarts(session: Session, rounds: number) {
  const tab = await openTab(session, NEUTRAL);
  const tabId = await tabIdOf(session, tab);
  const cdp = await CdpClient.connect(session.cdpPort);

  async function round(): Promise<ColdSample> {
    await tab.goto(NEUTRAL);
    await waitForBadge(session, tabId, (b) => b.text === '');
    await sleep(300);
    await stopWorker(session);
    return timeToBadge();
  }

  async function timeToBadge(): Promise<ColdSample> {
    const before = new Set(await workerTargets(cdp, session.extensionId));
    await tab.goto(BANK, { waitUntil: 'commit' });
    // The new worker's target (Playwright does not report a worker started in a new process).
    let targetId: string | undefined;
    const until = Date.now() + 15_000;
    while (!(targetId = (await workerTargets(cdp, session.extensionId)).find((t) => !before.has(t)))) {
      if (Date.now() > until) throw new Error('no service worker started for the navigation');
      await sleep(2);
    }
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const poll = `(async () => {
      for (;;) {
        if (await chrome.action.getBadgeText({ tabId: ${tabId} })) return JSON.stringify([performance.timeOrigin + performance.now(), performance.timeOrigin]);
        await new Promise((r) => setTimeout(r, 1));
      }
    })()`;
    let value: unknown;
    // Right after it appears, the worker may not have its context yet: try again for a moment.
    for (let attempt = 0; typeof value !== 'string'; attempt++) {
      const read = await cdp
        .send<{ result: { value?: unknown; description?: string }; exceptionDetails?: { text?: string } }>('Runtime.evaluate', { expression: poll, awaitPromise: true, returnByValue: true }, sessionId)
        .catch((e: Error) => ({ result: { value: undefined, description: e.message }, exceptionDetails: { text: e.message } }));
      value = read.result.value;
      if (typeof value === 'string') break;
      if (attempt >= 50) throw new Error(`could not poll the badge in the new worker: ${read.exceptionDetails?.text ?? ''} ${read.result.description ?? ''}`);
      await sleep(2);
    }
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    const [badgeAt, workerOrigin] = JSON.parse(value as string) as [number, number];
    const [origin, responseStart] = await tab.evaluate(() => [performance.timeOrigin, (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseStart ?? 0] as const);
    return {
      totalMs: round2(badgeAt - origin),
      navToWorkerMs: round2(workerOrigin - origin),
      workerToBadgeMs: round2(badgeAt - workerOrigin),
      commitMs: round2(responseStart),
      commitToBadgeMs: round2(badgeAt - origin - responseStart),
    };
  }

  try {
    // ---- worker cold, extension process kept alive by an idle extension page ----
    const keepAlive = await session.context.newPage();
    await keepAlive.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await keepAlive.waitForSelector('main.popup section, main.popup [role=alert]');
    const worker: ColdSample[] = [];
    let heap: { usedBytes: number; totalBytes: number } | undefined;
    for (let i = 0; i < rounds; i++) {
      worker.push(await round());
      if (i === 0) heap = await workerHeap(session, session.extensionId);
    }

    // ---- worker and extension process cold ----
    // Closing a tab is an event for the worker (tabs.onRemoved): close the extension's pages (the welcome
    // page, the keep-alive page) first and let that settle; `round` then stops the worker.
    for (const p of session.context.pages()) if (p.url().startsWith('chrome-extension://')) await p.close();
    await sleep(500);
    const processCold: ColdSample[] = [];
    let processGone = 0;
    for (let i = 0; i < rounds; i++) {
      await tab.goto(NEUTRAL);
      await waitForBadge(session, tabId, (b) => b.text === '');
      await sleep(300);
      await stopWorker(session);
      const deadline = Date.now() + 3_000;
      while (extensionProcesses(session.profileDir) > 0 && Date.now() < deadline) await sleep(50);
      if (extensionProcesses(session.profileDir) === 0) processGone++;
      processCold.push(await timeToBadge());
    }
    return { worker: summarize(worker), process: { ...summarize(processCold), processGone }, heap: heap! };
  } finally {
    cdp.close();
    await tab.close();
  }
}


/**
 * Extension JavaScript parsed in a page: the characters of every script the page's renderer parsed from a
 * `chrome-extension://` URL (content scripts, and files injected later by scripting.executeScript), from
 * CDP `Debugger.scriptParsed` over one load plus the settle time. Characters, which for this ASCII code
 * are bytes.
 */
async function parsedExtensionJs(session: Session, url: string, before?: () => Promise<void>): Promise<{ bytes: number; files: Record<string, number> }> {
  await before?.();
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const files: Record<string, number> = {};
    cdp.on('Debugger.scriptParsed', (e) => {
      if (!e.url.startsWith('chrome-extension://')) return;
      const file = e.url.replace(/^chrome-extension:\/\/[^/]+\//, '');
      files[file] = (files[file] ?? 0) + (e.length ?? 0);
    });
    await cdp.send('Debugger.enable');
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_MS + 400);
    return { bytes: Object.values(files).reduce((a, b) => a + b, 0), files };
  } finally {
    await page.close();
  }
}

/**
 * One opening of a contender's action popup: from `chrome.action.openPopup()` in its service worker to the
 * popup's first contentful paint (buffered `paint` entries, read after the fact), in ms; the same clocks as
 * `popupTimes`. Works for any extension with a popup and a service worker.
 */
async function popupFirstPaintOnce(session: Session, cdp: CdpClient, page: Page, popupPath: string): Promise<number> {
  await page.bringToFront();
  const sw = await session.serviceWorker();
  const popupUrl = `chrome-extension://${session.extensionId}/${popupPath.replace(/^\//, '')}`;
  const t0 = await sw.evaluate(() => {
    const t = performance.timeOrigin + performance.now();
    chrome.action.openPopup().catch(() => undefined);
    return t;
  });
  const deadline = Date.now() + 10_000;
  let sessionId: string | undefined;
  try {
    for (;;) {
      if (Date.now() > deadline) throw new Error(`the popup of ${session.extensionId} did not paint`);
      await sleep(20);
      if (!sessionId) {
        const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; url: string }[] }>('Target.getTargets');
        const target = targetInfos.find((t) => t.url.split('?')[0] === popupUrl);
        if (!target) continue;
        sessionId = (await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: target.targetId, flatten: true })).sessionId;
      }
      const r = await cdp
        .send('Runtime.evaluate', { expression: `(() => { const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? JSON.stringify([performance.timeOrigin, p.startTime]) : null; })()`, returnByValue: true }, sessionId)
        .catch(() => null);
      if (typeof r?.result?.value === 'string') {
        const [origin, fcp] = JSON.parse(r.result.value) as [number, number];
        return round2(origin + fcp - t0);
      }
    }
  } finally {
    if (sessionId) await cdp.send('Runtime.evaluate', { expression: 'window.close()' }, sessionId).catch(() => undefined);
    await sleep(250);
  }
}

/**
 * Every contender (bench/floor.ts) in its own browser, all open at once, measured in the same alternating
 * rounds (the order rotates each round): page script time on the 50-resource bank page, on a repeat visit
 * (no notice) and on a first visit (Linkwatch's "seen" list cleared before the load, so its notice shows);
 * extension JS parsed in that page, both ways; and the popup's first paint.
 */
async function sideBySide(list: Contender[], routes: Record<string, Fixture>, rounds: number, popupRounds: number, log: (line: string) => void) {
  const sessions: { c: Contender; s: Session }[] = [];
  try {
    for (const c of list) {
      try {
        sessions.push({ c, s: await launchRetrying({ routes, extensionDir: c.dir }) });
      } catch (e) {
        log(`  ${c.name}: not measured (${String(e).split('\n')[0]}); an MV3 extension with a service worker is needed`);
      }
    }
    const clearSeen = (s: Session) => async () => {
      const sw = await s.serviceWorker();
      await sw.evaluate(() => chrome.storage?.local?.remove('noticeSeen'));
    };
    // A site counts as seen once its notice was on screen for a second (lib/notice), longer than a measured
    // load lasts: a repeat visit is set up by writing the seen list, as that second would have.
    const markSeen = (s: Session) => async () => {
      const sw = await s.serviceWorker();
      await sw.evaluate((site) => chrome.storage?.local?.set({ noticeSeen: [site] }), getDomain(PAGE_WITH)!);
    };
    const isLinkwatch = (c: Contender) => c.name.startsWith('Linkwatch');
    const firstVisitPrep = (x: { c: Contender; s: Session }) => (isLinkwatch(x.c) ? clearSeen(x.s) : undefined);
    const repeatVisitPrep = (x: { c: Contender; s: Session }) => (isLinkwatch(x.c) ? markSeen(x.s) : undefined);
    // Protection on for every bank (issue 23), through the options page as a person would; its rules are in
    // force once the page says so.
    for (const x of sessions.filter((y) => y.c.protect)) {
      const options = await x.s.context.newPage();
      await options.goto(`chrome-extension://${x.s.extensionId}/options.html#/sites`);
      await options.locator('input[name=protectAll]').click();
      await options.locator('.protection-settings [role=status]').waitFor();
      const rules = await (await x.s.serviceWorker()).evaluate(() => chrome.declarativeNetRequest.getDynamicRules().then((r: unknown[]) => r.length));
      if (!rules) throw new Error('protection was switched on but no rule is installed');
      await options.close();
    }
    // Warm-up: one load each way per browser (caches, the extension's files; Linkwatch's notice shows once).
    for (const x of sessions) {
      await mainThreadOfLoad(x.s, PAGE_WITH, firstVisitPrep(x));
      await mainThreadOfLoad(x.s, PAGE_WITH, repeatVisitPrep(x));
    }
    const samples = new Map(sessions.map((x) => [x.c.name, { repeat: [] as number[], first: [] as number[], popup: [] as number[] }]));
    for (let i = 0; i < rounds; i++) {
      const order = sessions.map((_, k) => sessions[(k + i) % sessions.length]!);
      for (const x of order) samples.get(x.c.name)!.repeat.push(round2((await mainThreadOfLoad(x.s, PAGE_WITH, repeatVisitPrep(x))).script));
      for (const x of order.reverse()) samples.get(x.c.name)!.first.push(round2((await mainThreadOfLoad(x.s, PAGE_WITH, firstVisitPrep(x))).script));
    }
    const parsed: Record<string, { repeat: { bytes: number; files: Record<string, number> }; first: { bytes: number; files: Record<string, number> } }> = {};
    for (const x of sessions) {
      parsed[x.c.name] = { repeat: await parsedExtensionJs(x.s, PAGE_WITH, repeatVisitPrep(x)), first: await parsedExtensionJs(x.s, PAGE_WITH, firstVisitPrep(x)) };
    }
    const withPopup = sessions.filter((x) => x.c.popup);
    const popupPages = new Map<string, { page: Page; cdp: CdpClient }>();
    for (const x of withPopup) popupPages.set(x.c.name, { page: await openTab(x.s, BANK), cdp: await CdpClient.connect(x.s.cdpPort) });
    try {
      for (const x of withPopup) await popupFirstPaintOnce(x.s, popupPages.get(x.c.name)!.cdp, popupPages.get(x.c.name)!.page, x.c.popup!); // warm-up
      for (let i = 0; i < popupRounds; i++) {
        for (let k = 0; k < withPopup.length; k++) {
          const x = withPopup[(k + i) % withPopup.length]!;
          const p = popupPages.get(x.c.name)!;
          samples.get(x.c.name)!.popup.push(await popupFirstPaintOnce(x.s, p.cdp, p.page, x.c.popup!));
        }
      }
    } finally {
      for (const p of popupPages.values()) p.cdp.close();
    }
    return Object.fromEntries(
      sessions.map((x) => {
        const s = samples.get(x.c.name)!;
        return [
          x.c.name,
          {
            scriptRepeatMs: round2(median(s.repeat)),
            scriptFirstMs: round2(median(s.first)),
            parsedRepeat: parsed[x.c.name]!.repeat,
            parsedFirst: parsed[x.c.name]!.first,
            popupFirstPaintMs: s.popup.length ? round2(median(s.popup)) : null,
            samples: s,
          },
        ];
      }),
    ) as Record<string, SideBySide>;
  } finally {
    for (const x of sessions) await x.s.close().catch(() => undefined);
  }
}

export interface SideBySide {
  /** Median renderer script time (ms, thread CPU) of the bank page on a repeat visit and on a first visit. */
  scriptRepeatMs: number;
  scriptFirstMs: number;
  parsedRepeat: { bytes: number; files: Record<string, number> };
  parsedFirst: { bytes: number; files: Record<string, number> };
  /** Median ms from action.openPopup() to the popup's first contentful paint; null without a popup. */
  popupFirstPaintMs: number | null;
  samples: { repeat: number[]; first: number[]; popup: number[] };
}

export type BrowserResults = Awaited<ReturnType<typeof runBrowserBench>>;

export async function runBrowserBench(list: Contender[], log: (line: string) => void = () => undefined) {
  const routes = {
    ...benchRoutes(ROOT, [PAGE_WITH, PAGE_WITHOUT]),
    [EMPTY_WITHOUT]: { file: 'bank.html' },
  };
  log(`  side by side, ${ROUNDS.contentScript} alternating rounds: ${list.map((c) => c.name).join(', ')}`);
  const contenders = await sideBySide(list, routes, ROUNDS.contentScript, ROUNDS.popup, log);
  const session = await launchRetrying({ routes });
  try {
    const version = (await (await fetch(`http://127.0.0.1:${session.cdpPort}/json/version`)).json()) as { Browser: string };
    log(`  browser ${version.Browser}, extension ${session.extensionId}`);
    // These figures are for repeat visits (no notice): the bank sites count as seen (a notice counts only
    // after a second on screen, longer than a measured load).
    const sites = [...new Set([PAGE_WITH, EMPTY_WITH, BANK].map((u) => getDomain(u)!))];
    await (await session.serviceWorker()).evaluate((seen) => chrome.storage.local.set({ noticeSeen: seen }), sites);

    log('  content scripts: 50-resource page, with and without');
    const page50 = await withAndWithout(session, PAGE_WITH, PAGE_WITHOUT, ROUNDS.contentScript);
    log('  content scripts: page without third-party resources, with and without');
    const empty = await withAndWithout(session, EMPTY_WITH, EMPTY_WITHOUT, ROUNDS.contentScript);
    log('  content scripts: traced breakdown');
    const breakdown = await tracedBreakdown(session, session.extensionId);
    if (session.unrouted.length) throw new Error(`unrouted requests: ${session.unrouted.slice(0, 5).join(', ')}`);

    log('  cold start to badge, and worker heap');
    const cold = await coldStarts(session, ROUNDS.coldStart);

    log('  action popup');
    const bank = await openTab(session, BANK);
    await waitForBadge(session, await tabIdOf(session, bank), (b) => b.text !== '');
    const popup = await popupTimes(session, bank, ROUNDS.popup);

    return {
      contenders,
      browser: version.Browser,
      resources: RESOURCES.length,
      contentScript: { page50, empty, breakdown, settleMs: SETTLE_MS },
      popup,
      coldStart: cold.worker,
      coldStartWithProcess: cold.process,
      workerHeap: cold.heap,
    };
  } finally {
    await session.close();
  }
}

// Run directly (by bench/run.ts): write the results to the file named on the command line.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  const list = JSON.parse(process.argv[3] ?? '[]') as Contender[];
  const results = await runBrowserBench(list, (line) => console.log(line));
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
  else console.log(JSON.stringify(results, null, 2));
}
