// Reading in every language, in comfort: UI words in the article's language, right-to-left
// layout that mirrors, CJK typography, the reading time, section links and the table of
// contents, print, and text that follows the reader's font size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, newContext, headline, root } from './harness.mjs';

const samplesDir = path.join(root, 'static/samples');
const sample = (name) => JSON.parse(fs.readFileSync(path.join(samplesDir, name), 'utf8'));

let server, browser;
before(async () => {
  server = await startServer();
  // The samples as they are in the tree, whatever build is served.
  for (const f of fs.readdirSync(samplesDir).filter((f) => f.endsWith('.json'))) {
    server.handlers.set(`/reading/${f}`, (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' })
      .end(fs.readFileSync(path.join(samplesDir, f))));
  }
  browser = await launch();
});
after(async () => { await browser.close(); await server.close(); });

async function open(context, name, hash = '') {
  const page = await context.newPage();
  await page.goto(`${server.origin}/?src=${encodeURIComponent(`/reading/${name}`)}${hash}`);
  await headline(page).waitFor();
  return page;
}

const UI = {
  'en.json': { published: 'Published', readingTime: /^\d+ min read$/, comments: 'Comments' },
  'zh-TW.json': { published: '發布', readingTime: /^閱讀約需 \d+ 分鐘$/, comments: '留言' },
  'zh-CN.json': { published: '发布', readingTime: /^阅读约需 \d+ 分钟$/, comments: '评论' },
  'ja.json': { published: '公開', readingTime: /^約\d+分で読めます$/, comments: 'コメント' },
  'ar.json': { published: 'Published', readingTime: /^\d+ min read$/, comments: 'Comments' },
};

test('each sample gets the UI words of its language, and English where there is no table', async () => {
  const context = await newContext(browser);
  for (const [name, words] of Object.entries(UI)) {
    const page = await open(context, name);
    const shown = await page.evaluate(() => ({
      lang: document.querySelector('article').lang,
      published: document.querySelector('.folio-date-label').textContent,
      readingTime: document.querySelector('.folio-reading-time').textContent,
      comments: (() => {
        const title = document.querySelector('.folio-comments-title');
        return title.textContent.replace(title.querySelector('.folio-comment-count').textContent, '').trim();
      })(),
    }));
    assert.equal(shown.lang, sample(name).lang, name);
    assert.equal(shown.published, words.published, name);
    assert.match(shown.readingTime, words.readingTime, name);
    assert.equal(shown.comments, words.comments, name);
    await page.close();
  }
  await context.close();
});

test('an Arabic article runs right to left and its layout mirrors', async () => {
  const context = await newContext(browser, { viewport: { width: 390, height: 900 } });
  const page = await open(context, 'ar.json');
  const layout = await page.evaluate(() => {
    const article = document.querySelector('article');
    const box = (e) => e.getBoundingClientRect();
    const h2 = document.querySelector('.folio-body h2');
    const quote = document.querySelector('.folio-quote');
    const kicker = document.querySelector('.folio-kicker .folio-section');
    const thumb = document.querySelector('.folio-thumb');
    const badge = document.querySelector('.folio-duration');
    const rank = document.querySelector('.folio-rank');
    const rankedLink = rank.closest('li').querySelector('.folio-related-link');
    const reading = document.querySelector('.folio-reading-time');
    return {
      dir: article.dir,
      direction: getComputedStyle(article).direction,
      h2Bar: [getComputedStyle(h2).borderRightWidth, getComputedStyle(h2).borderLeftWidth],
      quoteBar: [getComputedStyle(quote).borderRightWidth, getComputedStyle(quote).borderLeftWidth],
      kickerRight: box(kicker).right,
      articleRight: box(article).right,
      paragraphAlign: getComputedStyle(document.querySelector('.folio-body p')).textAlign,
      badgeNearLeft: box(badge).left - box(thumb).left < box(thumb).right - box(badge).right,
      rankRightOfTitle: box(rank).left > box(rankedLink).left,
      readingDir: reading.dir,
      readingText: reading.textContent,
    };
  });
  assert.equal(layout.dir, 'rtl');
  assert.equal(layout.direction, 'rtl');
  assert.deepEqual(layout.h2Bar, ['4px', '0px'], 'the heading bar is on the right');
  assert.deepEqual(layout.quoteBar, ['4px', '0px'], 'the quote bar is on the right');
  assert.ok(layout.articleRight - layout.kickerRight < 24, 'the section kicker starts at the right');
  assert.equal(layout.paragraphAlign, 'start');
  assert.ok(layout.badgeNearLeft, 'the video length sits in the left corner');
  assert.ok(layout.rankRightOfTitle, 'ranks stand to the right of the titles');
  // English words in an Arabic article keep their own order ("1 min read").
  assert.equal(layout.readingDir, 'ltr');
  const readingBox = await page.locator('.folio-reading-time').evaluate((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const rects = [...range.getClientRects()];
    const digit = document.createRange();
    digit.setStart(e.firstChild, 0);
    digit.setEnd(e.firstChild, 1);
    return { digitLeft: digit.getBoundingClientRect().left, left: Math.min(...rects.map((r) => r.left)) };
  });
  assert.ok(readingBox.digitLeft - readingBox.left < 2, 'the number comes first, on the left');
  await context.close();
});

test('Chinese and Japanese: tall lines, no slanted glyphs, strict line breaks, long Latin words wrap', async () => {
  for (const width of [390, 1280]) {
    const context = await newContext(browser, { viewport: { width, height: 900 } });
    for (const name of ['zh-TW.json', 'zh-CN.json', 'ja.json']) {
      const page = await open(context, name);
      const type = await page.evaluate(() => {
        const p = document.querySelector('.folio-body p');
        const style = getComputedStyle(p);
        const em = document.querySelector('.folio-body em');
        return {
          leading: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
          lineBreak: style.lineBreak,
          emStyle: em && getComputedStyle(em).fontStyle,
          synthesis: getComputedStyle(document.querySelector('article')).fontSynthesisStyle,
          scroll: document.documentElement.scrollWidth,
          view: document.documentElement.clientWidth,
          widest: Math.max(...[...document.querySelectorAll('article *')].map((e) => e.getBoundingClientRect().right)),
        };
      });
      assert.ok(type.leading >= 1.7, `${name}: line height ${type.leading}`);
      assert.equal(type.lineBreak, 'strict', name);
      if (type.emStyle) assert.equal(type.emStyle, 'normal', `${name}: emphasis is not slanted`);
      assert.equal(type.synthesis, 'none', name);
      assert.ok(type.scroll <= type.view, `${name} at ${width}px: page is ${type.scroll}px wide`);
      assert.ok(type.widest <= type.view + 0.5, `${name} at ${width}px: something reaches ${type.widest}px`);
      await page.close();
    }
    await context.close();
  }
});

test('no line of Chinese or Japanese body text starts with closing punctuation', async () => {
  const context = await newContext(browser, { viewport: { width: 390, height: 900 } });
  for (const name of ['zh-TW.json', 'ja.json']) {
    const page = await open(context, name);
    const starts = await page.evaluate(() => {
      const found = [];
      for (const p of document.querySelectorAll('.folio-body p')) {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        let lastTop = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            if (lastTop !== null && rect.top > lastTop + 4) found.push(node.data[i]);
            lastTop = rect.top;
          }
        }
      }
      return found;
    });
    const bad = starts.filter((c) => '、。，．：；？！）」』】〕ー々ゃゅょっぁぃぅぇぉ'.includes(c));
    assert.deepEqual(bad, [], `${name}: lines start with ${bad.join(' ')}`);
    await page.close();
  }
  await context.close();
});

test('the reading time counts characters for CJK and words otherwise', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await headline(page).waitFor();
  const times = await page.evaluate(async () => {
    const read = async (lang, text) => {
      const mount = document.createElement('div');
      document.body.append(mount);
      const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
      const handle = window.folio.render(mount, { lang, headline: 'h', datePublished: '2026-01-01T00:00:00Z', body: [{ type: 'paragraph', text }] });
      await rendered;
      const shown = mount.querySelector('.folio-reading-time')?.textContent;
      handle.destroy();
      mount.remove();
      return shown;
    };
    return {
      zh: await read('zh-TW', '字'.repeat(2000)),
      en: await read('en', 'word '.repeat(690)),
      ja: await read('ja', 'あ'.repeat(400)),
      none: await read('en', ' '),
    };
  });
  assert.deepEqual(times, { zh: '閱讀約需 5 分鐘', en: '3 min read', ja: '約1分で読めます', none: undefined });
  await context.close();
});

test('a long article has a table of contents whose links go to its sections', async () => {
  const context = await newContext(browser, { viewport: { width: 390, height: 700 } });
  const page = await open(context, 'ja.json');
  const toc = page.getByRole('navigation', { name: '目次' });
  await toc.waitFor();
  const headings = sample('ja.json').body.filter((b) => b.type === 'heading').map((b) => b.text);
  assert.deepEqual(await toc.getByRole('link').allTextContents(), headings);
  await toc.getByRole('link', { name: '利用者の声' }).click();
  await page.waitForFunction(() => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    return target && target.textContent === '利用者の声' && Math.abs(target.getBoundingClientRect().top) < 40;
  });
  // Short articles have none.
  const short = await open(context, 'zh-TW.json');
  assert.equal(await short.locator('article nav').count(), 0);
  await context.close();
});

test('the toc option shows or hides the table of contents whatever the length', async () => {
  const context = await newContext(browser);
  const page = await open(context, 'zh-TW.json');
  const counts = await page.evaluate(async () => {
    const doc = await (await fetch('/reading/zh-TW.json')).json();
    const long = await (await fetch('/reading/ja.json')).json();
    const count = async (article, options) => {
      const mount = document.body.appendChild(document.createElement('div'));
      const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
      const handle = window.folio.render(mount, article, options);
      await rendered;
      const n = mount.querySelectorAll('nav.folio-toc').length;
      handle.destroy();
      mount.remove();
      return n;
    };
    return {
      shortShow: await count(doc, { toc: 'show' }),
      shortTrue: await count(doc, { toc: true }),
      shortAuto: await count(doc, {}),
      longHide: await count(long, { toc: 'hide' }),
      longFalse: await count(long, { toc: false }),
    };
  });
  assert.deepEqual(counts, { shortShow: 1, shortTrue: 1, shortAuto: 0, longHide: 0, longFalse: 0 });
  await context.close();
});

test('each section heading has a stable id and a link to itself, and a shared link opens at the section', async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 700 } });
  const page = await open(context, 'en.json');
  const anchors = await page.locator('.folio-anchor').evaluateAll((links) => links.map((a) => ({
    href: a.getAttribute('href'),
    name: a.getAttribute('aria-label'),
    heading: a.previousElementSibling.id,
    title: a.previousElementSibling.textContent,
  })));
  const headings = sample('en.json').body.filter((b) => b.type === 'heading');
  assert.equal(anchors.length, headings.length);
  for (const a of anchors) {
    assert.equal(a.href, `#${a.heading}`);
    assert.equal(a.name, `Link to this section: ${a.title}`);
    assert.match(a.heading, /^folio1-[a-z0-9-]+$/);
  }
  // The same document gets the same ids again, and an address with one scrolls there once the
  // article has arrived (after the browser looked for it).
  const target = anchors[anchors.length - 1].heading;
  const again = await open(context, 'en.json', `#${target}`);
  await again.waitForFunction((id) => {
    const e = document.getElementById(id);
    return e && e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < 100 && window.scrollY > 0;
  }, target);
  const cjk = await open(context, 'ja.json', `#${encodeURIComponent('folio1-利用者の声')}`);
  await cjk.waitForFunction(() => {
    const e = document.getElementById('folio1-利用者の声');
    return e && e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < 100;
  });
  await context.close();
});

test('printed, the article keeps its text and drops lists, comments, contents and controls', async () => {
  const context = await newContext(browser);
  const page = await open(context, 'ja.json');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const shown = (selector) => [...document.querySelectorAll(selector)].some((e) => getComputedStyle(e).display !== 'none');
    return {
      hidden: ['.folio-related', '.folio-comments', '.folio-toc', '.folio-anchor', '.folio-video'].filter(shown),
      text: getComputedStyle(document.querySelector('.folio-body p')).color,
      headline: shown('.folio-headline'),
      link: getComputedStyle(document.querySelector('.folio-body .folio-link'), '::after').content,
    };
  });
  assert.deepEqual(printed.hidden, []);
  assert.equal(printed.text, 'rgb(0, 0, 0)');
  assert.ok(printed.headline);
  assert.match(printed.link, /https:\/\/news\.example\.jp\//, 'links print their address');
  await context.close();
});

test('text follows the reader’s font size setting', async () => {
  const sizes = {};
  for (const standard of [16, 32]) {
    const context = await newContext(browser, { viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard, fixed: standard } });
    await page.goto(`${server.origin}/?src=${encodeURIComponent('/reading/ja.json')}`);
    await headline(page).waitFor();
    sizes[standard] = await page.evaluate(() => {
      const size = (selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
      return {
        body: size('.folio-body p'),
        meta: size('.folio-meta'),
        related: size('.folio-related-link'),
        toc: size('.folio-toc'),
        overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    });
    await context.close();
  }
  for (const part of ['body', 'meta', 'related', 'toc']) {
    assert.equal(sizes[32][part], sizes[16][part] * 2, `${part}: ${sizes[16][part]}px becomes ${sizes[32][part]}px`);
  }
  assert.equal(sizes[32].overflow, false, 'nothing overflows sideways at twice the size on a phone');
});
