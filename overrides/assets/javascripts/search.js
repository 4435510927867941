/*
 * Site search: exact Chinese substring search over the static index in search/
 * (written at build time by builder/search; builder/search/query.py is the same
 * algorithm in Python, and the tests hold the two to the same answers).
 *
 * A query is split at whitespace; every term must occur in an article.  Terms are
 * folded as the index folded the text (full-width → half-width, traditional →
 * simplified, lower case, whitespace removed) with the table in meta.json.  A term
 * of 1–3 UTF-16 units is looked up as a gram; a longer one is proved by a chain of
 * 4-unit grams at offsets 0, 4, 8, … and L − 4 occurring at matching positions.
 * Only the shards of the query's grams are fetched, and the records of the results
 * shown.  Results: terms in the heading first, then the share of the text the
 * matches cover, then newest first.
 *
 * Everything from the index reaches the page through textContent: no HTML is built
 * from data.  Nothing is loaded from other hosts.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var EXCERPT_BEFORE = 30;    // characters of context before the first match
  var EXCERPT_LENGTH = 110;

  var root = document.querySelector("[data-site-search]");
  if (!root || !window.fetch || !window.Promise) return;
  var indexBase = new URL(root.getAttribute("data-index"), location.href);
  var siteBase = new URL("../", indexBase);
  var input = root.querySelector("[data-search-input]");
  var toggle = document.getElementById("__search");
  var headerView = {
    meta: root.querySelector("[data-search-meta]"),
    list: root.querySelector("[data-search-list]"),
  };
  var pageContainer = document.querySelector("[data-search-page]");

  /* ------------------------------------------------------------ loading */

  var files = new Map();

  function load(path, kind) {
    if (!files.has(path)) {
      files.set(path, fetch(new URL(path, indexBase).href).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return kind === "json" ? response.json() : response.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      }));
    }
    return files.get(path);
  }

  function Reader(bytes, offset) {
    this.bytes = bytes;
    this.offset = offset || 0;
  }
  Reader.prototype.next = function () {
    var value = 0, scale = 1, byte;
    do {
      byte = this.bytes[this.offset++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  };
  Reader.prototype.running = function (count) {
    var out = new Array(count), total = 0;
    for (var i = 0; i < count; i++) { total += this.next(); out[i] = total; }
    return out;
  };
  Reader.prototype.many = function (count) {
    var out = new Array(count);
    for (var i = 0; i < count; i++) out[i] = this.next();
    return out;
  };

  var indexPromise = null;

  function openIndex() {
    if (!indexPromise) {
      indexPromise = Promise.all([load("meta.json", "json"), load("docs.bin")]).then(function (loaded) {
        var meta = loaded[0];
        var table = new Reader(loaded[1]).many(2 * meta.docs);
        var fold = new Map(), sources = Array.from(meta.fold[0]), targets = Array.from(meta.fold[1]);
        for (var i = 0; i < sources.length; i++) fold.set(sources[i], targets[i]);
        return {
          meta: meta,
          lengths: table.filter(function (_, i) { return i % 2 === 0; }),
          headingLengths: table.filter(function (_, i) { return i % 2 === 1; }),
          fold: fold,
          drop: new Set(Array.from(meta.drop)),
          space: new Set(Array.from(meta.space)),
          shards: new Map(),
        };
      });
      indexPromise.catch(function () { indexPromise = null; });   // a failed load may be retried
    }
    return indexPromise;
  }

  /* ------------------------------------------------------------ folding */

  function fold(index, text) {
    var out = "";
    for (var ch of text) {
      if (index.drop.has(ch)) continue;
      var folded = index.fold.get(ch);
      out += folded === undefined ? ch : folded;
    }
    return out;
  }

  /* Terms of a query: split at whitespace, folded, empty and repeated ones dropped. */
  function queryTerms(index, query) {
    var terms = [], piece = "";
    for (var ch of query + " ") {
      if (index.space.has(ch)) {
        var term = fold(index, piece);
        if (term && terms.indexOf(term) < 0) terms.push(term);
        piece = "";
      } else {
        piece += ch;
      }
    }
    return terms;
  }

  /* The text folded, with where each folded unit came from in the original. */
  function foldWithMap(index, text) {
    var folded = "", from = [], to = [], at = 0;
    for (var ch of text) {
      if (!index.drop.has(ch)) {
        var f = index.fold.get(ch);
        if (f === undefined) f = ch;
        for (var k = 0; k < f.length; k++) { from.push(at); to.push(at + ch.length); }
        folded += f;
      }
      at += ch.length;
    }
    return { text: folded, from: from, to: to };
  }

  /* ------------------------------------------------------------ the index */

  function fnv1a(gram) {
    var h = 0x811c9dc5;
    for (var i = 0; i < gram.length; i++) {
      h ^= gram.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h;
  }

  /* A shard: for each gram length in turn, the keys, their references, the payloads stored here. */
  function shard(index, number) {
    if (!index.shards.has(number)) {
      index.shards.set(number, load("s/" + number + ".bin").then(function (bytes) {
        var reader = new Reader(bytes), grams = new Map();
        for (var n = 1; n <= index.meta.gram; n++) {
          var count = reader.next(), keys = new Array(count);
          for (var i = 0; i < count; i++) {
            var key = "";
            for (var j = 0; j < 2 * n; j += 2) {
              key += String.fromCharCode(bytes[reader.offset + j] | (bytes[reader.offset + j + 1] << 8));
            }
            reader.offset += 2 * n;
            keys[i] = key;
          }
          var references = reader.many(count);
          for (i = 0; i < count; i++) {
            var reference = references[i];
            if (reference % 2 === 1) {
              grams.set(keys[i], (reference - 1) / 2);     // a large payload in a file of its own
            } else {
              grams.set(keys[i], bytes.subarray(reader.offset, reader.offset + reference / 2));
              reader.offset += reference / 2;
            }
          }
        }
        return grams;
      }));
    }
    return index.shards.get(number);
  }

  function payload(index, gram) {
    // the hash scaled onto the shard count (exact in doubles: below 2^52)
    return shard(index, Math.floor(fnv1a(gram) * index.meta.shards / 4294967296)).then(function (grams) {
      var found = grams.get(gram);
      if (found === undefined) return null;
      return typeof found === "number" ? load("x/" + found + ".bin") : found;
    });
  }

  /* Documents holding a term of 1–3 units: Map doc → {count, heading}. */
  function shortTerm(index, term) {
    return payload(index, term).then(function (data) {
      var found = new Map();
      if (!data) return found;
      var reader = new Reader(data), count = reader.next();
      var docs = reader.running(count), counts = reader.many(count);
      var heading = new Set(reader.running(reader.next()));
      for (var i = 0; i < count; i++) found.set(docs[i], { count: counts[i], heading: heading.has(docs[i]) });
      return found;
    });
  }

  /* Where a 4-gram occurs: Map doc → positions.  Per occurrence: document gap (0: same document), position. */
  function positions(index, gram) {
    return payload(index, gram).then(function (data) {
      var found = new Map();
      if (!data) return found;
      var reader = new Reader(data), count = reader.next(), doc = -1, position = 0, list = null;
      for (var i = 0; i < count; i++) {
        var docGap = reader.next(), value = reader.next();
        if (docGap || doc < 0) {
          doc = doc < 0 ? docGap : doc + docGap;
          position = value;
          list = [position];
          found.set(doc, list);
        } else {
          position += value;
          list.push(position);
        }
      }
      return found;
    });
  }

  function chainOffsets(length, gram) {
    var offsets = [];
    for (var o = 0; o <= length - gram; o += gram) offsets.push(o);
    if (offsets[offsets.length - 1] !== length - gram) offsets.push(length - gram);
    return offsets;
  }

  /* Documents holding a term of 4 or more units, proved by a chain of 4-gram positions. */
  function longTerm(index, term) {
    var gram = index.meta.gram, offsets = chainOffsets(term.length, gram);
    return Promise.all(offsets.map(function (o) { return positions(index, term.substr(o, gram)); })).then(function (chain) {
      var found = new Map();
      chain[0].forEach(function (first, doc) {
        var starts = first;
        for (var c = 1; c < chain.length && starts.length; c++) {
          var where = chain[c].get(doc);
          if (!where) { starts = []; break; }
          var at = new Set(where), offset = offsets[c];
          starts = starts.filter(function (p) { return at.has(p + offset); });
        }
        if (starts.length) {
          found.set(doc, { count: starts.length, heading: starts[0] < index.headingLengths[doc] });
        }
      });
      return found;
    });
  }

  /* Every document holding all the terms, best first: [{doc, heading, density}]. */
  function search(index, terms) {
    var gram = index.meta.gram;
    return Promise.all(terms.map(function (t) {
      return t.length < gram ? shortTerm(index, t) : longTerm(index, t);
    })).then(function (matches) {
      var hits = [];
      if (!matches.length) return hits;
      matches[0].forEach(function (_, doc) {
        if (!matches.every(function (m) { return m.has(doc); })) return;
        var density = 0, heading = 0;
        for (var i = 0; i < terms.length; i++) {
          var match = matches[i].get(doc);
          density += match.count * terms[i].length / index.lengths[doc];
          if (match.heading) heading += 1;
        }
        hits.push({ doc: doc, heading: heading, density: density });
      });
      hits.sort(function (a, b) { return b.heading - a.heading || b.density - a.density || a.doc - b.doc; });
      return hits;
    });
  }

  /* ------------------------------------------------------------ excerpts */

  /* Spans [start, end) of the original text where a term occurs (merged where they overlap). */
  function matchSpans(index, text, terms) {
    var folded = foldWithMap(index, text), spans = [];
    terms.forEach(function (term) {
      for (var at = folded.text.indexOf(term); at >= 0; at = folded.text.indexOf(term, at + 1)) {
        spans.push([folded.from[at], folded.to[at + term.length - 1]]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    spans.forEach(function (span) {
      var last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push(span.slice());
    });
    return merged;
  }

  /* Append text to an element, the spans wrapped in <mark>; only text nodes are made from data. */
  function appendMarked(element, text, spans, offset) {
    var at = 0;
    spans.forEach(function (span) {
      var start = Math.max(span[0] - offset, at), end = Math.min(span[1] - offset, text.length);
      if (end <= start) return;
      element.appendChild(document.createTextNode(text.slice(at, start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      element.appendChild(mark);
      at = end;
    });
    element.appendChild(document.createTextNode(text.slice(at)));
  }

  /* The passage to quote: the first body segment with a match; else (the match is in the
     heading, which is shown already) the beginning of the body. */
  function excerpt(index, record, terms) {
    var body = record.s.slice(record.h);
    for (var i = 0; i < body.length; i++) {
      var spans = matchSpans(index, body[i], terms);
      if (spans.length) return cut(body[i], spans);
    }
    return cut(body[0] || "", []);
  }

  function cut(text, spans) {
    var start = spans.length ? Math.max(0, spans[0][0] - EXCERPT_BEFORE) : 0;
    var end = Math.min(text.length, start + EXCERPT_LENGTH);
    if (end - start < EXCERPT_LENGTH) start = Math.max(0, end - EXCERPT_LENGTH);
    return { text: text.slice(start, end), spans: spans, offset: start, before: start > 0, after: end < text.length };
  }

  /* ------------------------------------------------------------ rendering */

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function articleURL(record, index, terms) {
    var target = new URL(record.u, siteBase);
    if (target.origin !== siteBase.origin) return siteBase.href;     // only pages of this site
    var url = target.href;
    // a text fragment: the browser scrolls to and highlights the first match on the article page
    var spans = [];
    for (var i = record.h; i < record.s.length && !spans.length; i++) {
      spans = matchSpans(index, record.s[i], terms);
      if (spans.length) return url + "#:~:text=" + encodeURIComponent(record.s[i].slice(spans[0][0], spans[0][1]));
    }
    return url;
  }

  function resultItem(index, record, terms) {
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = articleURL(record, index, terms);
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    var title = element("h1");
    appendMarked(title, record.t, matchSpans(index, record.t, terms), 0);
    article.appendChild(title);
    var facts = [record.d, record.c, (record.r || []).join("、")].filter(Boolean).join(" · ");
    if (facts) {
      var line = element("p", "site-search__meta");
      appendMarked(line, facts, matchSpans(index, facts, terms), 0);    // a column match shows here
      article.appendChild(line);
    }
    var quote = excerpt(index, record, terms), paragraph = element("p");
    if (quote.before) paragraph.appendChild(document.createTextNode("…"));
    appendMarked(paragraph, quote.text, quote.spans, quote.offset);
    if (quote.after) paragraph.appendChild(document.createTextNode("…"));
    article.appendChild(paragraph);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  var generation = 0;    // a newer query makes older answers stale

  function showMore(view, index, hits, terms, shown, mine) {
    var batch = hits.slice(shown, shown + PAGE_SIZE);
    return Promise.all(batch.map(function (hit) { return load("a/" + hit.doc + ".json", "json"); })).then(function (records) {
      if (mine !== generation) return;
      var old = view.list.querySelector(".site-search__more-item");
      if (old) old.remove();
      records.forEach(function (record) { view.list.appendChild(resultItem(index, record, terms)); });
      var next = shown + batch.length;
      if (next < hits.length) {
        var item = element("li", "site-search__more-item");
        var button = element("button", "site-search__more", "显示更多（还有 " + (hits.length - next) + " 篇）");
        button.type = "button";
        button.addEventListener("click", function () { showMore(view, index, hits, terms, next, mine); });
        item.appendChild(button);
        view.list.appendChild(item);
      }
    });
  }

  function run(view, query) {
    var mine = ++generation;
    if (!query.trim()) {
      view.meta.textContent = "输入词语，搜索全部文章";
      clear(view.list);
      return Promise.resolve();
    }
    view.meta.textContent = "正在搜索…";
    return openIndex().then(function (index) {
      var terms = queryTerms(index, query);
      if (!terms.length) {                        // only spaces or invisible characters
        view.meta.textContent = "输入词语，搜索全部文章";
        clear(view.list);
        return;
      }
      return search(index, terms).then(function (hits) {
        if (mine !== generation) return;
        clear(view.list);
        view.list.setAttribute("data-count", String(hits.length));
        view.meta.textContent = hits.length
          ? "找到 " + hits.length + " 篇文章"
          : "没有找到包含“" + terms.join(" ") + "”的文章";
        return showMore(view, index, hits, terms, 0, mine);
      });
    }).catch(function () {
      if (mine === generation) view.meta.textContent = "搜索暂时不可用，请稍后再试";
    });
  }

  /* ------------------------------------------------------------ the header box */

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  var timer = 0;
  function scheduled() {
    clearTimeout(timer);
    timer = setTimeout(function () { run(headerView, input.value); }, 120);
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function (event) {
    if (!event.isComposing) scheduled();     // wait for the input method to finish a word
  });
  input.addEventListener("compositionend", scheduled);
  root.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { run(headerView, ""); input.focus(); }, 0);
  });
  root.querySelector("form").addEventListener("submit", function (event) {
    var selected = headerView.list.querySelector("[aria-selected=true]") ||
      headerView.list.querySelector(".md-search-result__link");
    if (selected) {
      event.preventDefault();
      location.href = selected.href;
    }
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
    });
  }

  function links() {
    return Array.prototype.slice.call(headerView.list.querySelectorAll(".md-search-result__link"));
  }

  function select(step) {
    var all = links();
    if (!all.length) return;
    var now = all.findIndex(function (a) { return a.getAttribute("aria-selected") === "true"; });
    var next = Math.max(0, Math.min(all.length - 1, now + step));
    all.forEach(function (a) { a.removeAttribute("aria-selected"); });
    all[next].setAttribute("aria-selected", "true");
    all[next].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    var searching = toggle ? toggle.checked : document.activeElement === input;
    if (searching) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "ArrowDown") { event.preventDefault(); select(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(-1); }
      return;
    }
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      open();
      input.focus();
    }
  });

  /* ------------------------------------------------------------ ?q= (search page and shared links) */

  var initial = new URLSearchParams(location.search).get("q");
  if (pageContainer) {
    var pageView = {
      meta: pageContainer.querySelector("[data-search-meta]"),
      list: pageContainer.querySelector("[data-search-list]"),
    };
    if (initial) {
      input.value = initial;
      var pageInput = document.querySelector("[data-search-page-input]");
      if (pageInput) pageInput.value = initial;
      run(pageView, initial);
    }
  } else if (initial) {
    input.value = initial;
    open();
    run(headerView, initial);
  }

  // the ranked document numbers of a query, without the page: for tests and measurements
  window.siteSearch = {
    query: function (query) {
      return openIndex().then(function (index) {
        return search(index, queryTerms(index, query)).then(function (hits) {
          return hits.map(function (hit) { return hit.doc; });
        });
      });
    },
  };
})();
