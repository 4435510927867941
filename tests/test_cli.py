"""The command line: build, explain and check, as a user runs them."""

import shutil
import subprocess
import sys

from tests.conftest import ROOT, SEEDS


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "builder", *args], cwd=cwd, capture_output=True, text=True)


def test_build_writes_the_articles_and_names_each_unreadable_input(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "yugong-columns-yubei-changshou-yongchuan.txt", seeds)
    (seeds / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    out = tmp_path / "out"
    done = run("build", "--seeds", str(seeds), "--out", str(out))
    assert done.returncode == 1
    assert "broken.txt: error: binary file" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(list(out.rglob("*.md"))) == 3                     # the good page still built


def test_build_of_the_seeds_succeeds_and_lists_dropped_furniture(tmp_path):
    done = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "chengyu-craftsmen-yugong-columns.txt:42: info: dropped (QR-code prompt" in done.stderr
    assert "14 articles from 5 pages" in done.stderr


def test_explain_shows_layout_decisions_and_evidence():
    done = run("explain", str(SEEDS / "city-union-sixth-congress.txt"))
    assert done.returncode == 0
    out = done.stdout
    assert "4 article(s)" in out
    assert "section label '代表热议' opens a segment" in out
    assert "line 37: heading with a deck line opens a new article" in out
    assert "why districts:" in out and "why date:" in out
    assert "- line 1: 建立成渝地区区县工会互融互联互通机制 (repeats line 125)" in out


def test_explain_into_a_pipe_closed_early_ends_quietly():
    # `python -m builder explain PAGE | head -0`: the reader is gone before the first line.
    reader = subprocess.Popen([sys.executable, "-m", "builder", "explain", str(SEEDS / "city-union-sixth-congress.txt")],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()
    stderr = reader.stderr.read().decode()
    assert reader.wait() == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_check_passes_on_the_seeds_and_changes_nothing():
    before = {p.name: p.read_bytes() for p in SEEDS.iterdir()}
    done = run("check", str(SEEDS))
    assert done.returncode == 0, done.stderr
    assert {p.name: p.read_bytes() for p in SEEDS.iterdir()} == before


def test_check_reports_one_line_per_problem_with_file_and_line(tmp_path):
    shutil.copy(SEEDS / "city-union-sixth-congress.txt", tmp_path)
    (tmp_path / "city-union-sixth-congress.overrides.yaml").write_text(
        "articles:\n  - part: 2\n    districts: [火星区]\n    date: 2023-02-30\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("---\ntitle: 标题\nthemes: [不存在]\n---\n正文。\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 \xe0 la cr\xe8me".encode("latin-1") * 20)
    done = run("check", str(tmp_path))
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert "city-union-sixth-congress.overrides.yaml:3: error: unknown district '火星区' " \
           "(see builder/data/districts.yaml)" in lines
    assert any(line.startswith("city-union-sixth-congress.overrides.yaml:4: error: malformed date") for line in lines)
    assert "new.md:3: error: unknown theme '不存在' (see builder/data/themes.yaml)" in lines
    assert any(line.startswith("latin1.txt: error: neither UTF-8 nor GB18030") for line in lines)
    assert "Traceback" not in done.stderr


def test_check_of_a_missing_path_is_an_error_not_a_traceback(tmp_path):
    done = run("check", str(tmp_path / "nope.txt"))
    assert done.returncode == 1 and "no such file or folder" in done.stderr and "Traceback" not in done.stderr


def test_explain_reads_the_page_with_its_overrides(tmp_path):
    page = "city-union-sixth-congress.txt"
    shutil.copy(SEEDS / page, tmp_path / page)
    (tmp_path / "city-union-sixth-congress.overrides.yaml").write_text(
        "articles:\n  - part: 4\n    districts: [城口]\n", encoding="utf-8")
    done = run("explain", str(tmp_path / page))
    assert done.returncode == 0, done.stderr
    article_4 = done.stdout.split("## article 4")[1]
    assert "districts: ['城口县']" in article_4
    assert "override: city-union-sixth-congress.overrides.yaml:3" in article_4


def test_check_under_github_actions_annotates_the_line_of_the_pull_request(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "new.md").write_text("---\ntitle: 标题\nthemes: [不存在]\n---\n正文，50%完成。\n", encoding="utf-8")
    (seeds / "linked.txt").symlink_to(SEEDS / "city-union-sixth-congress.txt")
    env = {**__import__("os").environ, "GITHUB_ACTIONS": "true"}
    done = subprocess.run([sys.executable, "-m", "builder", "check", "seeds"], cwd=tmp_path, capture_output=True,
                          text=True, env=env)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "::error file=seeds/linked.txt::refused: a symbolic link (inputs must be regular files inside the seeds folder)",
        "::error file=seeds/new.md,line=3::unknown theme '不存在' (see builder/data/themes.yaml)",
        "::warning file=seeds/new.md,line=1::article 1 ('标题'): no date found in the text or a page header"]
    assert "new.md:3: error: unknown theme" in done.stderr           # the plain lines stay, for people
    assert run("check", str(seeds)).stdout == ""                     # outside Actions: no workflow commands
