"""The quote index (``corpus.quoteindex``) gives what a dictionary of 5-word tuples capped per key gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportedly.corpus.quoteindex import RUN, QuoteIndex, keys

_WORDS = st.lists(st.sampled_from(["a", "b", "c", "kim", "said"]), max_size=12).map(tuple)


def _runs(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {words[i : i + RUN] for i in range(len(words) - RUN + 1)}


@settings(max_examples=300, deadline=None)
@given(
    cap=st.integers(1, 5),
    restored=st.lists(_WORDS, max_size=25),
    added=st.lists(st.tuples(_WORDS, _WORDS), max_size=12),
    last=_WORDS,
    joined_every=st.integers(1, 3),
)
def test_same_lists_as_a_capped_dictionary_before_and_after_the_first_look_up(
    cap: int,
    restored: list[tuple[str, ...]],
    added: list[tuple[tuple[str, ...], tuple[str, ...]]],
    last: tuple[str, ...],
    joined_every: int,
) -> None:
    """Entries added before the first look-up (built into arrays at once) and after it (a dictionary
    beside them), as words or joined by NUL (``add_joined``), are found as the old rule finds them:
    each run's first ``cap`` entries, in the order added, for each run of the passage in text order."""
    ix: QuoteIndex[int] = QuoteIndex(cap)
    ref: dict[tuple[str, ...], list[int]] = {}

    def add(words: tuple[str, ...], entry: int) -> None:
        if entry % joined_every:
            ix.add(words, entry)
        else:
            ix.add_joined("\x00".join(words), entry)
        for g in _runs(words):
            held = ref.setdefault(g, [])
            if len(held) < cap:
                held.append(entry)

    def look(words: tuple[str, ...]) -> None:
        expected = [e for i in range(len(words) - RUN + 1) for e in ref.get(words[i : i + RUN], [])]
        assert ix.found(words) == expected

    n = 0
    for words in restored:
        add(words, n)
        n += 1
    for asked, words in added:
        look(asked)
        add(words, n)
        n += 1
    look(last)


def test_keys_one_per_run_in_text_order() -> None:
    words = ("the", "new", "rules", "take", "effect", "today", "the", "new", "rules", "take", "effect")
    ks = keys(words)
    assert ks.size == len(words) - RUN + 1
    assert ks[0] == ks[6] and len(set(ks.tolist())) == 6  # the repeated run has one key
    assert keys(words[:4]).size == 0
