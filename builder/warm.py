"""Imported by the worker processes' fork server: load what every page needs before workers are forked.

``builder.parallel`` names this module as the fork server's preload, so the
segmenter's dictionary and the IDF table are loaded once, in the server, and
every worker forked from it shares them.
"""

from .parallel import warm_up

warm_up()
