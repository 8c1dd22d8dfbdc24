// Screenshots of the built page, for checking the stylesheets and for the README.
//
//   node scripts/screenshots.mjs BASE_URL OUTDIR [SRC ...]
//   node scripts/screenshots.mjs --readme BASE_URL OUTDIR
//
// BASE_URL is where a build (trunk build --dist DIR) is served, e.g. http://127.0.0.1:8765/.
// The first form takes full-page PNGs of the bundled zh-TW sample (`?`), the English sample
// (`?src=samples/en.json`) and each extra SRC (a `?src=` value), at 390 and 1280 px wide, in the
// light and the dark colour scheme: OUTDIR/<name>-<width>-<scheme>.png.
// The second form writes only the two README pictures: OUTDIR/screenshot-desktop-light.png
// (1280 px, zh-TW, light, top 1400 px) and OUTDIR/screenshot-phone-dark.png (390 px, English, dark,
// top 1600 px).
//
// Requests to any host but the local server are aborted, so the samples' remote images fail at
// once and the pictures show the placeholders. The clock is frozen an hour after the article's
// last update, so relative times ("1 hour ago") are the same on every run.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const args = process.argv.slice(2);
const readme = args[0] === '--readme';
if (readme) args.shift();
const [base, outdir, ...extra] = args;
if (!base || !outdir) {
  console.error('usage: node scripts/screenshots.mjs [--readme] BASE_URL OUTDIR [SRC ...]');
  process.exit(2);
}
const baseUrl = new URL(base);

const samples = [
  { name: 'zh-TW', query: '', json: 'samples/zh-TW.json' },
  { name: 'en', query: '?src=samples/en.json', json: 'samples/en.json' },
  ...extra.map((src) => ({
    name: src.replace(/^.*\//, '').replace(/\.json$/, '') || 'extra',
    query: `?src=${encodeURIComponent(src)}`,
    json: src,
  })),
];

const shots = readme
  ? [
      { sample: samples[0], width: 1280, scheme: 'light', file: 'screenshot-desktop-light.png', clip: 1400 },
      { sample: samples[1], width: 390, scheme: 'dark', file: 'screenshot-phone-dark.png', clip: 1600 },
    ]
  : samples.flatMap((sample) =>
      [390, 1280].flatMap((width) =>
        ['light', 'dark'].map((scheme) => ({ sample, width, scheme, file: `${sample.name}-${width}-${scheme}.png` })),
      ),
    );

/** An hour after the document's last change, or undefined when it cannot be read. */
async function frozenNow(json) {
  try {
    const response = await fetch(new URL(json, baseUrl));
    const doc = await response.json();
    const last = Date.parse(doc.dateModified || doc.datePublished);
    return Number.isFinite(last) ? last + 65 * 60 * 1000 : undefined;
  } catch {
    return undefined;
  }
}

await mkdir(outdir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let failed = false;
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: shot.scheme,
      reducedMotion: 'reduce',
    });
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`${shot.file}: page error: ${error.message}`));
    const now = await frozenNow(shot.sample.json);
    if (now !== undefined) await page.clock.setFixedTime(now);
    const url = new URL(shot.sample.query || '', baseUrl).href;
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('article h1', { timeout: 20000 });
      // Let the failed images settle into their placeholders, and the fonts load.
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      const path = join(outdir, shot.file);
      if (shot.clip) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({
          path,
          fullPage: true,
          clip: { x: 0, y: 0, width: shot.width, height: Math.min(shot.clip, height) },
        });
      } else {
        await page.screenshot({ path, fullPage: true });
      }
      console.log(path);
    } catch (error) {
      failed = true;
      console.error(`${shot.file}: ${error.message}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
