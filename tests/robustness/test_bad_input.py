"""Bad input, one case file each (tests/robustness/cases/), always beside a good page.

For every case: a clear message naming the file (and line), no traceback,
the good page still built, and no text silently dropped.  The big and binary
cases are generated at test time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from builder.blocks import page_blocks
from builder.conservation import account
from builder.ingest import decode, hard_break_lines, split_lines
from builder.pipeline import build
from builder.split import split_page

from .support import CASES, GOOD_PAGE, GOOD_TITLE, UNSEEN_PAGES, lost_cjk, run_cli, seeds_with

PARAGRAPH = ("9月10日，大渡口区总工会举办职工技能大赛，来自全区37家企业的260余名职工参赛，"
             "比赛设置焊工、电工、钳工三个工种，赛后评选出一等奖3名、二等奖6名、三等奖9名。")


def generated(name: str, folder: Path) -> None:
    """Write a generated case (too big or too binary to commit) into ``folder``."""
    path = folder / name
    if name == "binary.txt":                          # an image saved with the wrong name
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    elif name == "binary-without-nul.txt":            # a JPEG header and noise, but no NUL byte
        path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(b for b in os.urandom(4000) if b))
    elif name == "twenty-megabytes.txt":              # a whole archive in one file
        page = (CASES / GOOD_PAGE).read_bytes()
        path.write_bytes(page * (20_000_000 // len(page) + 1))
    elif name == "one-long-line.txt":                 # 100,000 characters and not one newline
        path.write_text((PARAGRAPH * (100_000 // len(PARAGRAPH) + 1))[:100_000], encoding="utf-8")
    else:
        raise ValueError(name)


@dataclass(frozen=True)
class Case:
    files: tuple[str, ...]
    message: str = ""                                  # a diagnostic, exactly as printed ('' = none expected)
    titles: tuple[str, ...] = ()                        # what the case's own pages publish, in order
    generate: bool = False
    no_errors: bool = True                              # the case's pages build without an error
    also: tuple[str, ...] = field(default_factory=tuple)   # further diagnostics expected

    @property
    def id(self) -> str:
        return self.files[0].removesuffix(".txt")


PSYCH = "区总工会开展职工心理健康讲座"
CASE_LIST = [
    Case(("empty.txt",), "empty.txt: warning: empty page: no text to publish"),
    Case(("blank-lines-only.txt",), "blank-lines-only.txt: warning: empty page: no text to publish"),
    Case(("binary.txt",), "binary.txt: error: binary file (contains NUL bytes); expected a text page",
         generate=True, no_errors=False),
    Case(("binary-without-nul.txt",), "binary-without-nul.txt: error: binary file (", generate=True, no_errors=False),
    Case(("shift-jis.txt",), "shift-jis.txt: error: neither UTF-8 nor GB18030: line 1 has byte 0x98, which is not "
         "UTF-8, and as GB18030 it decodes only into rare characters (another encoding, such as Big5, Shift-JIS "
         "or EUC-KR?); re-save the page as UTF-8", no_errors=False),
    Case(("euc-kr.txt",), "euc-kr.txt: error: neither UTF-8 nor GB18030: line 1 has byte", no_errors=False),
    Case(("big5.txt",), "big5.txt: error: neither UTF-8 nor GB18030: line 1 has byte", no_errors=False),
    Case(("latin1.txt",), "latin1.txt: error: neither UTF-8 nor GB18030: line 1 has byte 0xe9, which is not UTF-8",
         no_errors=False),
    Case(("damaged-utf8.txt",), "damaged-utf8.txt: error: neither UTF-8 nor GB18030: line 7 has byte 0xff",
         no_errors=False),
    Case(("twenty-megabytes.txt",), "twenty-megabytes.txt: error: too large for one page (20.0 MB; at most",
         generate=True, no_errors=False),
    Case(("utf8-bom.txt",), titles=("璧山" + PSYCH,)),
    Case(("utf16-bom.txt",), titles=("铜梁" + PSYCH,)),
    Case(("utf16le-no-bom.txt",), titles=("潼南" + PSYCH,)),
    Case(("utf16be-no-bom.txt",), titles=("荣昌" + PSYCH,)),
    Case(("utf32-no-bom.txt",), titles=("开州" + PSYCH,)),
    Case(("crlf-newlines.txt",), titles=("南川" + PSYCH,)),
    Case(("cr-newlines.txt",), titles=("武隆" + PSYCH,)),
    Case(("fullwidth-mixed.txt",), titles=("永川区总工会举办AI技能培训班",)),
    Case(("no-title.txt",), "no-title.txt:1: warning: no title block found; title taken from the first sentence",
         titles=("近日，城口县总工会组织开展“送清凉”活动，为高温下坚守岗位的…",)),
    Case(("front-matter.txt",), "front-matter.txt:1: info: dropped (front matter of an export, not printed on "
         "the page): --- title：导出工具的标题 layout: <script>alert(\"pwned-front-matter\")</script> "
         "date: 2024-05-20 ---", titles=("丰都县总工会开展“劳模进校园”活动",)),
    Case(("hostile-markup.txt",), titles=('<img src=x onerror=alert("pwned-title")>职工之家{{ config.site_name }}'
                                          '建设{% include "main.html" %}提速',)),
    Case(("hostile-contribution.md",), "hostile-contribution.md:7: warning: the image 'x' is not published: "
         "the site shows only the photos in hostile-contribution.photos/",
         titles=("某区总工会职工服务投稿 pwned",),
         also=("hostile-contribution.md:9: warning: a link to 'javascript:alert(' was removed: only http, https, "
               "mailto and links within the site are published",)),
    Case(("markdown-marks.txt",), "markdown-marks.txt:17: info: dropped (a rule or markup line with no text): ```",
         titles=("江北区总工会推进“职工书屋”建设",)),
    Case(("invisible-and-control.txt",), titles=("沙坪坝区总工会开展“安康杯”竞赛",)),
    Case(("unknown-override.txt", "unknown-override.overrides.yaml"),
         "unknown-override.overrides.yaml:2: error: no article with part 7 on this page (it has 1)",
         titles=("垫江县总工会举办劳模工匠座谈会",), no_errors=False,
         also=("unknown-override.overrides.yaml:4: error: no article with title '一篇不存在的文章' on this page (it has 1)",
               "unknown-override.overrides.yaml:7: error: unknown district '火星区' (see builder/data/districts.yaml)",
               "unknown-override.overrides.yaml:8: error: unknown theme '太空探索' (see builder/data/themes.yaml)")),
    Case(("duplicate-first.txt", "duplicate-second.txt"),
         "duplicate-second.txt:5: warning: article 1 ('合川区总工会为新就业形态劳动者送体检') duplicates "
         "duplicate-first.txt article 1; published once",
         titles=("合川区总工会为新就业形态劳动者送体检", "彭水县开展职工技能比武")),
    Case(("url-collision-first.txt", "url-collision-second.txt"),
         titles=("区县工会开展“六一”关爱活动", "区县工会开展“六一”关爱活动")),
]
CASES_BY_ID = {case.id: case for case in CASE_LIST}


def case_folder(case: Case, folder: Path) -> Path:
    seeds = seeds_with(folder, *(f for f in case.files if not case.generate))
    for name in case.files if case.generate else ():
        generated(name, seeds)
    return seeds


def test_every_case_file_is_in_a_table():
    committed = {p.name for p in CASES.iterdir()} - {".gitattributes"}
    listed = {f for case in CASE_LIST if not case.generate for f in case.files}
    assert committed == listed | {GOOD_PAGE} | set(UNSEEN_PAGES)


@pytest.fixture(scope="module")
def case_builds(tmp_path_factory):
    """Each case built on its own, beside the good page (in process; the CLI run is below)."""
    cache = {}

    def built(case: Case):
        if case.id not in cache:
            seeds = case_folder(case, tmp_path_factory.mktemp(case.id))
            cache[case.id] = (seeds, build(seeds))
        return cache[case.id]
    return built


@pytest.mark.parametrize("case", CASE_LIST, ids=lambda c: c.id)
def test_a_clear_message_names_the_file(case_builds, case):
    _, result = case_builds(case)
    printed = [str(d) for d in result.diagnostics if d.source in case.files]
    for message in filter(None, (case.message, *case.also)):
        assert any(line.startswith(message) for line in printed), "\n".join(printed)
    errors = [line for line in printed if ": error: " in line]
    assert bool(errors) is not case.no_errors, errors


@pytest.mark.parametrize("case", CASE_LIST, ids=lambda c: c.id)
def test_the_good_page_beside_it_still_builds(case_builds, case):
    _, result = case_builds(case)
    assert [a.article.title for a in result.articles if a.article.source == GOOD_PAGE] == [GOOD_TITLE]
    assert not [d for d in result.diagnostics if d.source == GOOD_PAGE and d.severity.value == "error"]


@pytest.mark.parametrize("case", CASE_LIST, ids=lambda c: c.id)
def test_the_case_publishes_what_it_should(case_builds, case):
    _, result = case_builds(case)
    published = [a.article.title for a in result.articles if a.article.source in case.files]
    assert published == list(case.titles)
    assert len({a.path for a in result.articles}) == len(result.articles)      # distinct URLs, always


@pytest.mark.parametrize("case", CASE_LIST, ids=lambda c: c.id)
def test_no_text_is_silently_dropped(case_builds, case):
    seeds, result = case_builds(case)
    for page in result.pages:
        if page.source.endswith(".md"):
            continue        # a contributed article is rendered through the sanitizer, not accounted as a raw page
        assert not [d for d in page.diagnostics if "lost" in d.message or "not in the page" in d.message]
        lost, invented = account(page.text, page.articles, page.dropped)
        assert not lost and not invented
        raw = (seeds / page.source).read_bytes()
        if page.articles:                                   # counted again against the raw file itself
            assert not lost_cjk(raw, page)


# ---- what each case publishes, looked at closely ----------------------------------

def page_of(case_builds, case_id: str, source: str | None = None):
    case = CASES_BY_ID[case_id]
    _, result = case_builds(case)
    return next(p for p in result.pages if p.source == (source or case.files[0]))


def test_all_encodings_and_newlines_give_the_same_article(case_builds):
    bodies = set()
    for case_id in ("utf8-bom", "utf16-bom", "utf16le-no-bom", "utf16be-no-bom", "utf32-no-bom",
                    "crlf-newlines", "cr-newlines"):
        page = page_of(case_builds, case_id)
        (article,) = page.articles
        assert article.column == "渝工之家" and (article.first_line, article.last_line) == (3, 5)
        bodies.add(article.body_text().replace(article.title[:3], ""))   # only the district differs
        assert "\ufeff" not in article.title + article.body_text() and "\r" not in article.body_text()
    assert len(bodies) == 1


def test_fullwidth_forms_fold_and_chinese_punctuation_widens(case_builds):
    (article,) = page_of(case_builds, "fullwidth-mixed").articles
    assert article.body_text() == ("截至2024年6月底，永川区总工会已举办“AI＋制造”技能培训班12期，培训职工1,200余人次。 "
                                   "培训内容涵盖工业机器人操作、数据标注等（共8个模块）；学员考核合格率达95％！")


def test_front_matter_is_dropped_not_published(case_builds):
    page = page_of(case_builds, "front-matter")
    (article,) = page.articles
    assert article.column == "渝工铸魂" and not article.kicker
    assert "导出工具" not in " ".join(article.visible_texts())
    assert page.dropped[0].line == 1 and "pwned-front-matter" in page.dropped[0].text


def test_markdown_marks_stay_text_and_markup_only_lines_are_logged(case_builds):
    page = page_of(case_builds, "markdown-marks")
    (article,) = page.articles
    body = [p.text for p in article.body]
    for opening in ("* 星号开头", "- 横线开头", "+ 加号开头", "> 引号开头", "1. 数字开头", "四个空格缩进",
                    "代码围栏里的一句话", "波浪围栏里的一句话", "> **江北区总工会** _表示_"):
        assert any(p.startswith(opening) for p in body), opening
    assert sorted(d.text for d in page.dropped) == ["***", "---", "```", "```", "~~~", "~~~"]


def test_invisible_and_control_characters_are_removed(case_builds):
    (article,) = page_of(case_builds, "invisible-and-control").articles
    text = "".join(article.visible_texts())
    assert article.column == "渝工铸魂"
    assert not any(ch in text for ch in "\u202e\u200d\u200b\x07\x1b")
    # the ESC went, its text stays; the line after a finished sentence is a paragraph of its own
    assert [p.text[-4:] for p in article.body[-2:]] == ["为主题。", "到年底。"]
    assert article.body[-1].text == "[31m据悉，竞赛将持续到年底。"


def test_an_article_printed_on_two_pages_is_published_once(case_builds):
    _, result = case_builds(CASES_BY_ID["duplicate-first"])
    sources = [a.article.source for a in result.articles if a.article.title.startswith("合川区")]
    assert sources == ["duplicate-first.txt"]


def test_two_articles_whose_urls_collide_both_get_their_own(case_builds):
    _, result = case_builds(CASES_BY_ID["url-collision-first"])
    paths = {a.article.source: a.path for a in result.articles if a.article.title.startswith("区县工会")}
    assert len(set(paths.values())) == 2
    assert paths["url-collision-first.txt"] != paths["url-collision-second.txt"]
    bodies = {a.article.body_text() for a in result.articles if a.path in paths.values()}
    assert any("巫山县" in b for b in bodies) and any("巫溪县" in b for b in bodies)


def test_one_long_line_is_one_paragraph_and_nothing_is_lost(tmp_path):
    generated("one-long-line.txt", tmp_path)
    text = decode((tmp_path / "one-long-line.txt").read_bytes()).text
    lines = split_lines(text)
    articles, dropped, diagnostics, _ = split_page("one-long-line.txt", page_blocks(lines, hard_break_lines(text)))
    assert len(lines) == 1 and len(articles) == 1 and len(articles[0].body) == 1
    assert account("\n".join(lines), articles, dropped) == ({}, {})
    assert "no title block found" in diagnostics[0].message


# ---- the command line over every case at once --------------------------------------

@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("all-cases")
    for case in CASE_LIST:
        case_folder(case, seeds)
    generated("one-long-line.txt", seeds)
    out = tmp_path_factory.mktemp("out")
    return run_cli("build", "--seeds", str(seeds), "--out", str(out)), seeds, out


def test_the_cli_never_prints_a_traceback_and_fails_the_bad_pages(cli_run):
    done, _, _ = cli_run
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    for case in CASE_LIST:
        for message in filter(None, (case.message, *case.also)):
            assert any(line.startswith(message) for line in lines), message
    assert not [line for line in lines if "lost" in line or "not in the page" in line]


def test_the_cli_writes_every_good_article(cli_run):
    done, seeds, out = cli_run
    written = {p.read_text(encoding="utf-8").split("\ntitle: ", 1)[1].split("\n", 1)[0] for p in out.rglob("*.md")}
    assert GOOD_TITLE in written
    assert sum(1 for p in out.rglob("*.md") if "one-long-line.txt" in p.read_text(encoding="utf-8")) == 1
    assert f"articles from {len([*seeds.glob('*.txt'), *seeds.glob('*.md')])} pages" in done.stderr.splitlines()[-1]
