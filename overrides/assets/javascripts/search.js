/*
 * Site search: exact Chinese substring search over the static index in search/
 * (written at build time by builder/search; builder/search/query.py is the same
 * algorithm in Python, and the tests hold the two to the same answers).
 *
 * A query is split at whitespace and at clause marks (，、；：。！？ and their ASCII
 * forms); every term must occur in an article.  Terms are folded as the index folded
 * the text (full-width → half-width, traditional → simplified, lower case; spaces,
 * quotation marks, brackets, dashes and middle dots dropped; clause marks become a
 * boundary no match spans) with the tables in meta.json.  A term of 1–3 UTF-16 units
 * is looked up as a gram; a longer one is proved by a chain of 4-unit grams at
 * offsets 0, 4, 8, … and L − 4 occurring at matching positions.  Only the shards of
 * the query's grams are fetched, and the records of the results shown.  Results:
 * terms in the heading first, then the share of the text the matches cover, then
 * newest first.  The search page (search/) also filters by theme, district and year
 * (facets.bin, fetched by that page only) and can order by date; its URL carries
 * the state: ?q=…&theme=…&district=…&year=…&sort=date.  When nothing matches, the
 * longest parts of the query that some article holds are offered, with counts.
 *
 * Every word shown comes from the index (meta.json "ui", from the search: block of
 * builder/data/site.yaml) or from the page's own markup; none is written here.
 *
 * Everything from the index reaches the page through textContent: no HTML is built
 * from data.  Nothing is loaded from other hosts.
 *
 * The first part (the engine) touches no DOM, so node can load this file for tests
 * (module.exports); the rest drives the header box and the search page.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var EXCERPT_BEFORE = 30;    // characters of context before the first match
  var EXCERPT_LENGTH = 110;
  var SUGGESTIONS = 5;        // as builder/search/query.py
  var MIN_SUGGESTION = 2;
  var FACETS = ["theme", "district", "year"];

  /* ============================================================ the engine (no DOM) */

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

  /* The fold tables of meta.json: mappings, dropped code point ranges, clause marks, whitespace. */
  function foldTables(meta) {
    var fold = new Map(), sources = Array.from(meta.fold[0]), targets = Array.from(meta.fold[1]);
    for (var i = 0; i < sources.length; i++) fold.set(sources[i], targets[i]);
    var drop = new Set(), ranges = Array.from(meta.drop);
    for (i = 0; i < ranges.length; i += 2) {
      for (var cp = ranges[i].codePointAt(0); cp <= ranges[i + 1].codePointAt(0); cp++) drop.add(String.fromCodePoint(cp));
    }
    var marks = Array.from(meta.boundary);
    return { fold: fold, drop: drop, boundary: marks[0], marks: new Set(marks), space: new Set(Array.from(meta.space)) };
  }

  /* One character folded: "" when dropped, the boundary for a clause mark. */
  function foldChar(tables, ch) {
    if (tables.drop.has(ch)) return "";
    if (tables.marks.has(ch)) return tables.boundary;
    var folded = tables.fold.get(ch);
    return folded === undefined ? ch : folded;
  }

  function fold(tables, text) {
    var out = "";
    for (var ch of text) out += foldChar(tables, ch);
    return out;
  }

  /* Terms of a query: split at whitespace and clause marks, folded, empty and repeated ones dropped. */
  function queryTerms(tables, query) {
    var terms = [], piece = "";
    for (var ch of query + " ") {
      var folded = tables.space.has(ch) ? tables.boundary : foldChar(tables, ch);
      if (folded === tables.boundary) {
        if (piece && terms.indexOf(piece) < 0) terms.push(piece);
        piece = "";
      } else {
        piece += folded;
      }
    }
    return terms;
  }

  /* The text folded, with where each folded unit came from in the original. */
  function foldWithMap(tables, text) {
    var folded = "", from = [], to = [], at = 0;
    for (var ch of text) {
      var f = foldChar(tables, ch);
      for (var k = 0; k < f.length; k++) { from.push(at); to.push(at + ch.length); }
      folded += f;
      at += ch.length;
    }
    return { text: folded, from: from, to: to };
  }

  function fnv1a(gram) {
    var h = 0x811c9dc5;
    for (var i = 0; i < gram.length; i++) {
      h ^= gram.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h;
  }

  function chainOffsets(length, gram) {
    var offsets = [];
    for (var o = 0; o <= length - gram; o += gram) offsets.push(o);
    if (offsets[offsets.length - 1] !== length - gram) offsets.push(length - gram);
    return offsets;
  }

  /* Rank order: terms in the heading, then density, then newest first (document number). */
  function byRank(a, b) {
    return b.heading - a.heading || b.density - a.density || a.doc - b.doc;
  }

  /* facets.bin: names, year runs, per document its theme and district codes (builder/search/index.py). */
  function parseFacets(bytes) {
    var reader = new Reader(bytes), decoder = new TextDecoder("utf-8");
    function names() {
      var out = [], count = reader.next();
      for (var i = 0; i < count; i++) {
        var length = reader.next();
        out.push(decoder.decode(bytes.subarray(reader.offset, reader.offset + length)));
        reader.offset += length;
      }
      return out;
    }
    var facets = { theme: names(), district: names(), docYear: [], docTheme: [], docDistrict: [] };
    for (var runs = reader.next(), r = 0; r < runs; r++) {
      var year = reader.next(), length = reader.next();
      for (var k = 0; k < length; k++) facets.docYear.push(year);
    }
    for (var doc = 0; doc < facets.docYear.length; doc++) {
      facets.docTheme.push(reader.many(reader.next()));
      facets.docDistrict.push(reader.many(reader.next()));
    }
    return facets;
  }

  /* A document's values of one facet, as names (a year as its digits; none when undated). */
  function facetValues(facets, doc, facet) {
    if (facet === "year") return facets.docYear[doc] ? [String(facets.docYear[doc])] : [];
    var codes = facet === "theme" ? facets.docTheme[doc] : facets.docDistrict[doc];
    return codes.map(function (c) { return facets[facet][c]; });
  }

  /* Whether a document has every filtered value (skip: one facet not to check). */
  function passes(facets, doc, filters, skip) {
    return FACETS.every(function (f) {
      return f === skip || !filters[f] || facetValues(facets, doc, f).indexOf(filters[f]) >= 0;
    });
  }

  /* The hits the results page lists: those passing the filters, best first or (sort "date") newest first. */
  function arrange(hits, facets, filters, sort) {
    var kept = hits.filter(function (h) { return !facets || passes(facets, h.doc, filters); });
    return sort === "date" ? kept.sort(function (a, b) { return a.doc - b.doc; }) : kept;
  }

  /* Per facet, per value: how many hits have it and pass the other filters (what choosing it would show). */
  function facetCounts(facets, hits, filters) {
    var out = {};
    FACETS.forEach(function (facet) {
      var counts = new Map();
      hits.forEach(function (h) {
        if (!passes(facets, h.doc, filters, facet)) return;
        facetValues(facets, h.doc, facet).forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
      });
      out[facet] = counts;
    });
    return out;
  }

  /* A term's longest sub-phrases (itself included) some document holds: Promise of [[phrase, count]].
     count(phrase) is a Promise of the number of documents holding it.  Cut at characters, longest first. */
  function longestParts(term, count) {
    var chars = Array.from(term);
    function at(length) {
      if (length < Math.min(MIN_SUGGESTION, chars.length)) return Promise.resolve([]);
      var phrases = [];
      for (var start = 0; start + length <= chars.length; start++) {
        var phrase = chars.slice(start, start + length).join("");
        if (phrases.indexOf(phrase) < 0) phrases.push(phrase);
      }
      return Promise.all(phrases.map(count)).then(function (counts) {
        var found = [];
        phrases.forEach(function (p, i) { if (counts[i]) found.push([p, counts[i]]); });
        return found.length ? found : at(length - 1);
      });
    }
    return at(chars.length);
  }

  /* Every term's longest parts: longest first, then most articles, then as they came; at most SUGGESTIONS. */
  function rankSuggestions(terms, count) {
    return terms.reduce(function (done, term) {
      return done.then(function (found) {
        return longestParts(term, count).then(function (parts) {
          parts.forEach(function (part) {
            if (!found.some(function (f) { return f[0] === part[0]; })) found.push(part);
          });
          return found;
        });
      });
    }, Promise.resolve([])).then(function (found) {
      var order = found.map(function (_, i) { return i; });
      order.sort(function (a, b) {
        return Array.from(found[b][0]).length - Array.from(found[a][0]).length || found[b][1] - found[a][1] || a - b;
      });
      return order.slice(0, SUGGESTIONS).map(function (i) { return found[i]; });
    });
  }

  /* A text of meta.json "ui" with its {name} fields filled in (as builder/search/texts.py fill). */
  function fill(template, values) {
    return Object.keys(values).reduce(function (text, name) {
      return text.split("{" + name + "}").join(String(values[name]));
    }, template || "");
  }

  var engine = {
    Reader: Reader, foldTables: foldTables, fold: fold, queryTerms: queryTerms, foldWithMap: foldWithMap,
    fnv1a: fnv1a, chainOffsets: chainOffsets, parseFacets: parseFacets, arrange: arrange,
    facetCounts: facetCounts, longestParts: longestParts, rankSuggestions: rankSuggestions, fill: fill,
  };
  if (typeof module === "object" && module.exports) {      // node, for the tests
    module.exports = engine;
    return;
  }

  /* ============================================================ loading the index */

  var root = document.querySelector("[data-site-search]");
  if (!root || !window.fetch || !window.Promise) return;
  var indexBase = new URL(root.getAttribute("data-index"), location.href);
  var siteBase = new URL("../", indexBase);
  var input = root.querySelector("[data-search-input]");
  var toggle = document.getElementById("__search");
  var headerView = {
    meta: root.querySelector("[data-search-meta]"),
    list: root.querySelector("[data-search-list]"),
    header: true,
  };
  headerView.prompt = headerView.meta.textContent;          // the partial's words, restored when the box is cleared
  var unavailable = root.getAttribute("data-unavailable") || "";
  var pageContainer = document.querySelector("[data-search-page]");

  var files = new Map();
  var ownSource = document.currentScript && document.currentScript.src;
  var fallbackInflater = null;

  /* Every index file but meta.json is gzip (builder/search/index.py, packed): the browser's own
     DecompressionStream inflates it, or, in a browser without one, fflate (the bundled
     fflate.js beside this file, loaded only then). */
  function inflated(response) {
    if (window.DecompressionStream && response.body && response.body.pipeThrough) {
      return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()
        .then(function (b) { return new Uint8Array(b); });
    }
    return Promise.all([response.arrayBuffer(), withFflate()]).then(function (both) {
      return both[1].gunzipSync(new Uint8Array(both[0]));
    });
  }

  function withFflate() {
    if (!fallbackInflater) {
      fallbackInflater = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("fflate.js", ownSource || location.href).href;
        script.onload = function () { window.fflate ? resolve(window.fflate) : reject(new Error("fflate")); };
        script.onerror = function () { reject(new Error("fflate")); };
        document.head.appendChild(script);
      });
      fallbackInflater.catch(function () { fallbackInflater = null; });
    }
    return fallbackInflater;
  }

  /* kind: "json" (meta.json, stored as it is), "record" (gzip of JSON), else gzip of bytes. */
  function load(path, kind) {
    if (!files.has(path)) {
      var loading = fetch(new URL(path, indexBase).href).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        if (kind === "json") return response.json();
        return inflated(response).then(function (bytes) {
          return kind === "record" ? JSON.parse(new TextDecoder().decode(bytes)) : bytes;
        });
      });
      loading.catch(function () { files.delete(path); });      // a failed load may be retried
      files.set(path, loading);
    }
    return files.get(path);
  }

  var indexPromise = null;

  function openIndex() {
    if (!indexPromise) {
      indexPromise = Promise.all([load("meta.json", "json"), load("docs.bin")]).then(function (loaded) {
        var meta = loaded[0];
        var table = new Reader(loaded[1]).many(2 * meta.docs);
        return {
          meta: meta,
          ui: meta.ui || {},
          lengths: table.filter(function (_, i) { return i % 2 === 0; }),
          headingLengths: table.filter(function (_, i) { return i % 2 === 1; }),
          tables: foldTables(meta),
          shards: new Map(),
          terms: new Map(),
          facets: null,
        };
      });
      indexPromise.catch(function () { indexPromise = null; });
    }
    return indexPromise;
  }

  function loadFacets(index) {
    if (!index.facets) {
      index.facets = load("facets.bin").then(parseFacets);
      index.facets.catch(function () { index.facets = null; });
    }
    return index.facets;
  }

  /* ------------------------------------------------------------ the index */

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

  /* Documents holding a folded term (remembered: suggestions ask for overlapping phrases). */
  function termMatches(index, term) {
    if (!index.terms.has(term)) {
      index.terms.set(term, term.length < index.meta.gram ? shortTerm(index, term) : longTerm(index, term));
    }
    return index.terms.get(term);
  }

  /* Every document holding all the terms, best first: [{doc, heading, density}]. */
  function search(index, terms) {
    return Promise.all(terms.map(function (t) { return termMatches(index, t); })).then(function (matches) {
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
      return hits.sort(byRank);
    });
  }

  function suggest(index, terms) {
    return rankSuggestions(terms, function (phrase) {
      return termMatches(index, phrase).then(function (m) { return m.size; });
    });
  }

  /* ------------------------------------------------------------ excerpts */

  /* Spans [start, end) of the original text where a term occurs (merged where they overlap). */
  function matchSpans(index, text, terms) {
    var folded = foldWithMap(index.tables, text), spans = [];
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

  /* A date as the site prints it, at its precision: 2023-06-30 → 2023年6月30日, 2023-12 → 2023年12月. */
  function siteDate(iso) {
    var parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso || "");
    if (!parts) return iso || "";
    return parts[1] + "年" + (parts[2] ? +parts[2] + "月" : "") + (parts[3] ? +parts[3] + "日" : "");
  }

  function resultItem(index, record, terms) {
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = articleURL(record, index, terms);
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    // h2: the results page has its own h1, and a result is one of many below it
    var title = element("h2", "site-search__title");
    appendMarked(title, record.t, matchSpans(index, record.t, terms), 0);
    article.appendChild(title);
    var facts = [siteDate(record.d), record.c, (record.r || []).join("、")].filter(Boolean).join(" · ");
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

  /* The search page's URL for a state (empty values left out, so links stay short). */
  function pageURL(state) {
    var url = new URL("./", indexBase), params = new URLSearchParams();
    if (state.query) params.set("q", state.query);
    FACETS.forEach(function (f) { if (state.filters && state.filters[f]) params.set(f, state.filters[f]); });
    if (state.sort === "date") params.set("sort", "date");
    url.search = params.toString();
    return url.href;
  }

  /* The status line: a sentence, then (optionally) links that run other searches. */
  function status(view, text, hint, links) {
    clear(view.meta);
    view.meta.appendChild(element("span", "site-search__status", text));
    if (!hint && !(links && links.length)) return;
    var line = element("span", "site-search__suggest");
    if (hint) line.appendChild(element("span", "site-search__suggest-label", hint));
    (links || []).forEach(function (link) {
      var a = element("a", "site-search__suggestion", link.text);
      a.href = link.href;
      a.addEventListener("click", function (event) {
        if (event.button || event.metaKey || event.ctrlKey || event.shiftKey) return;   // a new tab: the URL does it
        event.preventDefault();
        link.run();
      });
      line.appendChild(a);
    });
    view.meta.appendChild(line);
  }

  /* Nothing matched at all: say so, and offer the query's longest parts that do match. */
  function noResults(view, index, terms, query, state, mine) {
    var ui = index.ui;
    status(view, fill(ui.none, { query: query }));
    return suggest(index, terms).then(function (found) {
      if (mine !== generation) return;
      var links = found.map(function (pair) {
        var next = { query: pair[0], filters: {}, sort: state.sort };
        return {
          text: fill(ui.suggestion, { phrase: pair[0], count: pair[1] }),
          href: pageURL(next),
          run: function () { view.rerun(next); },
        };
      });
      status(view, fill(ui.none, { query: query }), links.length ? ui.suggest : ui.no_suggestion, links);
    });
  }

  var generation = 0;    // a newer query makes older answers stale

  function showMore(view, index, hits, terms, shown, mine) {
    var batch = hits.slice(shown, shown + PAGE_SIZE);
    return Promise.all(batch.map(function (hit) { return load("a/" + hit.doc + ".bin", "record"); })).then(function (records) {
      if (mine !== generation) return;
      var old = view.list.querySelector(".site-search__more-item");
      if (old) old.remove();
      records.forEach(function (record) { view.list.appendChild(resultItem(index, record, terms)); });
      var next = shown + batch.length;
      if (next < hits.length) {
        var item = element("li", "site-search__more-item");
        var button = element("button", "site-search__more", fill(index.ui.more, { count: hits.length - next }));
        button.type = "button";
        button.addEventListener("click", function () { showMore(view, index, hits, terms, next, mine); });
        item.appendChild(button);
        view.list.appendChild(item);
      }
    });
  }

  /* Run a search into a view: the header box (no filters) or the search page (filters, order, URL). */
  function run(view, state) {
    var mine = ++generation, query = state.query.trim().replace(/\s+/g, " ");
    if (!query) {
      view.meta.textContent = view.prompt;
      clear(view.list);
      view.list.removeAttribute("data-count");
      if (view.filters) view.filters.hidden = true;
      return Promise.resolve();
    }
    return openIndex().then(function (index) {
      var terms = queryTerms(index.tables, query);
      if (!terms.length) {                        // only spaces, punctuation or invisible characters
        view.meta.textContent = view.prompt;
        clear(view.list);
        return;
      }
      if (mine === generation) view.meta.textContent = index.ui.searching;
      var facets = view.filters ? loadFacets(index) : Promise.resolve(null);
      return Promise.all([search(index, terms), facets]).then(function (found) {
        if (mine !== generation) return;
        var hits = found[0], shown = arrange(hits, found[1], state.filters || {}, state.sort);
        clear(view.list);
        view.list.setAttribute("data-count", String(shown.length));
        if (view.filters) {               // filters narrow results; with none at all they have nothing to offer
          if (hits.length) view.showFilters(index, found[1], hits, state);
          else view.filters.hidden = true;
        }
        if (!hits.length) return noResults(view, index, terms, query, state, mine);
        var filtered = shown.length !== hits.length;
        if (!shown.length) {
          var all = { query: state.query, filters: {}, sort: state.sort };
          status(view, fill(index.ui.none_filtered, { query: query }), "", [{
            text: fill(index.ui.unfiltered, { count: hits.length }), href: pageURL(all),
            run: function () { view.rerun(all); },
          }]);
          return;
        }
        status(view, filtered ? fill(index.ui.found_filtered, { count: shown.length, total: hits.length })
                              : fill(index.ui.found, { count: shown.length }));
        return showMore(view, index, shown, terms, 0, mine);
      });
    }).catch(function () {
      if (mine === generation) view.meta.textContent = unavailable;
    });
  }

  /* ------------------------------------------------------------ the header box */

  headerView.rerun = function (state) {
    input.value = state.query;
    run(headerView, { query: state.query });
    input.focus();
  };

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
    timer = setTimeout(function () { run(headerView, { query: input.value }); }, 120);
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function (event) {
    if (!event.isComposing) scheduled();     // wait for the input method to finish a word
  });
  input.addEventListener("compositionend", scheduled);
  root.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { run(headerView, { query: "" }); input.focus(); }, 0);
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

  /* ------------------------------------------------------------ the search page (?q=… and its filters) */

  function stateFromURL() {
    var params = new URLSearchParams(location.search), filters = {};
    FACETS.forEach(function (f) { filters[f] = params.get(f) || ""; });
    return { query: params.get("q") || "", filters: filters, sort: params.get("sort") === "date" ? "date" : "" };
  }

  /* The options of one filter: every value the index knows, with how many results choosing it shows. */
  function fillSelect(selectElement, index, values, counts, chosen) {
    var ui = index.ui, all = selectElement.options[0];
    clear(selectElement);
    selectElement.appendChild(all);
    if (chosen && values.indexOf(chosen) < 0) values = values.concat([chosen]);    // a linked value the index lacks
    values.forEach(function (value) {
      var count = counts.get(value) || 0;
      var name = selectElement.name === "year" ? fill(ui.year, { year: value }) : value;
      var option = element("option", "", fill(ui.option, { name: name, count: count }));
      option.value = value;
      option.disabled = !count && value !== chosen;
      selectElement.appendChild(option);
    });
    selectElement.value = chosen || "";
  }

  if (pageContainer) {
    var pageForm = document.querySelector("[data-search-page-form]");
    var pageInput = document.querySelector("[data-search-page-input]");
    var pageView = {
      meta: pageContainer.querySelector("[data-search-meta]"),
      list: pageContainer.querySelector("[data-search-list]"),
      filters: document.querySelector("[data-search-filters]"),
      state: stateFromURL(),
    };
    pageView.prompt = pageView.meta.textContent;
    var selects = pageView.filters ? Array.prototype.slice.call(pageView.filters.querySelectorAll("select")) : [];
    var clearLink = pageView.filters && pageView.filters.querySelector("[data-search-clear]");

    pageView.showFilters = function (index, facets, hits, state) {
      var counts = facetCounts(facets, hits, state.filters);
      var years = [];
      facets.docYear.forEach(function (y) { if (y && years.indexOf(String(y)) < 0) years.push(String(y)); });
      var values = { theme: facets.theme, district: facets.district, year: years };
      selects.forEach(function (s) {
        if (s.hasAttribute("data-filter")) fillSelect(s, index, values[s.name], counts[s.name], state.filters[s.name]);
        else s.value = state.sort;
      });
      var active = FACETS.some(function (f) { return state.filters[f]; });
      if (clearLink) {
        clearLink.hidden = !active;
        clearLink.href = pageURL({ query: state.query, filters: {}, sort: state.sort });
      }
      pageView.filters.hidden = false;
    };

    /* Show a state: the URL says it (push: a new history entry; else the current one is replaced). */
    pageView.rerun = function (state, push) {
      pageView.state = state;
      if (pageInput) pageInput.value = state.query;
      input.value = state.query;
      var url = pageURL(state);
      if (url !== location.href) history[push === false ? "replaceState" : "pushState"](null, "", url);
      return run(pageView, state);
    };

    selects.forEach(function (s) {
      s.addEventListener("change", function () {
        var state = { query: pageView.state.query, filters: Object.assign({}, pageView.state.filters), sort: pageView.state.sort };
        if (s.hasAttribute("data-filter")) state.filters[s.name] = s.value;
        else state.sort = s.value === "date" ? "date" : "";
        pageView.rerun(state, false);      // refining the same search: one history entry
      });
    });
    if (clearLink) {
      clearLink.addEventListener("click", function (event) {
        event.preventDefault();
        pageView.rerun({ query: pageView.state.query, filters: {}, sort: pageView.state.sort }, false);
      });
    }
    if (pageForm) {
      pageForm.addEventListener("submit", function (event) {
        event.preventDefault();
        pageView.rerun({ query: pageInput.value, filters: pageView.state.filters, sort: pageView.state.sort });
      });
    }
    window.addEventListener("popstate", function () {
      pageView.state = stateFromURL();
      if (pageInput) pageInput.value = pageView.state.query;
      run(pageView, pageView.state);
    });
    if (pageView.state.query) {
      input.value = pageView.state.query;
      if (pageInput) pageInput.value = pageView.state.query;
      run(pageView, pageView.state);
    }
  } else {
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) {
      input.value = initial;
      open();
      run(headerView, { query: initial });
    }
  }

  /* The engine without the page, for tests and measurements. */
  window.siteSearch = {
    // ranked document numbers; options {theme, district, year, sort} as the search page's URL gives them
    query: function (query, options) {
      return openIndex().then(function (index) {
        var facets = options ? loadFacets(index) : Promise.resolve(null);
        return Promise.all([search(index, queryTerms(index.tables, query)), facets]).then(function (found) {
          return arrange(found[0], found[1], options || {}, options && options.sort).map(function (h) { return h.doc; });
        });
      });
    },
    // the partial matches offered when nothing matches: [[phrase, count]]
    suggest: function (query) {
      return openIndex().then(function (index) { return suggest(index, queryTerms(index.tables, query)); });
    },
    terms: function (query) {
      return openIndex().then(function (index) { return queryTerms(index.tables, query); });
    },
    fold: function (text) {
      return openIndex().then(function (index) { return fold(index.tables, text); });
    },
  };
})();
