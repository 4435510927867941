"""Vectorised building blocks of the index (numpy): varints, gaps, grouping, interleaving.

Each works on whole arrays at once, so the build never loops in Python per
posting; each has a small example.
"""

from __future__ import annotations

import numpy as np

U64 = np.uint64


def varint_encode(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Varints of many values at once: (bytes as uint8, byte offset of each value plus the total at the end).

    >>> data, offsets = varint_encode(np.array([0, 1, 127, 128, 300], dtype=np.uint64))
    >>> bytes(data).hex(" "), offsets.tolist()
    ('00 01 7f 80 01 ac 02', [0, 1, 2, 3, 5, 7])
    """
    largest = int(values.max()) if len(values) else 0
    if values.dtype not in (np.uint32, U64):
        values = values.astype(np.uint32 if largest < 1 << 32 else U64)
    kind = values.dtype.type
    size = varint_sizes(values, largest)
    offsets = np.empty(len(values) + 1, dtype=np.int64)
    offsets[0] = 0
    np.cumsum(size, out=offsets[1:])
    out = np.empty(int(offsets[-1]), dtype=np.uint8)
    first = (values & kind(0x7F)).astype(np.uint8)
    first |= (size > 1).view(np.uint8) << np.uint8(7)
    out[offsets[:-1]] = first                                            # every value's first byte
    for i in range(1, int(size.max()) if len(size) else 0):               # further bytes of the few large ones
        has = np.flatnonzero(size > i)
        more = (size[has] > i + 1).view(np.uint8) << np.uint8(7)
        out[offsets[has] + i] = ((values[has] >> kind(7 * i)) & kind(0x7F)).astype(np.uint8) | more
    return out, offsets


def varint_encode_at(values: np.ndarray, wanted: np.ndarray, chunk: int = 1 << 22) -> tuple[np.ndarray, np.ndarray]:
    """``varint_encode``, a chunk of values at a time, with the byte offsets of the ``wanted`` values only.

    The offsets of every value are 8 bytes each, more than the encoded bytes
    themselves: the largest payload array (tens of millions of values at
    10,000 articles) needs them only where each gram's payload begins.
    ``wanted`` may name ``len(values)``, the end.

    >>> data, at = varint_encode_at(np.array([0, 1, 127, 128, 300], dtype=np.uint64), np.array([0, 3, 4, 5]), chunk=2)
    >>> bytes(data).hex(" "), at.tolist()
    ('00 01 7f 80 01 ac 02', [0, 3, 5, 7])
    """
    parts, at, written = [], np.zeros(len(wanted), dtype=np.int64), 0
    for lo in range(0, max(len(values), 1), chunk):
        hi = min(lo + chunk, len(values))
        data, offsets = varint_encode(values[lo:hi])
        inside = np.flatnonzero((wanted >= lo) & (wanted <= hi))
        at[inside] = written + offsets[wanted[inside] - lo]
        parts.append(data)
        written += len(data)
    return (np.concatenate(parts) if parts else np.zeros(0, np.uint8)), at


def varint_sizes(values: np.ndarray, largest: int | None = None) -> np.ndarray:
    """How many bytes each value's varint takes (uint8: the arrays are long, memory is the cost).

    >>> varint_sizes(np.array([0, 127, 128, 16384], dtype=np.uint32)).tolist()
    [1, 1, 2, 3]
    """
    if largest is None:
        largest = int(values.max()) if len(values) else 0
    size = np.ones(len(values), dtype=np.uint8)
    for bits in range(7, largest.bit_length(), 7):      # most values are small: few passes
        size += (values >= (1 << bits)).view(np.uint8)
    return size


def exclusive_cumsum(sizes: np.ndarray) -> np.ndarray:
    """Where each of consecutive blocks of these sizes starts.

    >>> exclusive_cumsum(np.array([2, 0, 3])).tolist()
    [0, 2, 2]
    """
    # int64 throughout: [0] joined to an unsigned cumsum would make floats of the offsets
    if not len(sizes):
        return np.zeros(0, np.int64)
    return np.concatenate((np.zeros(1, np.int64), np.cumsum(sizes, dtype=np.int64)[:-1]))


def within_group_gaps(values: np.ndarray, group_start: np.ndarray) -> np.ndarray:
    """Differences to the previous value, except at a group's first value, which stays whole.

    >>> within_group_gaps(np.array([3, 5, 9, 2, 4]), np.array([True, False, False, True, False])).tolist()
    [3, 2, 4, 2, 2]
    """
    out = values.astype(np.int64)                      # a copy already
    out[1:] -= values[:-1]
    out[group_start] = values[group_start]
    return out


def layout(groups: int, sections: list[tuple[np.ndarray, np.ndarray]],
           order: np.ndarray | None = None, chunk: int = 1 << 22) -> tuple[np.ndarray, np.ndarray]:
    """Interleave per-group sections into one value array: each group's sections together, groups in ``order``.

    Each section is (values per group, values ordered by group).  Returns the
    values and each group's first index (groups numbered as in the sections).

    >>> sections = [(np.array([1, 1]), np.array([2, 1])), (np.array([2, 1]), np.array([10, 11, 20]))]
    >>> values, starts = layout(2, sections)
    >>> values.tolist(), starts.tolist()
    ([2, 10, 11, 1, 20], [0, 3])
    >>> values, starts = layout(2, sections, order=np.array([1, 0]))
    >>> values.tolist(), starts.tolist()
    ([1, 20, 2, 10, 11], [2, 0])
    >>> layout(3, [(np.array([2, 0, 3]), np.array([1, 2, 3, 4, 5]))], chunk=2)[0].tolist()
    [1, 2, 3, 4, 5]
    """
    order = np.arange(groups) if order is None else order
    block = np.zeros(groups, dtype=np.int64)
    for sizes, _ in sections:
        block += sizes
    block_starts = np.empty(groups, dtype=np.int64)
    block_starts[order] = exclusive_cumsum(block[order])
    largest = max((int(values.max()) for _, values in sections if len(values)), default=0)
    out = np.empty(int(block.sum()), dtype=np.uint32 if largest < 1 << 32 else U64)
    offset = block_starts.copy()
    for sizes, values in sections:
        # value j of the section goes to start[its group] + j; the destinations are made a chunk of
        # values at a time, so no index array as long as the whole section (8 bytes a value) is held
        start = offset - exclusive_cumsum(sizes)
        ends = np.cumsum(sizes, dtype=np.int64)
        for lo in range(0, len(values), chunk):
            hi = min(lo + chunk, len(values))
            first_group = int(np.searchsorted(ends, lo, side="right"))
            last_group = int(np.searchsorted(ends, hi - 1, side="right"))
            first_value = int(ends[first_group] - sizes[first_group])
            index = np.repeat(start[first_group:last_group + 1], sizes[first_group:last_group + 1])
            index = index[lo - first_value:hi - first_value]
            index += np.arange(lo, hi, dtype=np.int64)
            out[index] = values[lo:hi]
        offset += sizes
    return out, block_starts


def sorted_distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (a value sort: faster here than numpy's hashing ``unique``).

    >>> sorted_distinct(np.array([3, 1, 3, 2], dtype=np.uint64)).tolist()
    [1, 2, 3]
    """
    ordered = np.sort(values)
    return ordered[run_starts(ordered)] if len(ordered) else ordered


def run_starts(*columns: np.ndarray) -> np.ndarray:
    """True where any of the columns changes from the previous row (and at row 0): where groups begin.

    >>> run_starts(np.array([1, 1, 2, 2]), np.array([5, 6, 6, 6])).tolist()
    [True, True, True, False]
    """
    starts = np.zeros(len(columns[0]), dtype=bool)
    starts[:1] = True
    for column in columns:
        starts[1:] |= column[1:] != column[:-1]
    return starts
