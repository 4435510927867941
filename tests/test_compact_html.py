"""Finished pages lose the templates' indentation and nothing a reader sees (builder/site/compact.py)."""

import re

import pytest

from builder.site.compact import compact_html

CASES = [
    # (page as the theme writes it, page as published)
    ('<div class="md-content">\n      <article>\n        <h1>渝北区职工运动会开幕</h1>\n      </article>\n    </div>',
     '<div class="md-content">\n<article>\n<h1>渝北区职工运动会开幕</h1>\n</article>\n</div>'),
    ("<p>职工\n        之家</p>", "<p>职工\n之家</p>"),
    ("<li>一</li>  \n\n\n  <li>二</li>", "<li>一</li>\n<li>二</li>"),
    ("<p>一 二  三</p>", "<p>一 二  三</p>"),                               # no line break: untouched
    ("<p>\n\u3000\u3000首行缩进两格</p>", "<p>\n\u3000\u3000首行缩进两格</p>"),    # full-width spaces are text
    ("<p>\n\u00a0 价格</p>", "<p>\n\u00a0 价格</p>"),                          # so is a no-break space
    ("<pre><code>  a\n    b\n</code></pre>", "<pre><code>  a\n    b\n</code></pre>"),
    ("<textarea>\n  留言\n</textarea>", "<textarea>\n  留言\n</textarea>"),
    ('<script>\n  var a = "\n   ";\n</script>', '<script>\n  var a = "\n   ";\n</script>'),
    ("<PRE>\n  大写标签\n</PRE>\n   <p>后</p>", "<PRE>\n  大写标签\n</PRE>\n<p>后</p>"),
    ("<p>&lt;script&gt;alert(1)&lt;/script&gt;\n   </p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;\n</p>"),
]


@pytest.mark.parametrize("page, published", CASES)
def test_indentation_goes_and_what_a_browser_shows_stays(page, published):
    assert compact_html(page) == published


def test_compacting_twice_changes_nothing_more():
    for page, _ in CASES:
        once = compact_html(page)
        assert compact_html(once) == once


def test_published_pages_carry_no_indentation_outside_kept_elements(built_site):
    pages = sorted(built_site.glob("articles/**/index.html"))
    assert pages
    for page in pages[:20]:
        html = page.read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|textarea|script|style)\b.*?</\1\s*>", "", html, flags=re.S | re.I)
        assert not re.search(r"\n[ \t]+", outside), page
        assert "<article" in html and "</html>" in html
