"""Shared fixtures: the spaCy pipeline, the shared data folder, and hand-built docs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from reportedly.model import Article, Block
from reportedly.nlp import Parsed, Segment

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test where it is absent (as on a user's machine)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not available: {p}")
    return p


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from reportedly.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    d = shared_path("seed")
    return next(iter(sorted(d.glob("*.txt"))))


@pytest.fixture(scope="session")
def seed_report(seed_path: Path):  # type: ignore[no-untyped-def]
    """The report of the canonical seed article, analysed once per test session."""
    from reportedly import analyze
    from reportedly.ingest import read_inputs

    (article,) = list(read_inputs([str(seed_path)]))
    assert isinstance(article, Article)
    return analyze(article)


_VOCAB = Vocab()


def make_doc(
    words: Sequence[str],
    *,
    spaces: Sequence[bool] | None = None,
    heads: Sequence[int] | None = None,
    deps: Sequence[str] | None = None,
    pos: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
    ents: Sequence[str] | None = None,
    sent_starts: Sequence[bool] | None = None,
) -> Doc:
    """A parsed doc built by hand with a blank vocab (no model): heads are absolute token indices.

    ``ents`` are IOB tags such as ``"B-PERSON"``, ``"I-PERSON"``, ``"O"``.
    """
    if spaces is None:
        spaces = [
            i + 1 < len(words) and words[i + 1] not in {".", ",", "'s", "’s", ":", ";", "?", "!", "\"", "”", ")"}
            and words[i] not in {"\"", "“", "("}
            for i in range(len(words))
        ]
    if heads is not None and sent_starts is None and deps is None:
        raise ValueError("heads need deps")
    doc = Doc(
        _VOCAB,
        words=list(words),
        spaces=list(spaces),
        heads=list(heads) if heads is not None else None,
        deps=list(deps) if deps is not None else None,
        pos=list(pos) if pos is not None else None,
        tags=list(tags) if tags is not None else None,
        lemmas=list(lemmas) if lemmas is not None else None,
        ents=list(ents) if ents is not None else None,
        sent_starts=list(sent_starts) if sent_starts is not None and heads is None else None,
    )
    return doc


def parsed_of(*docs: Doc, kinds: Sequence[str] | None = None) -> Parsed:
    """A Parsed article made of hand-built docs, one body block each, separated by blank lines."""
    text_parts: list[str] = []
    segs: list[Segment] = []
    pos = 0
    for i, d in enumerate(docs):
        if i:
            text_parts.append("\n\n")
            pos += 2
        kind = kinds[i] if kinds else "body"
        b = Block(kind, pos, pos + len(d.text))
        segs.append(Segment(b, pos, d))
        text_parts.append(d.text)
        pos += len(d.text)
    text = "".join(text_parts)
    art = Article(text=text, id="test", blocks=tuple(s.block for s in segs))
    return Parsed(art, tuple(segs))


def parse_text(nlp: Any, text: str, settings: Any, origin: str | None = None) -> Parsed:
    """An article made from ``text`` as ingest makes it (anatomy, then the project's parse), with ``settings``."""
    from reportedly.anatomy import anatomy
    from reportedly.ingest import article_from_text
    from reportedly.nlp import parse_many

    (parsed,) = parse_many([anatomy(article_from_text(text, origin=origin, settings=settings), settings)], nlp)
    return parsed


def annotations(docs: Iterable[Doc]) -> list[tuple[Any, ...]]:
    """Every annotation spaCy's pipeline sets, token by token: for 'same output' comparisons."""
    return [
        (t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.is_sent_start)
        for d in docs
        for t in d
    ]


def paragraphs(texts: Iterable[str]) -> list[str]:
    """The non-blank paragraphs (split at blank lines) of some texts."""
    return [p for t in texts for p in t.split("\n\n") if p.strip()]
