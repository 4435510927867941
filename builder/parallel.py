"""Process raw pages on every core: pages are independent, so they can be read in parallel.

A page's articles depend on that page alone (dates are settled per page,
URLs and duplicates across pages afterwards), so ``map_in_order`` can hand
the pages that are not in the cache to worker processes and collect the
results in input order: the output is the same as the serial loop's.

Workers are forked from a fork server that loaded the segmenter's dictionary
and the IDF table once (``builder.warm``), so they start at once and share
that memory, and the building process itself never holds those tables (a
few hundred MB it would keep to the end of the build); where the fork server
is not available they start fresh and load them themselves.  The server
lives as long as the process, so a later rebuild (``mkdocs serve``) starts
its workers at once too.  As with any multiprocessing code, a script that
calls the builder needs the ``if __name__ == "__main__":`` guard: each
worker imports the script's module.
Small jobs (a rebuild after one page changed) stay in the calling process.

``pipeline.build`` hands it the pages that are not in the cache.  ``run_aside``
starts one job in a worker of the same kind while the caller goes on with other
work: the MkDocs adapter builds the search index there while it makes the site's
pages, so on two cores the two take the time of the longer one.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many pages the workers' start-up costs more than they save.
MIN_PARALLEL_ITEMS = 16
# Pages sent to a worker at a time: fewer round trips, still an even spread.
CHUNK_ITEMS = 4


def worker_count(requested: int | None = None) -> int:
    """How many processes to use: ``requested``, else one per core the process may run on.

    >>> worker_count(3)
    3
    >>> worker_count() >= 1
    True
    """
    if requested is not None:
        return max(1, requested)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # not on Linux
        return max(1, os.cpu_count() or 1)


def warm_up() -> None:
    """Load what every page needs (jieba dictionary, IDF table) before workers are forked."""
    from .meta import tags
    from .text import segment

    segment.pos_tokenizer().makesure_userdict_loaded()
    tags._idf_table()


def map_in_order(function: Callable[[Item], Result], items: Sequence[Item], workers: int | None = None,
                 min_items: int = MIN_PARALLEL_ITEMS) -> list[Result]:
    """``[function(item) for item in items]``, spread over ``workers`` processes.

    ``function`` must be a module-level function and items and results
    picklable.  Serial when one worker is asked for, or for fewer than
    ``min_items`` items.

    >>> map_in_order(abs, [-1, 2, -3], workers=1)
    [1, 2, 3]
    """
    count = min(worker_count(workers), len(items))
    if count <= 1 or len(items) < min_items:
        return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=count, mp_context=_context()) as pool:
        return list(pool.map(function, items, chunksize=CHUNK_ITEMS))


def run_aside(function: Callable[..., Result], *args, workers: int | None = None) -> Callable[[], Result]:
    """Start ``function(*args)`` in a worker process; return a callable that waits for its result.

    The caller does other work in between.  With one core (or ``workers=1``)
    nothing is started and the callable runs the function in this process when
    called.  The same rules as ``map_in_order``'s hold for ``function``, its
    arguments and its result; an exception raised in the worker is raised by
    the callable.

    >>> wait = run_aside(abs, -4, workers=1)
    >>> wait()
    4
    """
    if worker_count(workers) <= 1:
        return lambda: function(*args)
    pool = ProcessPoolExecutor(max_workers=1, mp_context=_context())
    future = pool.submit(function, *args)

    def wait() -> Result:
        try:
            return future.result()
        finally:
            pool.shutdown()
    return wait


def _context():
    """The fork server's context (workers start warm, see the module's docstring), else the default one."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload([f"{__package__}.warm"])
    return context
