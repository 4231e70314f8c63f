/**
 * The pure-code half of the benchmark, in Node: `classifyUrl` against `tldts.parse` alone (the floor of
 * public-suffix work) and two naive matchers that scan every catalog domain, then the same with
 * synthetic catalogs of 5,000, 20,000 and 100,000 domains (each larger than the bundled one), then `classifyRequest` on a page-request mix.
 * Run by bench/run.ts as a child process: `tsx bench/node.ts OUT.json`.
 *
 * Method: every contender runs over the whole input set per round, in its own loop function compiled
 * from source (`new Function`), so each call site only ever sees one function and no contender inherits
 * another's type feedback. Warm-up rounds first (the JIT tiers up), then measured rounds in rotating
 * order; the figure is the median round, in CPU time per call (see `cpuNs`), wall time beside it. A
 * ratio between two contenders is the median of their per-round ratios: both ran in the same round, a few
 * hundred milliseconds apart, so a change in the machine's speed during the run cancels out.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDomain, parse } from 'tldts';
import { type Catalog } from '../lib/catalog';
import { bundledWorld } from '../lib/directory';
import { classifyRequest } from '../lib/evidence';
import { classifyUrl, createSiteClassifier } from '../lib/sites';
import { median } from './stats';
import { realisticUrls, requestMix, scalingUrls, syntheticCatalog, URL_MIX } from './urls';

const URL_COUNT = 100_000;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

type Fn = (...args: string[]) => unknown;
type Loop = (fn: Fn, items: readonly unknown[], n: number) => number;

/** A fresh loop per contender (see the header). `arity` 1 calls fn(item), 3 calls fn(...item). */
function makeLoop(arity: 1 | 3): Loop {
  const call = arity === 1 ? 'fn(items[i])' : 'fn(items[i][0], items[i][1], items[i][2])';
  return new Function('fn', 'items', 'n', `let hits = 0; for (let i = 0; i < n; i++) { if (${call} != null) hits++; } return hits;`) as Loop;
}

interface Contender {
  name: string;
  fn: Fn;
  items: readonly unknown[];
  /** How many items a round covers (the slow naive matchers run on a sample of the large catalogs). */
  n?: number;
  arity?: 1 | 3;
}

export interface Measured {
  name: string;
  items: number;
  /** Median CPU nanoseconds per call over the measured rounds (the figure used for budgets). */
  nsPerOp: number;
  opsPerSec: number;
  /** Median wall-clock nanoseconds per call: equal to the CPU figure on an idle machine. */
  wallNsPerOp: number;
  /** Calls that returned a match (not null): the same work for every contender of one set. */
  hits: number;
  roundsNs: number[];
}

/**
 * CPU time of this process, in nanoseconds. The machines this runs on are shared (tests in other
 * processes): CPU time leaves out the time the loop waited for a core, which wall time does not.
 */
function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

function measure(contenders: readonly Contender[], rounds = ROUNDS, warmup = WARMUP): Measured[] {
  const loops = contenders.map((c) => makeLoop(c.arity ?? 1));
  const cpu: number[][] = contenders.map(() => []);
  const wall: number[][] = contenders.map(() => []);
  const hits: number[] = contenders.map(() => 0);
  for (let r = 0; r < warmup + rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      // Rotate the order each round so no contender always runs right after the same other one.
      const i = (k + r) % contenders.length;
      const c = contenders[i]!;
      const n = c.n ?? c.items.length;
      const wall0 = process.hrtime.bigint();
      const cpu0 = cpuNs();
      hits[i] = loops[i]!(c.fn, c.items, n);
      const cpuTime = cpuNs() - cpu0;
      const wallTime = Number(process.hrtime.bigint() - wall0);
      if (r >= warmup) {
        cpu[i]!.push(cpuTime / n);
        wall[i]!.push(wallTime / n);
      }
    }
  }
  return contenders.map((c, i) => {
    const nsPerOp = median(cpu[i]!);
    return {
      name: c.name,
      items: c.n ?? c.items.length,
      nsPerOp: round(nsPerOp),
      opsPerSec: Math.round(1e9 / nsPerOp),
      wallNsPerOp: round(median(wall[i]!)),
      hits: hits[i]!,
      roundsNs: cpu[i]!.map(round),
    };
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

interface Rule {
  domain: string;
  dotted: string;
  path?: string;
  institution: string;
  regex: RegExp;
}

function rulesOf(catalog: Pick<Catalog, 'institutions'>): Rule[] {
  return catalog.institutions.flatMap((i) =>
    i.domains.map((d) => ({
      domain: d.domain,
      dotted: '.' + d.domain,
      path: d.path,
      institution: i.id,
      regex: new RegExp(`^https?://([^/?#@]*\\.)?${d.domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::\\d+)?(?:[/?#]|$)`, 'i'),
    })),
  );
}

/**
 * The way several extensions match sites: parse the URL, then test the host against every domain of the
 * list with `endsWith` at a dot boundary, keeping the longest match (path rules checked on the pathname).
 */
function naiveEndsWith(catalog: Pick<Catalog, 'institutions'>): Fn {
  const rules = rulesOf(catalog);
  return (url: string) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const host = u.hostname;
    let best: Rule | null = null;
    for (const rule of rules) {
      if (host === rule.domain || host.endsWith(rule.dotted)) {
        if (rule.path !== undefined && !(u.pathname === rule.path || u.pathname.startsWith(rule.path + '/'))) continue;
        if (!best || rule.domain.length > best.domain.length || (rule.path && !best.path)) best = rule;
      }
    }
    return best ? best.institution : null;
  };
}

/** The other common way: one regular expression per domain, tried on the raw URL, every one of them. */
function naiveRegex(catalog: Pick<Catalog, 'institutions'>): Fn {
  const rules = rulesOf(catalog);
  return (url: string) => {
    let best: Rule | null = null;
    for (const rule of rules) if (rule.regex.test(url) && (!best || rule.domain.length > best.domain.length)) best = rule;
    return best ? best.institution : null;
  };
}

export async function runNodeBench(log: (line: string) => void = () => undefined) {
  // The directory (issue 21): the catalog's institutions and the directory's, what classifyUrl uses.
  const catalog = bundledWorld();
  const domainCount = catalog.institutions.reduce((n, i) => n + i.domains.length, 0);
  // What the worker pays at start to build the index it classifies with (once per worker).
  const buildStart = process.hrtime.bigint();
  createSiteClassifier(catalog);
  const indexBuildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const urls = realisticUrls(catalog, URL_COUNT);
  const tldtsParse: Fn = (url: string) => parse(url);

  log(`  classifyUrl on ${urls.length.toLocaleString('en')} URLs, bundled directory (${domainCount} domain rules; index built in ${indexBuildMs.toFixed(1)} ms)`);
  const main = measure([
    { name: 'classifyUrl', fn: classifyUrl as Fn, items: urls },
    { name: 'tldts.parse', fn: tldtsParse, items: urls },
    // The naive matchers are 10-100 times slower: they run on the first 20,000 and 5,000 URLs of the
    // same (shuffled) set, which keeps the whole benchmark within its time budget.
    { name: 'naive endsWith scan', fn: naiveEndsWith(catalog), items: urls, n: 20_000 },
    { name: 'naive regex scan', fn: naiveRegex(catalog), items: urls, n: 5_000 },
  ]);

  // Scaling: the catalog sizes run in the same rounds (rotating order), so a change in the machine's
  // load during the run weighs on all of them alike.
  // Each size is a catalog larger than the bundled one (which it includes): at 1,000 the growing directory had
  // left nothing synthetic to measure.
  const sizes = [5_000, 20_000, 100_000].filter((n) => n > domainCount);
  if (sizes.length < 2) throw new Error(`bench: the bundled directory (${domainCount} domain rules) outgrew the scaling sizes; raise them`);
  const prepared = sizes.map((size) => {
    const { catalog: big, synthetic } = syntheticCatalog(catalog, size);
    const start = process.hrtime.bigint();
    const classifier = createSiteClassifier(big);
    const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
    // The floor of any hash-based index: the registrable domain from tldts, then one Map probe.
    const sites = new Map<string, true>();
    for (const i of big.institutions) for (const d of i.domains) sites.set(getDomain(d.domain, { extractHostname: false }) ?? d.domain, true);
    const floor: Fn = (url: string) => {
      const domain = parse(url).domain;
      return domain === null ? null : (sites.get(domain) ?? null);
    };
    const set = scalingUrls(urls, synthetic, URL_COUNT);
    // The naive scan costs O(domains) per URL: a sample keeps its rounds near 0.1 s.
    const sample = Math.min(set.length, Math.floor(10_000_000 / size));
    log(`  scaling: ${size.toLocaleString('en')} domains (index built in ${buildMs.toFixed(0)} ms; naive on ${sample.toLocaleString('en')} URLs)`);
    return { size, buildMs, set, sample, classifier, floor, naive: naiveEndsWith(big) };
  });
  log('  scaling: measuring the sizes together');
  const scaled = measure(
    prepared.flatMap((p) => [
      { name: `classify@${p.size}`, fn: p.classifier.classify as Fn, items: p.set },
      { name: `tldts.parse@${p.size}`, fn: tldtsParse, items: p.set },
      { name: `parse + Map.get@${p.size}`, fn: p.floor, items: p.set },
      { name: `naive@${p.size}`, fn: p.naive, items: p.set, n: p.sample },
    ]),
  );
  const scaling = prepared.map((p, i) => ({
    domains: p.size,
    buildMs: round(p.buildMs),
    results: scaled.slice(i * 4, i * 4 + 4).map((r) => ({ ...r, name: r.name.replace(/@\d+$/, '') })),
  }));

  const requests = requestMix(catalog, URL_COUNT);
  log(`  classifyRequest on ${requests.length.toLocaleString('en')} page requests`);
  const requestResults = measure([
    { name: 'classifyRequest', fn: classifyRequest as Fn, items: requests, arity: 3 },
    { name: 'tldts.parse (request URL)', fn: (_page: string, request: string) => parse(request), items: requests, arity: 3 },
  ]);

  return {
    node: process.version,
    urlCount: urls.length,
    urlMix: URL_MIX,
    bundledDomainRules: domainCount,
    warmupRounds: WARMUP,
    measuredRounds: ROUNDS,
    classifyUrl: main,
    scaling,
    classifyRequest: requestResults,
  };
}

export type NodeResults = Awaited<ReturnType<typeof runNodeBench>>;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  const results = await runNodeBench((line) => console.log(line));
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
  else console.log(JSON.stringify(results, null, 2));
}
