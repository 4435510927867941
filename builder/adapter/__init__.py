"""The MkDocs adapter, laid out as Material's plugins are: ``config.py`` (options) and ``plugin.py`` (one job per event)."""
