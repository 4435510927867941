"""Photos beside a raw page: matched to its captions, checked before decoding, published without metadata."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from builder.photos import MAX_PIXELS, PhotoError, process_photo
from builder.pipeline import build

PAGE = """区总工会为环卫工人送清凉

2024年7月15日，区总工会走进城区环卫站点，为一线环卫工人送去防暑降温物品，并叮嘱大家合理安排作业时间。

图为工会干部为环卫工人递上绿豆汤。

活动中，工作人员还为环卫工人讲解了防暑知识和工会会员服务项目，共有120余名职工受益。

图为环卫工人领取防暑降温物品。
"""
GPS = 0x8825


def jpeg_with_gps(size=(1200, 800), colour=(200, 30, 30)) -> bytes:
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x010F] = "某相机厂"                           # Make
    exif[GPS] = {1: "N", 2: (29.0, 33.0, 0.0), 3: "E", 4: (106.0, 33.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width × height: a few dozen bytes that would unpack to gigabytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.fixture()
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "songqingliang.txt").write_text(PAGE, encoding="utf-8")
    photos = folder / "songqingliang.photos"
    photos.mkdir()
    (photos / "1.jpg").write_bytes(jpeg_with_gps())
    Image.new("RGBA", (600, 400), (0, 80, 160, 255)).save(photos / "2.png")
    return folder


def test_photos_go_to_the_captions_in_page_order_in_web_sizes(seeds):
    result = build(seeds, workers=1)
    (published,) = result.articles
    captions = [cap for _, cap in published.article.captions]
    assert [c.text for c in captions] == ["图为工会干部为环卫工人递上绿豆汤。", "图为环卫工人领取防暑降温物品。"]
    first, second = (c.photo for c in captions)
    assert (first.width, first.height, first.widths) == (1200, 800, (480, 960, 1200))
    assert (second.width, second.height, second.widths) == (600, 400, (480, 600))
    assert sorted(result.photos) == sorted(p.path(w, ext) for p in (first, second) for w in p.widths
                                           for ext in ("webp", "jpg"))
    webp = Image.open(io.BytesIO(result.photos[first.path(480, "webp")]))
    assert (webp.format, webp.size) == ("WEBP", (480, 320))
    assert published.article.meta.image == first.path(1200, "jpg")
    assert not [d for d in result.diagnostics if d.severity.value != "info"]


def test_a_published_photo_carries_no_exif_and_no_gps_position(seeds):
    original = Image.open(seeds / "songqingliang.photos" / "1.jpg")
    assert GPS in original.getexif()                        # the editor's file has a position in it
    result = build(seeds, workers=1)
    for path, blob in result.photos.items():
        image = Image.open(io.BytesIO(blob))
        assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info, path
        assert b"Exif" not in blob and "某相机厂".encode() not in blob


def test_a_huge_image_is_refused_from_its_header_without_being_decoded(tmp_path):
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header_only(20_000, 20_000))
    assert bomb.stat().st_size < 200
    with pytest.raises(PhotoError, match=r"refused: more than the 40,000,000 pixels a photo may have \(not decoded\)"):
        process_photo(bomb)
    near = tmp_path / "near.png"                              # over the limit, under Pillow's own bomb guard
    near.write_bytes(png_header_only(7_000, 7_000))
    with pytest.raises(PhotoError, match=r"refused: 7000×7000 pixels, more than the 40,000,000 pixels"):
        process_photo(near)
    assert 7_000 * 7_000 > MAX_PIXELS


def test_bad_photos_get_one_line_each_and_the_article_still_builds(seeds, tmp_path):
    photos = seeds / "songqingliang.photos"
    (photos / "0-broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (photos / "0-huge.png").write_bytes(png_header_only(20_000, 20_000))
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(jpeg_with_gps())
    (photos / "0-link.jpg").symlink_to(outside)
    result = build(seeds, workers=1)
    problems = sorted(str(d) for d in result.diagnostics if d.severity.value == "error")
    assert problems == [
        "songqingliang.photos/0-broken.jpg: error: not an image (JPEG, PNG, WebP or GIF) that can be read",
        "songqingliang.photos/0-huge.png: error: refused: more than the 40,000,000 pixels a photo may have "
        "(not decoded)",
        "songqingliang.photos/0-link.jpg: error: refused: not a regular file (photos must be files inside the "
        "page's .photos folder)"]
    (published,) = result.articles
    assert [cap.photo is not None for _, cap in published.article.captions] == [True, True]


def test_more_photos_than_captions_are_named_and_not_published(seeds):
    Image.new("RGB", (300, 200)).save(seeds / "songqingliang.photos" / "3.jpg")
    result = build(seeds, workers=1)
    assert "songqingliang.photos: warning: 1 photo(s) have no caption to go with (the page has 2); they are not " \
           "published" in [str(d) for d in result.diagnostics]
    assert len(result.photos) == 10                          # 3 + 2 widths of the two matched photos, twice


def test_an_unchanged_photo_is_read_from_the_cache(seeds, tmp_path, monkeypatch):
    from builder import photos
    from builder.pipeline import PageCache
    first = build(seeds, cache=PageCache(tmp_path / "cache"), workers=1)
    monkeypatch.setattr(photos, "_clean_pixels", lambda image: pytest.fail("decoded again"))
    again = build(seeds, cache=PageCache(tmp_path / "cache"), workers=1)
    assert again.photos == first.photos


def test_the_article_page_shows_each_photo_with_its_sizes(seeds):
    from builder.site.build import site_files
    result = build(seeds, workers=1)
    (page,) = [v for k, v in site_files(result.articles, site_url="", site_name="站").items()
               if k.startswith("articles/")]
    assert page.count("<picture>") == 2 and page.count('loading="lazy"') == 2
    assert 'width="1200" height="800"' in page and 'src="../../../photos/' in page
    assert '<figcaption>图为环卫工人领取防暑降温物品。</figcaption>' in page


def test_an_article_with_a_photo_shows_it_small_in_the_listings(seeds):
    from builder.site.build import site_files
    result = build(seeds, workers=1)
    (published,) = result.articles
    thumbnail = published.article.meta.thumbnail
    assert thumbnail.endswith("-480.jpg") and thumbnail in result.photos
    home = site_files(result.articles, site_url="", site_name="站")["index.md"]
    assert f"![]({thumbnail}){{: .item-thumb loading=lazy }}" in home


def test_the_command_line_build_writes_the_photos_its_articles_name(seeds, tmp_path):
    from builder.pipeline import write
    result = build(seeds, workers=1)
    out = tmp_path / "out"
    (article,) = write(result, out)
    assert (out / result.articles[0].article.meta.image).is_file()
    assert f"image: {result.articles[0].article.meta.image}" in article.read_text(encoding="utf-8")


def test_the_overrides_place_a_photo_under_a_named_caption(seeds):
    (seeds / "songqingliang.overrides.yaml").write_text("photos:\n  2.png: 1\n", encoding="utf-8")
    result = build(seeds, workers=1)
    first, second = (cap.photo for _, cap in result.articles[0].article.captions)
    assert (first.width, second.width) == (600, 1200)        # 2.png under the first caption, 1.jpg takes the other


def test_a_wrong_photo_placing_is_named_with_its_line(seeds):
    (seeds / "songqingliang.overrides.yaml").write_text(
        "photos:\n  9.jpg: 1\n  1.jpg: 5\n  2.png: 1\n  x: y\n", encoding="utf-8")
    result = build(seeds, workers=1)
    assert [str(d) for d in result.diagnostics if d.source.endswith(".yaml")] == [
        "songqingliang.overrides.yaml:5: error: photos: 'x: y' must be a file name and a caption number",
        "songqingliang.overrides.yaml:2: error: photos: no photo '9.jpg' in songqingliang.photos/",
        "songqingliang.overrides.yaml:3: error: photos: the page has 2 caption(s), no caption 5"]
    second = build(seeds, workers=1)
    assert [cap.photo.width for _, cap in second.articles[0].article.captions] == [600, 1200]


def test_check_reports_the_photos_problems_too(seeds):
    (seeds / "songqingliang.photos" / "0-broken.jpg").write_bytes(b"not an image")
    from builder.check import check_paths
    assert [str(d) for d in check_paths([seeds])] == [
        "songqingliang.photos/0-broken.jpg: error: not an image (JPEG, PNG, WebP or GIF) that can be read"]


CONTRIBUTION = """---
title: 某区总工会职工书屋开放
date: 2024-05-20
---
**职工书屋**今天开放，详见[活动通知](https://example.org/notice)。

![职工在书屋阅读](tougao.photos/01.jpg)

开放时间：

- 周一至周五
- 周六上午

| 项目 | 数量 |
| --- | --- |
| 图书 | 3000册 |

![书屋一角](tougao.photos/02.jpg) ![外站的图](https://example.org/x.jpg) ![别处的图](../secret.jpg)

书屋由区总工会建设。
"""


@pytest.fixture()
def contributed(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "tougao.md").write_text(CONTRIBUTION, encoding="utf-8")
    (folder / "tougao.photos").mkdir()
    (folder / "tougao.photos" / "01.jpg").write_bytes(jpeg_with_gps())
    (tmp_path / "secret.jpg").write_bytes(jpeg_with_gps())
    return folder


def test_a_contributed_article_shows_the_photos_its_body_names_where_it_names_them(contributed):
    from builder.site.build import site_files
    result = build(contributed, workers=1)
    (published,) = result.articles
    named = [cap for _, cap in published.article.captions if cap.file]
    assert [(c.text, c.photo is not None) for c in named] == [("职工在书屋阅读", True), ("书屋一角", False)]
    assert published.article.meta.image == named[0].photo.path(1200, "jpg")
    (page,) = [v for k, v in site_files(result.articles, site_url="", site_name="站").items() if k.startswith("articles/")]
    for rendered in ("<strong>职工书屋</strong>", 'href="https://example.org/notice"', "<li>周一至周五</li>", "<td>3000册</td>"):
        assert rendered in page, rendered
    # the photo stands between the paragraph above it and the list below it, in its web sizes, without EXIF
    assert page.index("今天开放") < page.index("<picture>") < page.index("周一至周五")
    assert page.count("<picture>") == 1 and "<figcaption>职工在书屋阅读</figcaption>" in page
    assert "example.org/x.jpg" not in page and "secret" not in page and "\ue000" not in page
    webp = Image.open(io.BytesIO(result.photos[named[0].photo.path(480, "webp")]))
    assert not webp.getexif()
    assert "书屋一角" in page                       # the missing photo's caption is still shown, as a caption


def test_a_contributed_article_names_each_image_it_cannot_publish(contributed):
    result = build(contributed, workers=1)
    messages = {(d.source, d.line, d.severity.value, d.message) for d in result.diagnostics if d.severity.value != "info"}
    assert ("tougao.md", 18, "error", "tougao.photos/02.jpg: no such photo") in messages
    shown = {m for _, line, _, m in messages if line == 18}
    assert "the image 'https://example.org/x.jpg' is not published: the site shows only the photos in tougao.photos/" in shown
    assert "the image '../secret.jpg' is not published: the site shows only the photos in tougao.photos/" in shown


def test_a_contributed_photo_that_links_outside_its_folder_is_refused(contributed, tmp_path):
    (contributed / "tougao.photos" / "02.jpg").symlink_to(tmp_path / "secret.jpg")
    result = build(contributed, workers=1)
    (published,) = result.articles
    named = [cap for _, cap in published.article.captions if cap.file]
    assert named[1].photo is None
    assert any(d.source == "tougao.md" and d.line == 18 and d.message.startswith("tougao.photos/02.jpg: refused")
               for d in result.diagnostics)
