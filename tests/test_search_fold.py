"""The browser folds exactly as Python does: search.js's own fold, run by node, against builder/search/normalise.

The script (overrides/assets/javascripts/search.js) exports its engine to node
(``module.exports``), so its fold, its query splitting and its suggestion
ranking run here on the tables the index writes into meta.json.  Skipped when
node is not installed (the browser tests run the same code in Chromium).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from builder.search import SearchDoc, fold, query_terms, search_files
from builder.search.index import fold_meta
from builder.search.normalise import BOUNDARY, fold_table
from builder.search.query import rank_suggestions

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "search.js"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

# text → its fold, written out by hand: what a reader types must fold as the printed text does
CASES = {
    "职工“娘家人”": "职工娘家人",
    "中国梦·劳动美": "中国梦劳动美",          # U+00B7, as printed
    "中国梦・劳动美": "中国梦劳动美",          # U+30FB, as the site prints it
    "中国梦•劳动美‧": "中国梦劳动美",          # U+2022, U+2027
    "《工人日报》（二版）": "工人日报二版",
    "「渝工」『港湾』【驿站】": "渝工港湾驿站",
    "劳模，工匠、职工；": "劳模,工匠,职工,",
    "劳模,工匠;职工:": "劳模,工匠,职工,",
    "真好！真的？是。": "真好,真的,是,",
    "且听……": "且听,,",
    "增长３．５％": "增长3.5%",
    "2024/4/13": "2024/4/13",
    "2024-04-13——周六": "20240413周六",
    "北碚區總工會": "北碚区总工会",
    "ＡＰＰ　上线\u200b": "app上线",
    "N+X": "n+x",
    "工人's家": "工人s家",
}

# query → its terms, by hand
QUERIES = {
    "劳模，工匠": ["劳模", "工匠"],
    "劳模、工匠；职工": ["劳模", "工匠", "职工"],
    "劳模,工匠;  职工": ["劳模", "工匠", "职工"],
    "“娘家人”": ["娘家人"],
    "中国梦・劳动美": ["中国梦劳动美"],
    "  北碚　劳模，北碚 ": ["北碚", "劳模"],
    "，、；": [],
    "“”": [],
}

NODE_PROGRAM = """
const engine = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf-8"));
const tables = engine.foldTables(input.meta);
const out = {
  folds: input.texts.map(t => engine.fold(tables, t)),
  terms: input.queries.map(q => engine.queryTerms(tables, q)),
  fills: input.fills.map(f => engine.fill(f[0], f[1])),
};
const texts = input.suggestTexts;
const count = p => Promise.resolve(texts.filter(t => t.includes(p)).length);
Promise.all(input.suggest.map(terms => engine.rankSuggestions(terms, count))).then(s => {
  out.suggestions = s;
  process.stdout.write(JSON.stringify(out));
});
"""


def run_node(payload: dict) -> dict:
    run = subprocess.run([NODE, "-e", NODE_PROGRAM, str(SCRIPT)], input=json.dumps(payload, ensure_ascii=False),
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def site_meta(texts: list[str]) -> dict:
    """meta.json of an archive holding these texts: the tables the browser really gets."""
    files = search_files([SearchDoc(title=f"第{i}篇", url=f"a/{i}/", body=(t,)) for i, t in enumerate(texts)])
    return json.loads(files["search/meta.json"])


def test_the_cases_fold_as_written():
    assert {text: fold(text) for text in CASES} == CASES
    assert {query: query_terms(query) for query in QUERIES} == QUERIES


def test_the_script_folds_and_splits_the_cases_as_python_does():
    meta = site_meta(list(CASES.values()))
    out = run_node({"meta": meta, "texts": list(CASES), "queries": list(QUERIES), "fills": [], "suggest": [],
                    "suggestTexts": []})
    assert dict(zip(CASES, out["folds"])) == CASES
    assert dict(zip(QUERIES, out["terms"])) == QUERIES


def test_the_script_folds_every_character_as_python_does():
    """Every code point of the fold's ranges, one by one, with the tables of a site whose text holds every target."""
    table = fold_table()
    alphabet = {to for to in table.values() if to is not None and to != BOUNDARY}
    points = [cp for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and (cp in table or cp < 0x30000)]
    chars = [chr(cp) for cp in points]
    out = run_node({"meta": fold_meta(alphabet), "texts": chars, "queries": [], "fills": [], "suggest": [],
                    "suggestTexts": []})
    differ = [(hex(ord(c)), fold(c), js) for c, js in zip(chars, out["folds"]) if fold(c) != js]
    assert differ == []


def test_the_script_ranks_suggestions_and_fills_texts_as_python_does():
    texts = ["重庆工匠", "工匠精神", "老工匠", "成语故事", "北碚区", "𠀀𠀁字"]
    term_lists = [["成语工匠"], ["北碚", "上海"], ["上海"], ["重庆工匠精神"], ["𠀀𠀁𠀂"], ["工匠", "成语"]]
    out = run_node({"meta": site_meta(texts), "texts": [], "queries": [], "suggest": term_lists, "suggestTexts": texts,
                    "fills": [["{phrase}（{count} 篇）", {"phrase": "工匠", "count": 12}], ["找到 {count} 篇", {"count": 3}]]})

    def count(phrase):
        return sum(phrase in t for t in texts)
    assert out["suggestions"] == [[list(p) for p in rank_suggestions(terms, count)] for terms in term_lists]
    # and by hand: the longest parts, longest first, then most articles
    assert out["suggestions"][0] == [["工匠", 3], ["成语", 1]]
    assert out["suggestions"][1] == [["北碚", 1]]
    assert out["suggestions"][2] == []
    assert out["suggestions"][3] == [["重庆工匠", 1], ["工匠精神", 1]]
    assert out["suggestions"][4] == [["𠀀𠀁", 1]]
    assert out["fills"] == ["工匠（12 篇）", "找到 3 篇"]
