"""Loaded words in the outlet's own voice, kept apart from the same words in quotes.

``find_voice(parsed, found, settings)`` returns one ``Voice`` per loaded word
or phrase that the outlet says itself: not inside quotation marks and not
inside the content of an attribution (footage and document attributions
excepted: what footage "showed" is the outlet's description).  Words in an attribution's cue stay in
("slammed", "boasted": the outlet chose the verb).

Lexicon: ``news_voice.tsv`` (``lexicon="news_voice"``), a curated news
list with a category each: ``label`` ("dictator", "regime", "Hermit
Kingdom"), ``epithet`` ("insular", "reclusive", "fiery"), ``emotion``
("tearful", "furious"), ``intensifier`` ("very", "unprecedented"),
``framing`` ("slammed", "caved"), ``derogatory`` ("debacle", "gimmick").

``lexicon_hits(parsed)`` is the baseline: every hit of the news list, of
Riloff and Wiebe's strong subjectivity clues (``riloff2003``, category
``subjective``) and of the NPOV bias lexicon (Recasens et al. 2013,
``npov``, category ``bias``), any part of speech, with no quote, attribution
or name filtering.  The general lexicons are not in ``find_voice``: on BASIL
2010-2012 Riloff's adjectives and adverbs outside quotes matched a gold span
14 times in 366 (precision 0.04: "just", "long", "sure" ...), against 32 in 115
for the news list (see eval/voice.md).

A hit that sits inside a longer name (an entity longer than the hit, such as
"Amnesty International"; without NER, a capitalised hit next to another
capitalised word mid-sentence) is left out.

Limits: a word list cannot tell loaded from literal use ("isolated
incident", "extreme weather"); quotes are found from quotation marks, so an
unmarked paraphrase only counts as a source's words if the attribution finder
put it in a content; BASIL scores are in eval/voice.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan

from ..lexicons import PhraseTable, load_table
from ..model import Span, Voice
from ..nlp import Parsed, Segment, lowers
from ..settings import Settings
from . import Found
from .hedges import in_spans, quoted_spans

PRODUCED_BY = "voice.rules/1"
BASELINE_PRODUCED_BY = "voice.lexicon-baseline/1"

# Attribution kinds whose content the outlet words itself: what footage
# "showed" or a document "contained" is the outlet's description; what
# "appears to be" so with no one it appears to is the outlet's own statement.
_DESCRIBED = frozenset({"footage", "image", "document", "appearance"})
# Entity labels whose names hold words that are not the outlet's judgement.
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW", "NORP", "GPE", "LOC"})


def _tables() -> tuple[PhraseTable, PhraseTable, PhraseTable]:
    return (
        load_table("news_voice.tsv"),
        load_table("strong_subjectives_riloff2003.txt", default="subjective"),
        load_table("npov_lexicon.txt", default="bias"),
    )


def find_voice(parsed: Parsed, found: Found, settings: Settings) -> tuple[Voice, ...]:
    """Loaded words outside quotes, attributed content and names, in text order."""
    contents = sorted(s for a in found.attributions if a.kind not in _DESCRIBED for s in a.content)
    quotes = _quotes(parsed)
    starts = [s for s, _ in quotes]
    return tuple(
        cand
        for seg, sent, cand in _candidates(parsed, general=False)
        if not _in_name(sent, seg, cand.span)
        and not in_spans(cand.span, quotes, starts)
        and not in_spans(cand.span, contents)
    )


def lexicon_hits(parsed: Parsed) -> tuple[Voice, ...]:
    """Baseline: every hit of the news list, Riloff's strong subjectives and NPOV, unfiltered."""
    return tuple(
        Voice(c.span, c.text, c.category, c.lexicon, BASELINE_PRODUCED_BY)
        for _, _, c in _candidates(parsed, general=True)
    )


def _candidates(parsed: Parsed, *, general: bool) -> Iterator[tuple[Segment, SpacySpan, Voice]]:
    news, riloff, npov = _tables()
    for seg, sent in parsed.sentences():
        words = lowers(sent.doc)[sent.start : sent.end]
        taken = [False] * len(words)
        for i, j, category in news.matches(words):
            taken[i:j] = [True] * (j - i)
            yield seg, sent, _voice(parsed, seg, sent[i:j], category, "news_voice")
        if not general:
            continue
        for k, tok in enumerate(sent):
            if taken[k] or not tok.text.isalpha():
                continue
            forms = {words[k], tok.lemma_.lower()} - {""}
            for table, name in ((riloff, "riloff2003"), (npov, "npov")):
                hit = next((table.entries[(f,)] for f in forms if (f,) in table.entries), None)
                if hit is not None:
                    yield seg, sent, _voice(parsed, seg, sent[k : k + 1], hit, name)
                    break


def _voice(parsed: Parsed, seg: Segment, span: SpacySpan, category: str, lexicon: str) -> Voice:
    s, e = parsed.abs(seg, span)
    return Voice((s, e), parsed.text[s:e], category, lexicon, PRODUCED_BY)


def _in_name(sent: SpacySpan, seg: Segment, span: Span) -> bool:
    doc = sent.doc
    hit = doc.char_span(span[0] - seg.start, span[1] - seg.start)
    if hit is None:
        return False
    if doc.has_annotation("ENT_IOB"):
        for ent in doc.ents:
            if ent.label_ in _NAME_LABELS and ent.start <= hit.start and hit.end <= ent.end and len(ent) > len(hit):
                return True
        return False
    if not hit[0].text[:1].isupper() or hit.start == sent.start:
        return False
    before = doc[hit.start - 1] if hit.start - 1 > sent.start else None
    after = doc[hit.end] if hit.end < sent.end else None
    return any(t is not None and t.text[:1].isupper() and t.text.isalpha() for t in (before, after))


def _quotes(parsed: Parsed) -> list[Span]:
    out: list[Span] = []
    for seg in parsed.segments:
        out.extend(quoted_spans(parsed.text, seg.start, seg.end))
    out.sort()
    return out
