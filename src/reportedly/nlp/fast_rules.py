"""Faster stand-ins for spaCy's ``attribute_ruler`` and rule ``lemmatizer``, same output.

In ``en_core_web_sm`` 3.8 these two rule components cost 14% and 4% of
spaCy's CPU time on this project's news when they were replaced (docs/store.md),
because they run Python per token.  ``FastRules`` gives the same annotations
cheaper:

- the attribute ruler's patterns are fixed-length token patterns over TAG,
  LOWER, DEP and IS_SPACE (with IN / NOT_IN / REGEX).  Which single-token
  rules match depends only on a token's (tag, lower, dep, is_space), so the
  merged result is memoised per such key; the few multi-token patterns are
  checked only where their first token matches.  Matches are applied as
  spaCy applies them: sorted by rule order, later rules win.
- the lemmatizer's result is a pure function of a token's (orth, pos, morph)
  (spaCy's own cache uses that key), so each key goes through spaCy's
  ``Lemmatizer.lemmatize`` once and is memoised.  Tokens the attribute ruler gave a lemma keep it
  (``overwrite=False``), as in spaCy.

``FastRules.supports(nlp)`` refuses pipelines whose patterns use anything
else, and ``tests/test_nlp_fast_rules.py`` checks token-for-token equality with the
real components on real news.  ``Settings.fast_rules`` switches it off.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

Key = tuple[str, str, str, bool]  # tag, lower, dep, is_space
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_SETTABLE = {"POS", "MORPH", "LEMMA", "TAG", "DEP"}


def _value_test(spec: Any) -> Callable[[Any], bool]:
    if isinstance(spec, dict):
        if set(spec) == {"IN"}:
            allowed = frozenset(spec["IN"])
            return lambda v: v in allowed
        if set(spec) == {"NOT_IN"}:
            banned = frozenset(spec["NOT_IN"])
            return lambda v: v not in banned
        if set(spec) == {"REGEX"}:
            rx = re.compile(spec["REGEX"])
            return lambda v: bool(rx.search(v))
        raise ValueError(f"unsupported pattern operator {spec!r}")
    return lambda v: v == spec


def _token_test(spec: dict[str, Any]) -> Callable[[Key], bool]:
    tests = [(_FIELDS[k], _value_test(v)) for k, v in spec.items()]
    return lambda key: all(t(key[i]) for i, t in tests)


class FastRules:
    """Applies a pipeline's attribute_ruler and lemmatizer to a parsed doc, faster."""

    def __init__(self, nlp: Language) -> None:
        ruler: Any = nlp.get_pipe("attribute_ruler")
        self.lemmatizer: Any = nlp.get_pipe("lemmatizer")
        self.vocab = nlp.vocab
        # (rule id, token tests, index, attrs) in the order the rules were added
        self.single: list[tuple[int, Callable[[Key], bool], dict[str, str]]] = []
        self._specs: list[dict[str, Any]] = []
        self.multi: list[tuple[int, list[Callable[[Key], bool]], int, dict[str, str]]] = []
        for rid, rule in enumerate(ruler.patterns):
            attrs = {k: str(v) for k, v in rule["attrs"].items()}
            for pattern in rule["patterns"]:
                tests = [_token_test(spec) for spec in pattern]
                if len(tests) == 1:
                    self.single.append((rid, tests[0], attrs))
                    self._specs.append(pattern[0])
                else:
                    index = rule.get("index", 0)
                    self.multi.append((rid, tests, index if index >= 0 else len(tests) + index, attrs))
        # Index of the single-token rules: those gated by an exact LOWER value (==
        # or IN) are looked up by the token's lower form; the rest are memoised
        # on (tag, dep, is_space) when they do not read LOWER at all.
        self._by_lower: dict[str, list[int]] = {}
        self._no_lower: list[int] = []
        self._lower_other: list[int] = []
        for n in range(len(self.single)):
            spec = self._specs[n]
            low = spec.get("LOWER")
            if low is None:
                self._no_lower.append(n)
            elif isinstance(low, str) or (isinstance(low, dict) and set(low) == {"IN"}):
                for v in [low] if isinstance(low, str) else low["IN"]:
                    self._by_lower.setdefault(v, []).append(n)
            else:
                self._lower_other.append(n)
        self._memo2: dict[tuple[str, str, bool], list[int]] = {}
        self._memo: dict[tuple[int, int, int, int], tuple[Key, tuple[tuple[int, dict[str, str]], ...]]] = {}
        self._first: dict[tuple[int, int, int, int], tuple[int, ...]] = {}
        self._hashes: dict[tuple[str, str], int] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._effects: dict[tuple[int, int, int, int], tuple[tuple[tuple[int, int], ...], tuple[tuple[str, str], ...]]] = {}

    @staticmethod
    def supports(nlp: Language) -> bool:
        """True when the pipeline has the two components and only pattern features we implement."""
        if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
            return False
        lem = nlp.get_pipe("lemmatizer")
        if getattr(lem, "mode", None) != "rule" or getattr(lem, "overwrite", True):
            return False
        names = nlp.pipe_names
        if names.index("attribute_ruler") > names.index("lemmatizer"):
            return False
        ruler: Any = nlp.get_pipe("attribute_ruler")
        for rule in ruler.patterns:
            if not set(rule["attrs"]) <= _SETTABLE:
                return False
            for pattern in rule["patterns"]:
                for spec in pattern:
                    if not set(spec) <= set(_FIELDS) or any(
                        isinstance(v, dict) and set(v) - {"IN", "NOT_IN", "REGEX"} for v in spec.values()
                    ):
                        return False
        return True

    def _plan(self, hkey: tuple[int, int, int, int]) -> tuple[Key, tuple[tuple[int, dict[str, str]], ...]]:
        """The string key of a token (from its attribute hashes) and the single-token rules it matches."""
        got = self._memo.get(hkey)
        if got is None:
            strings = self.vocab.strings
            key: Key = (strings[hkey[0]] if hkey[0] else "", strings[hkey[1]] if hkey[1] else "",
                        strings[hkey[2]] if hkey[2] else "", bool(hkey[3]))
            k2 = (key[0], key[2], key[3])
            base = self._memo2.get(k2)
            if base is None:
                base = self._memo2[k2] = [n for n in self._no_lower if self.single[n][1](key)]
            cands = sorted([*base, *self._by_lower.get(key[1], ()), *self._lower_other])
            rules = tuple(
                (self.single[n][0], self.single[n][2]) for n in cands if self.single[n][1](key)
            )

            self._first[hkey] = tuple(i for i, (_, tests, _, _) in enumerate(self.multi) if tests[0](key))
            got = self._memo[hkey] = (key, rules)
        return got

    def __call__(self, doc: Doc) -> Doc:
        if len(self._memo) > 1_000_000:  # bound memory on huge corpora
            self._memo.clear()
            self._first.clear()
            self._effects.clear()
        feats = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        hkeys = [(a, b, c, d) for a, b, c, d in feats]
        plans = [self._plan(h) for h in hkeys]
        n = len(hkeys)
        extra: dict[int, list[tuple[int, dict[str, str]]]] = {}
        if self.multi:
            first = self._first
            for i, h in enumerate(hkeys):
                for m in first[h]:
                    rid, tests, index, attrs = self.multi[m]
                    k = len(tests)
                    if i + k <= n and all(tests[j](plans[i + j][0]) for j in range(1, k)):
                        extra.setdefault(i + index, []).append((rid, attrs))
        rows: list[list[int]] = doc.to_array([POS, MORPH, LEMMA]).tolist()
        others: list[tuple[int, str, str]] = []
        effects = self._effects
        for i, (hkey, (_, single)) in enumerate(zip(hkeys, plans, strict=True)):
            more = extra.get(i)
            if more is None:
                # the common case: only single-token rules, whose joint effect is memoised per key
                eff = effects.get(hkey)
                if eff is None:
                    eff = effects[hkey] = self._effect(single)
                writes, rest = eff
            else:
                writes, rest = self._effect(sorted([*single, *more], key=lambda m: m[0]))
            row = rows[i]
            for col, hashed in writes:
                row[col] = hashed
            for name, value in rest:
                others.append((i, name, value))
        packed: Any = np.asarray(rows, dtype=np.uint64)
        doc.from_array([POS, MORPH, LEMMA], packed)
        for i, name, value in others:
            if name == "TAG":
                doc[i].tag_ = value
            elif name == "DEP":
                doc[i].dep_ = value
        self._lemmatize(doc)
        return doc

    _cols: ClassVar[dict[str, int]] = {"POS": 0, "MORPH": 1, "LEMMA": 2}

    def _effect(
        self, matches: Sequence[tuple[int, dict[str, str]]]
    ) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[str, str], ...]]:
        """What applying ``matches`` in order does to a token: the last value written to each of the
        POS, MORPH, LEMMA columns (as hashes), and the TAG/DEP writes in order."""
        writes: dict[int, int] = {}
        rest: list[tuple[str, str]] = []
        for _, attrs in matches:
            for name, value in attrs.items():
                col = self._cols.get(name)
                if col is not None:
                    writes[col] = self._hash(name, value)
                else:
                    rest.append((name, value))
        return tuple(writes.items()), tuple(rest)

    def _hash(self, name: str, value: str) -> int:
        h = self._hashes.get((name, value))
        if h is None:
            h = self.vocab.morphology.add(value) if name == "MORPH" else self.vocab.strings.add(value)
            self._hashes[(name, value)] = h
        return h

    def _lemmatize(self, doc: Doc) -> None:
        arr: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        memo = self._lemmas
        todo = np.flatnonzero(arr[:, 3] == 0)
        if not len(todo):
            return
        rows = arr.tolist()
        lemmas = [row[3] for row in rows]
        for i in todo.tolist():
            # spaCy's rule lemmatizer is a pure function of (orth, pos, morph): its
            # own cache uses that key, and the paths it does not cache (base forms,
            # no tables for the POS) read nothing else.
            orth, pos, morph, _ = rows[i]
            key = (orth, pos, morph)
            h = memo.get(key)
            if h is None:
                if len(memo) > 1_000_000:
                    memo.clear()
                h = memo[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = h
        column: Any = np.asarray(lemmas, dtype=np.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], column)
