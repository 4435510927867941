"""One URL function for the whole site: builder.urls.page_url."""

from urllib.parse import urljoin

import pytest
from mkdocs.structure.files import File

from builder.urls import page_url

SITE = "https://example.org/gonghui/"


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("path", ["index.md", "articles/2024/2024-02-19-chang-shou.md", "themes/nuanxin/index.md",
                                  "themes/nuanxin/page/2.md", "search/index.md", "404.md", "feed.xml",
                                  "photos/ab12-480.webp"])
def test_the_site_url_of_a_file_is_the_one_mkdocs_gives_it(tmp_path, path, directory_urls):
    """The builder computes every URL itself (search records, sitemap, raw HTML links): as MkDocs does.

    (The home page is '' where MkDocs writes './': the same page once joined to the site's address.)
    """
    mkdocs_url = File(path, str(tmp_path), str(tmp_path / "site"), directory_urls).url
    assert urljoin(SITE, page_url(path, directory_urls)) == urljoin(SITE, mkdocs_url)
