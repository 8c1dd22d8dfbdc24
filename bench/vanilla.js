// The benchmark's reference: a hand-written vanilla-JS renderer of the article contract, emitting
// the same elements, classes and UI words as Folio (tests/ssr.rs pins Folio's markup), so both are
// laid out by the same stylesheet and compared on the same DOM. It builds with createElement and
// textContent into a DocumentFragment that is appended once; text is always text.
//
// It is deliberately plain, the way a team would write it by hand: no virtual DOM, `update`
// rebuilds everything, and validation is done while building (what is read is checked, with the
// JSON path of the first bad field). Like Folio it shows the reading time, gives section headings
// ids and anchors, adds a table of contents to long articles (`toc`: auto, show, hide), and marks
// UI words from another language's table with `lang`/`dir`; the outline is gathered while the
// body is built, in the same pass. Not implemented, because the benchmark's documents do not use
// them: lazy related-list pages (`src`), in-place navigation (`article`), a loading placeholder
// (it renders synchronously) and line/column positions for malformed JSON.
//
//   const handle = vanilla.render(target, articleObjectOrJsonText, { lang, timeZone, now, toc });
//   handle.update(other); handle.destroy();
// Events, bubbling and composed, from a microtask: `vanilla:rendered`, `vanilla:error`.
(function () {
  'use strict';

  // The same words as src/i18n.rs, so both renderers show the same text.
  const EN = {
    lang: 'en', published: 'Published', updated: 'Updated', by: 'By ', separator: ', ', lastSeparator: ' and ',
    readingTime: '{n} min read', contents: 'Contents', sectionLink: 'Link to this section: {title}',
    viewOriginal: 'View the original article', tags: 'Tags', comments: 'Comments', commentOne: '1 comment',
    commentOther: '{n} comments', noComments: 'No comments yet. Be the first to comment.',
    joinDiscussion: 'Join the discussion', seeMore: 'See more', duration: 'Length {n}',
    errorTitle: 'This article cannot be shown', errorAt: 'The problem is at {path}.', video: 'Video', table: 'Table',
  };
  const ZH_TW = {
    lang: 'zh-TW', published: '發布', updated: '更新', by: '作者：', separator: '、', lastSeparator: '、',
    readingTime: '閱讀約需 {n} 分鐘', contents: '目錄', sectionLink: '連結到本節：{title}',
    viewOriginal: '閱讀原文', tags: '標籤', comments: '留言', commentOne: '1 則留言', commentOther: '{n} 則留言',
    noComments: '目前還沒有留言，搶先發表第一則留言吧。', joinDiscussion: '前往留言區', seeMore: '看更多',
    duration: '片長 {n}', errorTitle: '無法顯示這篇文章', errorAt: '問題位置：{path}。', video: '影片', table: '表格',
  };
  const ZH_CN = {
    lang: 'zh-CN', published: '发布', updated: '更新', by: '作者：', separator: '、', lastSeparator: '、',
    readingTime: '阅读约需 {n} 分钟', contents: '目录', sectionLink: '链接到本节：{title}',
    viewOriginal: '阅读原文', tags: '标签', comments: '评论', commentOne: '1 条评论', commentOther: '{n} 条评论',
    noComments: '还没有评论，快来发表第一条评论吧。', joinDiscussion: '前往评论区', seeMore: '查看更多',
    duration: '时长 {n}', errorTitle: '无法显示这篇文章', errorAt: '问题位置：{path}。', video: '视频', table: '表格',
  };
  const JA = {
    lang: 'ja', published: '公開', updated: '更新', by: '文：', separator: '、', lastSeparator: '、',
    readingTime: '約{n}分で読めます', contents: '目次', sectionLink: 'この見出しへのリンク：{title}',
    viewOriginal: '元の記事を読む', tags: 'タグ', comments: 'コメント', commentOne: '1件', commentOther: '{n}件',
    noComments: 'まだコメントはありません。最初のコメントを書いてみませんか。', joinDiscussion: 'コメント欄へ',
    seeMore: 'もっと見る', duration: '再生時間 {n}', errorTitle: 'この記事を表示できません',
    errorAt: '問題の箇所：{path}', video: '動画', table: '表',
  };

  /** The table for a language tag: a script subtag wins over a region (zh-Hans-TW is Simplified). */
  function wordsFor(lang) {
    const subtags = lang.trim().toLowerCase().split(/[-_]/);
    if (subtags[0] === 'ja') return JA;
    if (subtags[0] !== 'zh') return EN;
    const rest = subtags.slice(1);
    if (rest.includes('hans')) return ZH_CN;
    if (rest.includes('hant')) return ZH_TW;
    return rest.some((s) => s === 'cn' || s === 'sg' || s === 'my') ? ZH_CN : ZH_TW;
  }

  const RTL_LANGUAGES = ['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi'];
  const RTL_SCRIPTS = ['adlm', 'arab', 'hebr', 'nkoo', 'rohg', 'syrc', 'thaa'];

  /** `rtl` or `ltr`: a script subtag decides when there is one, otherwise the language. */
  function direction(lang) {
    const [primary, ...rest] = lang.trim().toLowerCase().split(/[-_]/);
    const script = rest.find((s) => /^[a-z]{4}$/.test(s));
    return (script !== undefined ? RTL_SCRIPTS.includes(script) : RTL_LANGUAGES.includes(primary)) ? 'rtl' : 'ltr';
  }

  const primaryLanguage = (lang) => lang.trim().split(/[-_]/)[0].toLowerCase();

  const fill = (template, name, value) => template.split(`{${name}}`).join(value);

  // ------------------------------------------------------------------ URLs (as src/url.rs)

  const ALLOWED = ['http', 'https', 'mailto'];
  const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

  function sanitize(raw) {
    if (typeof raw !== 'string') return null;
    let start = 0, end = raw.length;
    while (start < end && raw.charCodeAt(start) <= 32) start++;
    while (end > start && raw.charCodeAt(end - 1) <= 32) end--;
    const cleaned = raw.slice(start, end).replace(/[\t\n\r]/g, '');
    if (cleaned === '') return null;
    const colon = cleaned.indexOf(':');
    if (colon < 0) return cleaned;
    const scheme = cleaned.slice(0, colon);
    if (!SCHEME.test(scheme)) return cleaned;
    return ALLOWED.includes(scheme.toLowerCase()) ? cleaned : null;
  }

  /** A document URL made safe and absolute (against the document's address when it was fetched). */
  function safeUrl(ctx, raw) {
    if (raw == null) return null;
    const safe = sanitize(raw);
    if (safe === null || !ctx.base) return safe;
    let resolved = safe;
    try { resolved = new URL(safe, ctx.base).href; } catch { /* kept as written */ }
    return sanitize(resolved);
  }

  /** A URL to load (image, video, poster, logo): as safeUrl, but `mailto:` names nothing to fetch. */
  function resourceUrl(ctx, raw) {
    const url = safeUrl(ctx, raw);
    if (url === null) return null;
    const colon = url.indexOf(':');
    return colon > 0 && url.slice(0, colon).toLowerCase() === 'mailto' ? null : url;
  }

  // ------------------------------------------------------------------ checks

  class DocError extends Error {
    constructor(path, message) { super(message); this.path = path; }
  }

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  function str(value, path, optional) {
    if (value == null && optional) return null;
    if (typeof value !== 'string') throw new DocError(path, value == null ? `missing field \`${path.split('.').pop()}\`` : 'expected text');
    return value;
  }

  const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
  const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

  /** An RFC 3339 timestamp with offset, as src/model/time.rs reads it: { text, ms }. */
  function timestamp(value, path, optional) {
    if (value == null && optional) return null;
    const text = str(value, path);
    const m = TIMESTAMP.exec(text);
    const bad = () => new DocError(path, `"${text.slice(0, 60)}" is not an RFC 3339 timestamp with offset`);
    if (!m) throw bad();
    const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = month === 2 && leap ? 29 : DAYS[month - 1];
    if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 60) throw bad();
    let offset = 0;
    if (!m[8]) {
      const h = Number(m[10]), min = Number(m[11]);
      if (h > 23 || min > 59) throw bad();
      offset = (m[9] === '-' ? -1 : 1) * (h * 60 + min);
    }
    const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) + millis - offset * 60000;
    return { text, ms };
  }

  // ------------------------------------------------------------------ times (as src/browser/intl.rs)

  const dateFormats = new Map();
  const relativeFormats = new Map();

  function dateOptions(lang, full, zone) {
    const o = full ? { dateStyle: 'full', timeStyle: 'long' }
      : { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' };
    if (lang.startsWith('zh') || lang.startsWith('ja')) o.hourCycle = 'h23';
    if (zone != null) o.timeZone = zone;
    return o;
  }

  function dateFormat(lang, zone, full) {
    const key = `${lang}\u0000${zone}\u0000${full}`;
    let format = dateFormats.get(key);
    if (!format) {
      try {
        format = new Intl.DateTimeFormat(lang, dateOptions(lang, full, zone));
      } catch {
        try {
          if (zone != null) console.warn(`vanilla: unknown time zone ${JSON.stringify(zone)}; times are shown in the reader's zone`);
          format = new Intl.DateTimeFormat(lang, dateOptions(lang, full, null));
        } catch {
          console.warn(`vanilla: unknown language ${JSON.stringify(lang)}; dates are shown in English`);
          format = new Intl.DateTimeFormat('en', dateOptions('en', full, null));
        }
      }
      dateFormats.set(key, format);
    }
    return format;
  }

  function relativeFormat(lang) {
    let format = relativeFormats.get(lang);
    if (!format) {
      try { format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }); } catch { format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' }); }
      relativeFormats.set(lang, format);
    }
    return format;
  }

  const UNITS = [[60, 1, 'second'], [3600, 60, 'minute'], [86400, 3600, 'hour'], [7 * 86400, 86400, 'day'],
    [30 * 86400, 7 * 86400, 'week'], [365 * 86400, 30 * 86400, 'month'], [Infinity, 365 * 86400, 'year']];

  /** "1 小時前": the largest whole unit, rounded toward zero. */
  function relativeText(ctx, ms) {
    const elapsed = Math.trunc((ctx.now - ms) / 1000);
    const size = Math.abs(elapsed);
    const [, per, unit] = UNITS.find(([limit]) => size < limit);
    return relativeFormat(ctx.lang).format(-Math.trunc(elapsed / per) + 0, unit);
  }

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  /** UI words in another language than the article's say so (`lang`, and `dir` if it differs). */
  function wordsAttrs(ctx, node) {
    if (ctx.wordsLang !== null) node.setAttribute('lang', ctx.wordsLang);
    if (ctx.wordsDir !== null) node.setAttribute('dir', ctx.wordsDir);
    return node;
  }

  /** UI words among the article's text: a text node, or a `<span lang dir>` with the spaces outside. */
  function uiText(ctx, parent, text) {
    if (ctx.wordsLang === null) {
      parent.append(text);
      return;
    }
    const words = text.trim();
    const before = text.slice(0, text.length - text.trimStart().length);
    const after = text.slice(before.length + words.length);
    if (before) parent.append(before);
    parent.append(wordsAttrs(ctx, el('span', null, words)));
    if (after) parent.append(after);
  }

  /**
   * `<span class="folio-timestamp"><time datetime title aria-hidden>absolute</time>
   * <span class="folio-visually-hidden"> full</span> <span class="folio-relative">…</span></span>`
   */
  function timeStamp(ctx, ts, relative) {
    const wrap = el('span', 'folio-timestamp');
    const full = dateFormat(ctx.lang, ctx.zone, true).format(ts.ms);
    const time = el('time', null, dateFormat(ctx.lang, ctx.zone, false).format(ts.ms));
    time.setAttribute('datetime', ts.text);
    time.setAttribute('title', full);
    time.setAttribute('aria-hidden', 'true');
    wrap.append(time, el('span', 'folio-visually-hidden', ` ${full}`));
    if (relative) {
      const span = el('span', 'folio-relative', relativeText(ctx, ts.ms));
      wrap.append(' ', span);
      ctx.relatives.push([span, ts.ms]);
    }
    return wrap;
  }

  /** Inline text: a string, or spans with bold/italic/code/link. */
  function inline(ctx, parent, value, path) {
    if (typeof value === 'string') {
      parent.append(value);
      return parent;
    }
    if (!Array.isArray(value)) throw new DocError(path, 'expected text or a list of spans');
    for (let i = 0; i < value.length; i++) {
      const span = value[i];
      if (!isObject(span)) throw new DocError(`${path}[${i}]`, 'expected a span object');
      let node = document.createTextNode(str(span.text, `${path}[${i}].text`));
      for (const mark of ['sub', 'sup', 'strike', 'underline']) {
        if (span[mark]) { const m = el({ sub: 'sub', sup: 'sup', strike: 's', underline: 'u' }[mark]); m.append(node); node = m; }
      }
      if (span.code) { const c = el('code'); c.append(node); node = c; }
      if (span.italic) { const e = el('em'); e.append(node); node = e; }
      if (span.bold) { const s = el('strong'); s.append(node); node = s; }
      const href = safeUrl(ctx, span.href);
      if (href !== null) { const a = el('a', 'folio-link'); a.setAttribute('href', href); a.append(node); node = a; }
      parent.append(node);
      if (span.lineBreak) parent.append(el('br'));
    }
    return parent;
  }

  /** The text of an inline value without styling (after `inline` has checked it). */
  function plainText(value) {
    if (typeof value === 'string') return value;
    let text = '';
    for (const span of value) text += span.text;
    return text;
  }

  const positive = (n) => Number.isInteger(n) && n > 0;

  /** `<figure><img alt><figcaption>`, as src/components/figure.rs. */
  function figure(ctx, image, lead, path) {
    if (!isObject(image)) throw new DocError(path, 'expected an image object');
    const alt = str(image.alt, `${path}.alt`);
    const fig = el('figure', lead ? 'folio-figure folio-figure-lead' : 'folio-figure');
    const src = resourceUrl(ctx, str(image.src, `${path}.src`));
    if (src !== null) {
      const img = el('img', 'folio-image');
      img.setAttribute('src', src);
      img.setAttribute('alt', alt);
      if (positive(image.width) && positive(image.height)) {
        img.setAttribute('width', String(image.width));
        img.setAttribute('height', String(image.height));
      }
      img.setAttribute('loading', lead ? 'eager' : 'lazy');
      img.setAttribute('decoding', 'async');
      fig.append(img);
    } else {
      const missing = el('span', 'folio-image-missing', alt);
      missing.setAttribute('role', 'img');
      missing.setAttribute('aria-label', alt);
      fig.append(missing);
    }
    const credit = str(image.credit, `${path}.credit`, true);
    if (image.caption != null || credit !== null) {
      const caption = el('figcaption', 'folio-caption');
      if (image.caption != null) caption.append(inline(ctx, el('span', 'folio-caption-text'), image.caption, `${path}.caption`));
      if (credit !== null) caption.append(el('span', 'folio-credit', credit));
      fig.append(caption);
    }
    return fig;
  }

  // ------------------------------------------------------------------ the outline (as src/components/outline.rs)

  // Reading time: Han characters and kana at 400 a minute, words of other scripts at 230.
  const CJK_CHARS_PER_MINUTE = 400;
  const WORDS_PER_MINUTE = 230;
  const SLUG_CHARS = 64;
  const ALPHANUMERIC = /^[\p{Alphabetic}\p{N}]$/u;
  const WHITE_SPACE = /^\p{White_Space}$/u;

  const isCjk = (cp) => (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF)
    || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F)
    || (cp >= 0x20000 && cp <= 0x3134F);

  /** Adds the CJK characters and the words (runs of letters or digits) of `text` to `length`. */
  function countText(length, text) {
    let inWord = false;
    for (const c of text) {
      const cp = c.codePointAt(0);
      if (cp < 0x80) {
        if (cp === 32 || (cp >= 9 && cp <= 13)) inWord = false;
        else if ((cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) {
          if (!inWord) { length.words++; inWord = true; }
        }
      } else if (isCjk(cp)) {
        length.cjk++;
        inWord = false;
      } else if (WHITE_SPACE.test(c)) {
        inWord = false;
      } else if (!inWord && ALPHANUMERIC.test(c)) {
        length.words++;
        inWord = true;
      }
      // Other punctuation neither starts nor ends a word.
    }
  }

  /** Whole minutes, at least 1; 0 for a body without text. */
  function readingMinutes(length) {
    if (length.cjk + length.words === 0) return 0;
    return Math.max(1, Math.round(length.cjk / CJK_CHARS_PER_MINUTE + length.words / WORDS_PER_MINUTE));
  }

  /** The heading text in lower case, every run of other characters than letters and digits one `-`. */
  function slug(text) {
    let out = '';
    let gap = false;
    for (const c of text) {
      for (const lower of c.toLowerCase()) {
        if (ALPHANUMERIC.test(lower)) {
          if (gap && out !== '') out += '-';
          gap = false;
          out += lower;
        } else {
          gap = true;
        }
      }
    }
    const short = Array.from(out).slice(0, SLUG_CHARS).join('').replace(/-+$/, '');
    return short === '' ? 'section' : short;
  }

  /** `slug`, or `slug-2`, `slug-3` ... whichever is not taken yet; then taken. */
  function unique(base, taken) {
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    return candidate;
  }

  /** When a table of contents is shown: the `toc` option as Folio reads it (auto, show, hide). */
  function contentsMode(toc) {
    if (typeof toc === 'boolean') return toc ? 'show' : 'hide';
    const value = typeof toc === 'string' ? toc.trim().toLowerCase() : '';
    if (value === 'show' || value === 'true') return 'show';
    if (value === 'hide' || value === 'false') return 'hide';
    return 'auto';
  }

  function showsContents(mode, headings, minutes) {
    if (mode === 'hide') return false;
    if (mode === 'show') return headings.length > 0;
    return headings.length >= 3 && minutes >= 4;
  }

  /** `<nav>` named by its title, a link to each heading; `<h3>`s nested under the `<h2>` before them. */
  function tableOfContents(ctx) {
    const id = `${ctx.idPrefix}-contents`;
    const nav = el('nav', 'folio-toc');
    nav.setAttribute('aria-labelledby', id);
    const title = wordsAttrs(ctx, el('h2', 'folio-toc-title', ctx.words.contents));
    title.id = id;
    const items = el('ol', 'folio-toc-items');
    let group = null; // the <li> of the last top-level <h2> entry, and its <ol> of subsections
    for (const heading of ctx.headings.filter((h) => h.level <= 3)) {
      const link = el('a', 'folio-toc-link', heading.title);
      link.setAttribute('href', `#${heading.id}`);
      const li = el('li');
      li.append(link);
      if (heading.level === 3 && group !== null) {
        if (group.children === null) {
          group.children = el('ol');
          group.li.append(group.children);
        }
        group.children.append(li);
      } else {
        items.append(li);
        group = heading.level === 2 ? { li, children: null } : null;
      }
    }
    nav.append(title, items);
    return nav;
  }

  // ------------------------------------------------------------------ the article

  function header(ctx, doc) {
    const words = ctx.words;
    const head = el('header', 'folio-header');
    if (doc.section != null) {
      const name = str(doc.section.name, 'section.name');
      const href = safeUrl(ctx, doc.section.url);
      const kicker = el('p', 'folio-kicker');
      const link = el(href !== null ? 'a' : 'span', 'folio-section', name);
      if (href !== null) link.setAttribute('href', href);
      kicker.append(link);
      head.append(kicker);
    }
    head.append(el('h1', 'folio-headline', ctx.headline));
    const sub = str(doc.subheadline, 'subheadline', true);
    if (sub !== null) head.append(el('p', 'folio-subheadline', sub));
    const meta = el('div', 'folio-meta');
    let publisher = null;
    if (doc.publisher != null) {
      publisher = el('span', 'folio-publisher');
      const logo = resourceUrl(ctx, doc.publisher.logo);
      if (logo !== null) {
        const img = el('img', 'folio-publisher-logo');
        img.setAttribute('src', logo);
        img.setAttribute('alt', '');
        img.setAttribute('width', '24');
        img.setAttribute('height', '24');
        publisher.append(img);
      }
      const name = str(doc.publisher.name, 'publisher.name');
      const href = safeUrl(ctx, doc.publisher.url);
      if (href !== null) {
        const a = el('a', null, name);
        a.setAttribute('href', href);
        publisher.append(a);
      } else {
        publisher.append(name);
      }
    }
    const authors = doc.authors == null ? [] : doc.authors;
    let byline = null;
    if (authors.length > 0) {
      byline = el('span', 'folio-authors');
      uiText(ctx, byline, words.by);
      authors.forEach((author, i) => {
        if (i > 0) uiText(ctx, byline, i === authors.length - 1 ? words.lastSeparator : words.separator);
        const name = str(author.name, `authors[${i}].name`);
        const href = safeUrl(ctx, author.url);
        const node = el(href !== null ? 'a' : 'span', null, name);
        if (href !== null) {
          node.setAttribute('href', href);
          node.setAttribute('rel', 'author');
        }
        byline.append(node);
      });
    }
    if (publisher || byline) {
      const p = el('p', 'folio-byline');
      if (publisher) p.append(publisher);
      if (publisher && byline) p.append(' ');
      if (byline) p.append(byline);
      meta.append(p);
    }
    const dates = el('p', 'folio-dates');
    const date = (label, ts) => {
      const span = el('span', 'folio-date');
      span.append(wordsAttrs(ctx, el('span', 'folio-date-label', label)), ' ', timeStamp(ctx, ts, true));
      return span;
    };
    dates.append(date(words.published, ctx.published));
    const modified = timestamp(doc.dateModified, 'dateModified', true);
    if (modified !== null && modified.ms !== ctx.published.ms) dates.append(' ', date(words.updated, modified));
    meta.append(dates);
    head.append(meta);
    ctx.dates = dates; // the reading time follows, once the body is counted
    return head;
  }

  /** A list and the lists nested in its items (`{ text, ordered, items }`). */
  function list(ctx, ordered, items, path) {
    if (!Array.isArray(items)) throw new DocError(path, 'expected a list of items');
    const out = el(ordered ? 'ol' : 'ul', 'folio-list');
    items.forEach((item, i) => {
      const nested = isObject(item);
      const text = nested ? item.text : item;
      const li = inline(ctx, el('li'), text, nested ? `${path}[${i}].text` : `${path}[${i}]`);
      countText(ctx.length, plainText(text));
      if (nested && Array.isArray(item.items) && item.items.length > 0) li.append(list(ctx, item.ordered, item.items, `${path}[${i}].items`));
      out.append(li);
    });
    return out;
  }

  function block(ctx, b, path) {
    if (!isObject(b)) throw new DocError(path, 'expected a block object');
    switch (b.type) {
      case 'paragraph': {
        const p = inline(ctx, el('p'), b.text, `${path}.text`);
        countText(ctx.length, plainText(b.text));
        return p;
      }
      case 'heading': {
        const level = b.level == null ? 2 : b.level;
        if (![2, 3, 4, 5, 6].includes(level)) throw new DocError(`${path}.level`, `heading level ${level} is not allowed: use 2 to 6`);
        const title = inline(ctx, el(`h${level}`, 'folio-heading'), b.text, `${path}.text`);
        const text = plainText(b.text);
        countText(ctx.length, text);
        // The id of the outline, and after the heading a link to it (outside, so the heading's
        // name stays its own).
        const id = `${ctx.idPrefix}-${unique(slug(text), ctx.taken)}`;
        ctx.headings.push({ level, title: text, id });
        title.id = id;
        const anchor = wordsAttrs(ctx, el('a', 'folio-anchor'));
        anchor.setAttribute('href', `#${id}`);
        anchor.setAttribute('aria-label', fill(ctx.words.sectionLink, 'title', text));
        const wrap = el('div', `folio-section-heading folio-section-heading-${level}`);
        wrap.append(title, anchor);
        return wrap;
      }
      case 'quote': {
        const quote = el('blockquote', 'folio-quote');
        quote.append(inline(ctx, el('p'), b.text, `${path}.text`));
        countText(ctx.length, plainText(b.text));
        const cite = str(b.cite, `${path}.cite`, true);
        if (cite !== null) {
          countText(ctx.length, cite);
          const footer = el('footer', 'folio-quote-cite');
          footer.append(el('cite', null, cite));
          quote.append(footer);
        }
        return quote;
      }
      case 'list': {
        if (!Array.isArray(b.items)) throw new DocError(`${path}.items`, 'expected a list of items');
        return list(ctx, b.ordered, b.items, `${path}.items`);
      }
      case 'table': {
        if (!Array.isArray(b.rows)) throw new DocError(`${path}.rows`, 'expected a list of rows');
        const box = el('div', 'folio-table');
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', b.caption != null ? plainText(b.caption) : ctx.words.table);
        const table = el('table');
        if (b.caption != null) {
          table.append(inline(ctx, el('caption'), b.caption, `${path}.caption`));
          countText(ctx.length, plainText(b.caption));
        }
        const cells = (row, r, tag) => {
          const tr = el('tr');
          row.forEach((cell, c) => {
            const td = inline(ctx, el(tag), cell, `${path}.rows[${r}][${c}]`);
            if (tag === 'th') td.setAttribute('scope', 'col');
            tr.append(td);
            countText(ctx.length, plainText(cell));
          });
          return tr;
        };
        const rows = b.header ? b.rows.slice(1) : b.rows;
        if (b.header && b.rows.length > 0) {
          const head = el('thead');
          head.append(cells(b.rows[0], 0, 'th'));
          table.append(head);
        }
        const body = el('tbody');
        rows.forEach((row, r) => body.append(cells(row, r + (b.header ? 1 : 0), 'td')));
        table.append(body);
        box.append(table);
        return box;
      }
      case 'code': {
        const pre = el('pre', 'folio-code');
        pre.setAttribute('dir', 'ltr');
        const code = el('code', typeof b.language === 'string' ? `language-${b.language}` : null, str(b.text, `${path}.text`));
        pre.append(code);
        countText(ctx.length, b.text);
        return pre;
      }
      case 'image': {
        const fig = figure(ctx, b, false, path);
        if (b.caption != null) countText(ctx.length, plainText(b.caption));
        return fig;
      }
      case 'video': {
        const fig = el('figure', 'folio-figure folio-video');
        const src = resourceUrl(ctx, str(b.src, `${path}.src`));
        if (src !== null) {
          const video = el('video', 'folio-video-player');
          video.setAttribute('src', src);
          const poster = resourceUrl(ctx, b.poster);
          if (poster !== null) video.setAttribute('poster', poster);
          video.setAttribute('controls', 'controls');
          video.setAttribute('preload', 'none');
          video.setAttribute('playsinline', 'playsinline');
          fig.append(video);
        } else {
          fig.append(wordsAttrs(ctx, el('span', 'folio-image-missing', ctx.words.video)));
        }
        if (b.caption != null) {
          const caption = el('figcaption', 'folio-caption');
          caption.append(inline(ctx, el('span', 'folio-caption-text'), b.caption, `${path}.caption`));
          fig.append(caption);
          countText(ctx.length, plainText(b.caption));
        }
        return fig;
      }
      case 'divider':
        return el('hr', 'folio-divider');
      default:
        if (typeof b.type !== 'string') throw new DocError(`${path}.type`, 'expected the block type as text');
        console.warn(`vanilla: ${path}: unknown block type ${JSON.stringify(b.type)} skipped`);
        return null;
    }
  }

  function footer(ctx, doc) {
    const credits = typeof doc.credits === 'string' && doc.credits.trim() !== '' ? doc.credits : null;
    const original = safeUrl(ctx, doc.originalUrl);
    const tags = doc.tags == null ? [] : doc.tags;
    if (credits === null && original === null && tags.length === 0) return null;
    const foot = el('footer', 'folio-footer');
    if (credits !== null) foot.append(el('p', 'folio-credits', credits));
    if (original !== null) {
      const p = el('p', 'folio-original');
      const a = wordsAttrs(ctx, el('a', null, ctx.words.viewOriginal));
      a.setAttribute('href', original);
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener noreferrer');
      p.append(a);
      foot.append(p);
    }
    if (tags.length > 0) {
      const ul = el('ul', 'folio-tags');
      ul.setAttribute('aria-label', ctx.words.tags);
      tags.forEach((tag, i) => {
        const name = str(tag.name, `tags[${i}].name`);
        const href = safeUrl(ctx, tag.url);
        const label = el(href !== null ? 'a' : 'span', 'folio-tag', name);
        if (href !== null) label.setAttribute('href', href);
        const li = el('li');
        li.append(label);
        ul.append(li);
      });
      foot.append(ul);
    }
    return foot;
  }

  /** Seconds of an ISO 8601 duration such as PT3M20S, or null. */
  function duration(text) {
    const m = typeof text === 'string' ? /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(text) : null;
    if (!m || text === 'PT') return null;
    const seconds = Number(m[1] || 0) * 3600 + Number(m[2] || 0) * 60 + Number(m[3] || 0);
    const h = Math.floor(seconds / 3600), min = Math.floor(seconds / 60) % 60, s = seconds % 60;
    const two = (n) => String(n).padStart(2, '0');
    return h > 0 ? `${h}:${two(min)}:${two(s)}` : `${min}:${two(s)}`;
  }

  function relatedList(ctx, list, index) {
    const path = `lists[${index}]`;
    const title = str(list.title, `${path}.title`);
    const style = list.style === 'ranked' || list.style === 'video' ? list.style : 'plain';
    if (list.style != null && list.style !== style) console.warn(`vanilla: ${path}.style: unknown list style ${JSON.stringify(list.style)} shown as plain`);
    const id = `${ctx.idPrefix}-list-${index}`;
    const section = el('section', `folio-related folio-related-${style}`);
    section.setAttribute('aria-labelledby', id);
    const h2 = el('h2', 'folio-related-title', title);
    h2.id = id;
    const items = el(style === 'ranked' ? 'ol' : 'ul', 'folio-related-items');
    (list.items == null ? [] : list.items).forEach((item, i) => {
      const itemPath = `${path}.items[${i}]`;
      const li = el('li', 'folio-related-item');
      if (style === 'ranked') {
        const rank = el('span', 'folio-rank', String(i + 1).padStart(2, '0'));
        rank.setAttribute('aria-hidden', 'true');
        li.append(rank, ' ');
      }
      if (style === 'video') {
        const image = resourceUrl(ctx, item.image);
        const length = duration(item.duration);
        const thumb = el('span', 'folio-thumb');
        if (image === null && length === null) thumb.setAttribute('aria-hidden', 'true');
        if (image !== null) {
          const img = el('img');
          img.setAttribute('src', image);
          img.setAttribute('alt', '');
          img.setAttribute('loading', 'lazy');
          img.setAttribute('decoding', 'async');
          img.setAttribute('width', '160');
          img.setAttribute('height', '90');
          thumb.append(img);
        }
        if (length !== null) {
          // The length as text for screen readers (an aria-label on a <span> is not read by all).
          const badge = el('span', 'folio-duration');
          const shown = el('span', null, length);
          shown.setAttribute('aria-hidden', 'true');
          badge.append(shown, wordsAttrs(ctx, el('span', 'folio-visually-hidden', fill(ctx.words.duration, 'n', length))));
          thumb.append(badge);
        }
        li.append(thumb);
      }
      const text = el('span', 'folio-related-text');
      const name = str(item.title, `${itemPath}.title`);
      const href = safeUrl(ctx, str(item.url, `${itemPath}.url`));
      const link = el(href !== null ? 'a' : 'span', 'folio-related-link', name);
      if (href !== null) link.setAttribute('href', href);
      text.append(link, ' ');
      const source = str(item.source, `${itemPath}.source`, true);
      const date = timestamp(item.datePublished, `${itemPath}.datePublished`, true);
      if (source !== null || date !== null) {
        const meta = el('span', 'folio-related-meta');
        if (source !== null) meta.append(el('span', 'folio-source', source));
        if (date !== null) meta.append(' ', timeStamp(ctx, date, false));
        text.append(meta);
      }
      li.append(text);
      items.append(li);
    });
    section.append(h2, items);
    const more = safeUrl(ctx, list.moreUrl);
    if (more !== null) {
      const p = el('p', 'folio-more');
      const a = wordsAttrs(ctx, el('a', null, ctx.words.seeMore));
      a.setAttribute('href', more);
      p.append(a);
      section.append(p);
    }
    return section;
  }

  function comments(ctx, c) {
    const words = ctx.words;
    const count = c.count;
    if (!Number.isInteger(count) || count < 0) throw new DocError('comments.count', `${count} is not a count: expected a whole number of 0 or more`);
    const items = c.items == null ? [] : c.items;
    const id = `${ctx.idPrefix}-comments`;
    const section = el('section', 'folio-comments');
    section.setAttribute('aria-labelledby', id);
    const h2 = el('h2', 'folio-comments-title');
    h2.id = id;
    uiText(ctx, h2, words.comments);
    h2.append(' ', wordsAttrs(ctx, el('span', 'folio-comment-count', count === 1 ? words.commentOne : fill(words.commentOther, 'n', String(count)))));
    section.append(h2);
    if (count === 0 && items.length === 0) {
      section.append(wordsAttrs(ctx, el('p', 'folio-comments-empty', words.noComments)));
    } else {
      const ol = el('ol', 'folio-comment-list');
      items.forEach((comment, i) => {
        const li = el('li', 'folio-comment');
        const meta = el('p', 'folio-comment-meta');
        meta.append(el('span', 'folio-comment-author', str(comment.author, `comments.items[${i}].author`)));
        const date = timestamp(comment.datePublished, `comments.items[${i}].datePublished`, true);
        if (date !== null) meta.append(' ', timeStamp(ctx, date, true));
        li.append(meta, el('p', 'folio-comment-text', str(comment.text, `comments.items[${i}].text`)));
        ol.append(li);
      });
      section.append(ol);
    }
    const href = safeUrl(ctx, c.url);
    if (href !== null) {
      const p = el('p', 'folio-more');
      const a = wordsAttrs(ctx, el('a', null, words.joinDiscussion));
      a.setAttribute('href', href);
      p.append(a);
      section.append(p);
    }
    return section;
  }

  function article(doc, mount) {
    if (!isObject(doc)) throw new DocError('', 'the document root must be an object (an article)');
    if (doc.version != null && doc.version !== 1) throw new DocError('version', `unsupported version ${doc.version}`);
    const headline = str(doc.headline, 'headline');
    if (headline.trim() === '') throw new DocError('headline', 'the headline is blank; an article needs a headline');
    if (!Array.isArray(doc.body)) throw new DocError('body', doc.body == null ? 'missing field `body`' : 'expected a list of blocks');
    const options = mount.options;
    const lang = (typeof doc.lang === 'string' && doc.lang.trim() !== '' ? doc.lang : null) || options.lang || 'en';
    const words = wordsFor(lang);
    const lists = Array.isArray(doc.lists) ? doc.lists : [];
    const ctx = {
      lang, words, headline,
      // UI words from another language's table (English in a French article) are marked with it.
      wordsLang: primaryLanguage(words.lang) !== primaryLanguage(lang) ? words.lang : null,
      wordsDir: direction(words.lang) !== direction(lang) ? direction(words.lang) : null,
      zone: typeof doc.timeZone === 'string' ? doc.timeZone : options.timeZone,
      published: timestamp(doc.datePublished, 'datePublished'),
      now: mount.frozen != null ? mount.frozen : Date.now(),
      base: options.base || null, idPrefix: mount.idPrefix, relatives: mount.relatives,
      // The outline, filled while the body is built: headings with their ids (never one the
      // mount uses elsewhere), and the text read, for the reading time.
      headings: [], length: { cjk: 0, words: 0 }, dates: null,
      taken: new Set(['comments', 'contents', 'section', ...lists.map((_, i) => `list-${i}`)]),
    };
    const root = el('article', 'folio-article');
    root.setAttribute('lang', lang);
    root.setAttribute('dir', direction(lang));
    root.append(header(ctx, doc));
    if (doc.image != null) root.append(figure(ctx, doc.image, true, 'image'));
    // The blocks in parts of 32, each a <div class="folio-body-part">, as Folio writes them.
    const body = el('div', 'folio-body');
    let part = null;
    let inPart = 0;
    for (let i = 0; i < doc.body.length; i++) {
      const node = block(ctx, doc.body[i], `body[${i}]`);
      if (node === null) continue;
      if (inPart === 0) body.append(part = el('div', 'folio-body-part'));
      part.append(node);
      inPart = (inPart + 1) % 32;
    }
    const minutes = readingMinutes(ctx.length);
    if (minutes > 0) ctx.dates.append(' ', wordsAttrs(ctx, el('span', 'folio-reading-time', fill(words.readingTime, 'n', String(minutes)))));
    if (showsContents(options.contents, ctx.headings, minutes)) root.append(tableOfContents(ctx));
    root.append(body);
    const foot = footer(ctx, doc);
    if (foot !== null) root.append(foot);
    (doc.lists == null ? [] : doc.lists).forEach((list, i) => root.append(relatedList(ctx, list, i)));
    if (doc.comments != null) root.append(comments(ctx, doc.comments));
    return root;
  }

  function errorBox(mount, error) {
    const words = wordsFor(mount.options.lang || 'en');
    const box = el('div', 'folio-error');
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', words.lang);
    box.setAttribute('dir', direction(words.lang));
    const title = el('p', 'folio-error-title');
    title.append(el('strong', null, words.errorTitle));
    box.append(title);
    if (error.path) box.append(el('p', 'folio-error-detail', fill(words.errorAt, 'path', error.path)));
    box.append(el('p', 'folio-error-detail', error.message));
    return box;
  }

  // ------------------------------------------------------------------ the API

  const mounts = new WeakMap();
  let nextMount = 1;

  function dispatch(target, name, detail) {
    target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  function readNow(now) {
    if (typeof now === 'number' && Number.isFinite(now)) return now;
    if (typeof now === 'string') { try { return timestamp(now, 'now').ms; } catch { /* the clock */ } }
    return null;
  }

  function render(target, input, options) {
    if (!(target instanceof Element)) throw new TypeError('vanilla.render: the first argument must be an Element');
    mounts.get(target)?.destroy();
    const opts = options || {};
    const mount = {
      options: {
        lang: typeof opts.lang === 'string' && opts.lang.trim() !== '' ? opts.lang : null,
        timeZone: typeof opts.timeZone === 'string' && opts.timeZone.trim() !== '' ? opts.timeZone : null,
        base: opts.base,
        contents: contentsMode(opts.toc),
      },
      frozen: readNow(opts.now), idPrefix: `vanilla${nextMount++}`, relatives: [], timer: null, destroyed: false,
    };

    function show(doc) {
      mount.relatives.length = 0;
      const fragment = document.createDocumentFragment();
      let failure = null;
      try {
        if (typeof doc === 'string') {
          try { doc = JSON.parse(doc); } catch (e) { throw new DocError('', e.message); }
        }
        fragment.append(article(doc, mount));
      } catch (e) {
        if (!(e instanceof DocError)) throw e;
        failure = e;
        mount.relatives.length = 0;
        fragment.replaceChildren(errorBox(mount, e));
      }
      target.replaceChildren(fragment);
      if (mount.frozen == null && mount.timer === null) {
        // Relative times stay current, like Folio's use_now (every 30 s).
        mount.timer = setInterval(() => {
          const ctx = { now: Date.now(), lang: target.firstElementChild?.getAttribute('lang') || 'en' };
          for (const [span, ms] of mount.relatives) span.textContent = relativeText(ctx, ms);
        }, 30000);
      }
      queueMicrotask(() => {
        if (mount.destroyed) return;
        if (failure) dispatch(target, 'vanilla:error', { message: failure.message, path: failure.path });
        else dispatch(target, 'vanilla:rendered', undefined);
      });
    }

    const handle = {
      update(doc) {
        if (!mount.destroyed) show(doc);
      },
      destroy() {
        if (mount.destroyed) return;
        mount.destroyed = true;
        clearInterval(mount.timer);
        mount.relatives.length = 0;
        target.textContent = '';
        if (mounts.get(target) === handle) mounts.delete(target);
      },
    };
    mounts.set(target, handle);
    show(input);
    return handle;
  }

  window.vanilla = { render, sanitize };
}());
