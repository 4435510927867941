"""Editorial overrides beside a raw page: corrections that survive every rebuild."""

import shutil
import textwrap

import pytest

from builder.overrides import load_overrides, validate_field
from builder.pipeline import build
from tests.conftest import SEEDS

PAGE = "city-union-sixth-congress.txt"


def project_with(tmp_path, overrides_text: str):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / PAGE, seeds / PAGE)
    (seeds / PAGE.replace(".txt", ".overrides.yaml")).write_text(textwrap.dedent(overrides_text), encoding="utf-8")
    return seeds


def by_part(result, part):
    return next(a.article for a in result.articles if a.article.part == part and a.article.source == PAGE)


def test_field_corrections_apply_and_show_their_source(tmp_path):
    seeds = project_with(tmp_path, """\
        articles:
          - part: 4
            districts: [黔江]
            themes: [渝工同心强基]
            date: 2023-05-24
          - title: 昂首阔步新征程 唯实争先谱新篇
            tags: [代表, 讨论]
        """)
    result = build(seeds)
    proposal = by_part(result, 4)
    assert proposal.meta.districts == ["黔江区"]                 # short form normalised
    assert proposal.meta.themes == ["渝工同心强基"]
    assert proposal.meta.date == "2023-05-24"
    assert proposal.meta.date_source == "override" and proposal.meta.date_precision == "day"
    assert "districts" in proposal.meta.overridden
    assert proposal.evidence["districts"][0].endswith(".overrides.yaml:3")
    assert by_part(result, 3).meta.tags == ["代表", "讨论"]
    assert not [d for d in result.diagnostics if d.severity.value == "error"]
    # the raw page is never edited
    assert (seeds / PAGE).read_bytes() == (SEEDS / PAGE).read_bytes()


def test_split_corrections_move_article_boundaries(tmp_path):
    seeds = project_with(tmp_path, """\
        split:
          join_at_lines: [37]       # the sidebar stays inside the congress report
          start_at_lines: [111]     # one delegate's words as an article of their own
        """)
    titles = [a.article.title for a in build(seeds).articles]
    assert "今后五年 重点工作" not in titles
    assert titles[0].startswith("奋力打造新时代工会工作市域标杆")
    assert len(titles) == 4
    assert any(t.startswith("张慧敏代表表示") for t in titles)     # derived from its first sentence


@pytest.mark.parametrize("text, message, line", [
    ("articles:\n  - part: 9\n    districts: [北碚区]\n", "no article with part 9", 2),
    ("articles:\n  - title: 不存在的标题\n    tags: [x]\n", "no article with title '不存在的标题'", 2),
    ("articles:\n  - part: 1\n    districts: [火星区]\n", "unknown district '火星区'", 3),
    ("articles:\n  - part: 1\n    themes: [渝工关怀]\n", "unknown theme '渝工关怀'", 3),
    ("articles:\n  - part: 1\n    date: 2023-13-01\n", "malformed date '2023-13-01'", 3),
    ("articles:\n  - part: 1\n    colour: red\n", "unknown key 'colour'", 3),
    ("articles:\n  - districts: [北碚区]\n", "entry names no article", 2),
    ("artikel: []\n", "unknown key 'artikel'", 1),
    ("articles: [\n", "not valid YAML", None),
])
def test_bad_overrides_are_reported_with_file_and_line(tmp_path, text, message, line):
    seeds = project_with(tmp_path, text)
    result = build(seeds)
    found = [d for d in result.diagnostics if message in d.message]
    assert found, [str(d) for d in result.diagnostics]
    assert found[0].source == PAGE.replace(".txt", ".overrides.yaml")
    if line is not None:
        assert found[0].line == line
    assert len(result.articles) == 4                                   # the page still builds


def test_a_bad_entry_does_not_stop_the_good_ones(tmp_path):
    seeds = project_with(tmp_path, """\
        articles:
          - part: 1
            districts: [火星区]
          - part: 2
            districts: [渝中区]
        """)
    assert by_part(build(seeds), 2).meta.districts == ["渝中区"]


@pytest.mark.parametrize("key, value, cleaned", [
    ("districts", ["酉阳", "涪陵區"], ["酉阳土家族苗族自治县", "涪陵区"]),
    ("themes", ["渝工港湾"], ["渝工港湾"]),
    ("date", "2024-02", "2024-02"),
    ("title", " 标题 ", "标题"),
    ("tags", "单个标签", ["单个标签"]),
])
def test_validate_field_cleans_valid_values(key, value, cleaned):
    assert validate_field(key, value) == ("", cleaned)


def test_empty_overrides_file_is_fine(tmp_path):
    path = tmp_path / "x.overrides.yaml"
    path.write_text("", encoding="utf-8")
    overrides, diagnostics = load_overrides(path)
    assert not diagnostics and not overrides.entries


def test_a_credits_override_reaches_the_published_page(tmp_path):
    # article 4 closes with the run-on credit '本组稿件由市总工会提供'
    seeds = project_with(tmp_path, """\
        articles:
          - part: 4
            credits: [文/市总工会宣传部]
        """)
    published = next(a for a in build(seeds).articles if a.article.part == 4)
    assert "credits:\n- 文/市总工会宣传部\n" in published.markdown          # front matter
    assert '<p class="article-credits">文/市总工会宣传部</p>' in published.markdown   # the page
    assert "本组稿件由市总工会提供" not in published.markdown.split("---\n", 2)[2]
    # the printed credit the correction replaced is logged, not lost
    (page,) = [p for p in build(seeds).pages if p.source == PAGE]
    assert [d.text for d in page.dropped if d.reason.startswith("replaced by the editor's credits")] == [
        "何勇 黔江区总工会", "本组稿件由市总工会提供"]


def test_line_kind_corrections_are_validated_line_by_line(tmp_path):
    path = tmp_path / "page.overrides.yaml"
    path.write_text("lines:\n  12: text\n  x: caption\n  15: heading\n  16: furniture\n", encoding="utf-8")
    overrides, problems = load_overrides(path)
    assert {n: kind for n, (kind, _) in overrides.line_kinds.items()} == {12: "text", 16: "furniture"}
    assert [str(p) for p in problems] == [
        "page.overrides.yaml:3: error: lines: 'x: caption' must be a line number and one of text, caption, furniture, credit",
        "page.overrides.yaml:4: error: lines: '15: heading' must be a line number and one of text, caption, furniture, credit",
    ]


def test_a_line_kind_correction_keeps_a_dropped_line_as_text(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "p.txt").write_text("江北区总工会举办运动会\n\n扫描查看名单\n\n近日，江北区总工会举办职工运动会。\n",
                                 encoding="utf-8")
    (seeds / "p.overrides.yaml").write_text("lines:\n  3: text\n", encoding="utf-8")
    result = build(seeds)
    (article,) = [a.article for a in result.articles]
    assert "扫描查看名单" in article.visible_texts()          # published (here as the subtitle line)
    assert not result.dropped
