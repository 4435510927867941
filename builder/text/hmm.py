"""jieba's part-of-speech cut, the same algorithm with less work.

jieba's part-of-speech segmentation is pure Python and was most of the
builder's time.  This module computes exactly the same cut (the same words,
the same tags) in a fraction of it, three ways:

* ``best_ends`` finds the dictionary words and the most probable path through
  them in one pass, where jieba builds a graph and then walks it;
* ``viterbi``: the runs of characters the dictionary does not know (people's
  names, brands) go through a hidden Markov model over 256 (position, tag)
  states.  jieba scores every previous state against every next state,
  although a state can only follow the ~30 states that have a transition into
  it: the others score minus infinity and can never win, except when no
  candidate has a transition at all.  Only the real transitions are scored,
  and that exception is handled as jieba does — the same floating-point sums
  in the same order, ties broken the same way;
* ``_hmm_cut`` remembers the runs it has cut: they are short (two characters
  on average) and recur (个, 党的, 川渝, a person's name).

``pos_cut`` is jieba's ``POSTokenizer.cut`` (HMM on) written out around them;
``tests/test_benchmarks_corpus.py`` checks that the two agree word for word
and tag for tag on the seeds, on generated pages and on random text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from math import log

import jieba.posseg as posseg

# Distinct runs kept cut by the HMM (a run is a few characters; this is a few megabytes).
HMM_CACHE_SIZE = 1 << 15
MIN_FLOAT = -3.14e100
MIN_INF = float("-inf")

# jieba.posseg's own patterns (same names), so that text is split into runs identically.
_RE_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_RE_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_RE_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_RE_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_RE_ENG = re.compile("[a-zA-Z0-9]+")
_RE_NUM = re.compile("[\\.0-9]+")


@lru_cache(maxsize=1)
def model() -> tuple[dict, dict, dict, dict, dict]:
    """jieba's HMM tables plus, for every state, the states that can precede it.

    Returns (char → possible states, start, transitions, emissions,
    state → {previous state: transition log-probability}).
    """
    trans = posseg.trans_P
    predecessors: dict = {state: {} for state in trans}
    for before, nexts in trans.items():
        for after, probability in nexts.items():
            predecessors.setdefault(after, {})[before] = probability
    return posseg.char_state_tab_P, posseg.start_P, trans, posseg.emit_P, predecessors


def viterbi(obs: str) -> list[tuple[str, str]]:
    """The most likely (position, tag) state of every character, as jieba computes it.

    Example: [s for s, _ in viterbi("邓力矢")] → ['B', 'E', 'S']
    """
    states, start_p, trans_p, emit_p, predecessors = model()
    all_states = trans_p.keys()
    first = states.get(obs[0], all_states)
    scores = {y: start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT) for y in first}
    paths: list[dict] = [dict.fromkeys(first, "")]
    for char in obs[1:]:
        prev_states = [x for x in paths[-1] if trans_p[x]]
        expected = {y for x in prev_states for y in trans_p[x]}
        obs_states = set(states.get(char, all_states)) & expected
        if not obs_states:
            obs_states = expected if expected else all_states
        prev_set = set(prev_states)
        fallback = None
        new_scores = {}
        path = {}
        for y in obs_states:
            emit = emit_p[y].get(char, MIN_FLOAT)
            into = predecessors.get(y, {})
            # jieba's sum in jieba's order, maximised over (score, state) pairs as jieba does,
            # but only over the states with a transition into y
            if len(into) < len(prev_states):
                best = max(((scores[y0] + p + emit, y0) for y0, p in into.items() if y0 in prev_set),
                           default=None)
            else:
                best = max(((scores[y0] + into[y0] + emit, y0) for y0 in prev_states if y0 in into),
                           default=None)
            if best is None or best[0] == MIN_INF:
                # every candidate scores -inf (no transition into y): jieba's max then
                # picks the greatest previous state
                if fallback is None:
                    fallback = max(prev_states)
                best = (MIN_INF, fallback)
            new_scores[y], path[y] = best
        scores = new_scores
        paths.append(path)
    _, state = max((scores[y], y) for y in paths[-1])
    route = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = paths[i][state]
    return route


@lru_cache(maxsize=HMM_CACHE_SIZE)
def _hmm_cut(sentence: str) -> tuple[tuple[str, str], ...]:
    """jieba's POSTokenizer.__cut: words and tags from the Viterbi path.

    Cached: the runs that reach the HMM are short (two characters on average)
    and recur — 个, 党的, 川渝, a person's name — so most are cut once.
    """
    pos_list = viterbi(sentence)
    words = []
    begin, nexti = 0, 0
    for i, char in enumerate(sentence):
        pos = pos_list[i][0]
        if pos == "B":
            begin = i
        elif pos == "E":
            words.append((sentence[begin:i + 1], pos_list[i][1]))
            nexti = i + 1
        elif pos == "S":
            words.append((char, pos_list[i][1]))
            nexti = i + 1
    if nexti < len(sentence):
        words.append((sentence[nexti:], pos_list[nexti][1]))
    return tuple(words)


def _cut_detail(sentence: str):
    """jieba's POSTokenizer.__cut_detail: HMM over Chinese runs, numbers and Latin kept whole."""
    for blk in _RE_HAN_DETAIL.split(sentence):
        if _RE_HAN_DETAIL.match(blk):
            yield from _hmm_cut(blk)
        else:
            for x in _RE_SKIP_DETAIL.split(blk):
                if x:
                    if _RE_NUM.match(x):
                        yield x, "m"
                    elif _RE_ENG.match(x):
                        yield x, "eng"
                    else:
                        yield x, "x"


def best_ends(tokenizer, sentence: str) -> list[int]:
    """For each position, the last index of the dictionary word jieba starts there.

    jieba's ``get_DAG`` and ``calc`` in one pass: the word graph (every
    dictionary word starting at each position) and the most probable path
    through it, scored right to left with the same sums and the same tie
    rule (the longer word wins a tie), so the cut is the same.
    Example: best_ends(segment.tokenizer(), "劳模精神") → [3, 2, 3, 3] when 劳模精神 is one word
    """
    freq = tokenizer.FREQ
    n = len(sentence)
    logtotal = log(tokenizer.total)
    scores = [0.0] * (n + 1)
    ends = [0] * n
    for idx in range(n - 1, -1, -1):
        best_score, best_end = None, idx
        i, frag = idx, sentence[idx]
        found = False
        while i < n and frag in freq:
            count = freq[frag]
            if count:
                found = True
                score = log(count) - logtotal + scores[i + 1]
                if best_score is None or score > best_score or (score == best_score and i > best_end):
                    best_score, best_end = score, i
            i += 1
            frag = sentence[idx:i + 1]
        if not found:
            best_score = log(freq.get(sentence[idx]) or 1) - logtotal + scores[idx + 1]
        scores[idx] = best_score
        ends[idx] = best_end
    return ends


def _cut_dag(pos: posseg.POSTokenizer, sentence: str):
    """jieba's POSTokenizer.__cut_DAG: dictionary words, unknown runs through the HMM."""
    tokenizer = pos.tokenizer
    freq = tokenizer.FREQ
    tags = pos.word_tag_tab
    tokenizer.check_initialized()
    ends = best_ends(tokenizer, sentence)
    x, buf, n = 0, "", len(sentence)

    def flush(buf):
        if len(buf) == 1:
            yield buf, tags.get(buf, "x")
        elif not freq.get(buf):
            yield from _cut_detail(buf)
        else:
            for elem in buf:
                yield elem, tags.get(elem, "x")

    while x < n:
        y = ends[x] + 1
        word = sentence[x:y]
        if y - x == 1:
            buf += word
        else:
            if buf:
                yield from flush(buf)
                buf = ""
            yield word, tags.get(word, "x")
        x = y
    if buf:
        yield from flush(buf)


def pos_cut(pos: posseg.POSTokenizer, text: str) -> list[tuple[str, str]]:
    """jieba's ``pos.lcut(text)`` (HMM on) as (word, flag) pairs.

    Example: pos_cut(segment.pos_tokenizer(), "林波代表表示") → [('林波', 'nr'), ('代表', 'n'), ('表示', 'v')]
    """
    pos.makesure_userdict_loaded()
    out: list[tuple[str, str]] = []
    for blk in _RE_HAN_INTERNAL.split(text):
        if _RE_HAN_INTERNAL.match(blk):
            out.extend(_cut_dag(pos, blk))
            continue
        for x in _RE_SKIP_INTERNAL.split(blk):
            if _RE_SKIP_INTERNAL.match(x):
                out.append((x, "x"))
                continue
            for xx in x:
                if _RE_NUM.match(xx):
                    out.append((xx, "m"))
                elif _RE_ENG.match(x):
                    out.append((xx, "eng"))
                else:
                    out.append((xx, "x"))
    return out
