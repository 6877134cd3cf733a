"""Score outlet-voice spans on BASIL (Fan et al., EMNLP 2019): ``reportedly eval basil DIR``.

BASIL annotates bias spans in news triplets (Fox News, New York Times,
HuffPost) per sentence: ``bias`` is ``lex`` (lexical: the wording) or ``inf``
(informational: what is told), ``quote`` says whether the span is a quote.
The gold here is every lexical span that is not a quote: the outlet's own
loaded wording, what ``find_voice`` looks for.

Each article becomes an ``Article``: the title as a headline block, then one
body block per paragraph (sentences joined by a space), blocks separated by
a blank line; an annotation's sentence-relative offsets are mapped to the
first sentence (title included) whose text at those offsets equals the
annotated text.

Scores (micro over all articles, overlap match: a predicted span counts when
it shares a character with a gold span, a gold span is found when some
prediction shares a character with it):

- ``voice``: ``report.voice`` from the full pipeline (``find_voice``).
- ``baseline``: ``voice.lexicon_hits`` from the same parse, every hit of the
  lexicons with no quote, attribution or name filtering.

Splits: 2010-2012 for development, 2013-2014 held out for reporting.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..find.voice import lexicon_hits
from ..model import Article, Block, Span, Voice
from ..nlp import load_pipeline, parse_many
from ..pipeline import find_all
from ..settings import Settings

DEV_YEARS = (2010, 2011, 2012)
TEST_YEARS = (2013, 2014)


@dataclass(frozen=True)
class Gold:
    """One BASIL lexical, non-quote span, placed in the article text."""

    span: Span
    text: str
    id: str


@dataclass(frozen=True)
class BasilArticle:
    article: Article
    gold: tuple[Gold, ...]
    year: int


@dataclass
class Score:
    """Overlap-match counts for one system."""

    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_found: int = 0
    by_lexicon: Counter[str] = field(default_factory=Counter)
    by_lexicon_matched: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: Sequence[Voice], gold: Sequence[Gold]) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        for v in predicted:
            key = f"{v.lexicon}:{v.category}"
            self.by_lexicon[key] += 1
            if any(_overlap(v.span, g.span) for g in gold):
                self.predicted_matched += 1
                self.by_lexicon_matched[key] += 1
        self.gold_found += sum(1 for g in gold if any(_overlap(v.span, g.span) for v in predicted))

    def to_dict(self) -> dict[str, Any]:
        return {
            "predicted": self.predicted,
            "predicted_matched": self.predicted_matched,
            "gold": self.gold,
            "gold_found": self.gold_found,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "by_lexicon": {
                k: {"predicted": n, "matched": self.by_lexicon_matched[k]}
                for k, n in sorted(self.by_lexicon.items())
            },
        }


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentences(raw: Any) -> list[list[str]]:
    paras = json.loads(raw) if isinstance(raw, str) else raw
    return [[str(s) for s in p] for p in paras]


def load_article(article_path: Path, annotation_path: Path, year: int) -> BasilArticle:
    """One BASIL article with its lexical non-quote gold spans placed in the text."""
    art = json.loads(article_path.read_text(encoding="utf-8"))
    ann = json.loads(annotation_path.read_text(encoding="utf-8"))
    title = str(art.get("title") or "").strip()
    parts: list[str] = []
    blocks: list[Block] = []
    sents: list[tuple[int, str]] = []  # (offset in text, sentence)
    pos = 0

    def add(kind: str, pieces: list[str]) -> None:
        nonlocal pos
        if parts:
            parts.append("\n\n")
            pos += 2
        start = pos
        for k, s in enumerate(pieces):
            if k:
                parts.append(" ")
                pos += 1
            sents.append((pos, s))
            parts.append(s)
            pos += len(s)
        blocks.append(Block(kind, start, pos, "basil.loader/1"))

    if title:
        add("headline", [title])
    for para in _sentences(art.get("body-paragraphs") or "[]"):
        if para:
            add("body", para)
    text = "".join(parts)
    gold: list[Gold] = []
    for p in ann.get("phrase-level-annotations") or ():
        if p.get("bias") != "lex" or p.get("quote") != "no":
            continue
        s, e, txt = int(p["start"]), int(p["end"]), str(p["txt"])
        for off, sent in sents:
            if sent[s:e] == txt:
                gold.append(Gold((off + s, off + e), txt, str(p.get("id", ""))))
                break
    article = Article(
        text=text,
        id=str(art.get("uuid") or article_path.stem),
        url=art.get("url"),
        outlet=art.get("source"),
        title=title or None,
        published=art.get("date"),
        blocks=tuple(blocks),
        origin=str(article_path),
        format="basil",
    )
    return BasilArticle(article, tuple(gold), year)


def load_basil(root: str | Path, years: Iterable[int]) -> list[BasilArticle]:
    """Every article of the given years under ``root`` (``articles/YEAR``, ``annotations/YEAR``)."""
    root = Path(root)
    out: list[BasilArticle] = []
    for y in years:
        for ap in sorted((root / "articles" / str(y)).glob("*.json")):
            ann = root / "annotations" / str(y) / f"{ap.stem}_ann.json"
            if ann.exists():
                out.append(load_article(ap, ann, y))
    return out


def evaluate(
    root: str | Path, years: Sequence[int] = DEV_YEARS, settings: Settings | None = None
) -> dict[str, Any]:
    """Scores of ``voice`` and the lexicon ``baseline`` on BASIL articles of ``years``."""
    settings = settings or Settings()
    items = load_basil(root, years)
    if not items:
        raise FileNotFoundError(f"no BASIL articles for {list(years)} under {root}")
    nlp = load_pipeline(settings.model)
    voice, base = Score(), Score()
    for k in range(0, len(items), 16):
        chunk = items[k : k + 16]
        for item, parsed in zip(chunk, parse_many([i.article for i in chunk], nlp), strict=True):
            found = find_all(parsed, settings)
            voice.add(found.voice, item.gold)
            base.add(lexicon_hits(parsed), item.gold)
    return {
        "corpus": "BASIL",
        "years": list(years),
        "articles": len(items),
        "gold": "lexical bias spans, quote == no",
        "match": "overlap",
        "voice": voice.to_dict(),
        "baseline": base.to_dict(),
    }
