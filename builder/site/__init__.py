"""The reader's site: everything generated from all articles at once.

Pure functions from the list of published articles to files (docs-relative
path → text): the home page, the article pages with their site links (date,
themes, districts, related articles, previous/next), the statistics page with
inline SVG charts, the tile map of districts and the Atom feeds.  The index
pages themselves live in ``builder.indexes``.  ``builder.site.build.site_files``
puts it all together; nothing here knows about MkDocs.

Site-wide work stays roughly linear in the number of articles: related
articles come from an inverted index of shared features with a bounded window,
neighbours from one sort, and no article page lists the archive.
"""
