"""The phrase a relative pronoun source stands for: "a message that read ..." is the message's, "Rubio, who said
..." Rubio's, "a journalist with a bloody bandage on his head who told us" the journalist's (``finder`` names the
source by it; PolNeAR's source span is the pronoun)."""

from __future__ import annotations

from ...nlp import Tok
from ..entities.name_words import PARTY_TAG
from .heads import COLLECTIVE_NOUNS, people_noun
from .spans import Candidate


def relative_antecedent(c: Candidate, src_head: Tok | None) -> tuple[Tok, Tok, Tok] | None:
    """(first, last, head) tokens of the phrase a relative pronoun source stands for.

    "a message that read": the message; "the notebook contained a message that read": the notebook.
    """
    if src_head is None or src_head.text.lower() not in ("who", "which", "that"):
        return None
    clause = c.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head  # "a President who polished off ... and then blasted Hillary Clinton"
    if clause.dep_ != "relcl":
        return _before_comma(src_head)
    noun = clause.head
    if noun.pos_ in ("VERB", "AUX") or noun.ent_type_ in ("DATE", "TIME"):
        # "Trump understands who should be calling the shots": a question word the parse hung on a verb; "from some
        # Democratic legislators this summer, who sent": a time is nobody
        return None
    if src_head.lower_ == "who" and noun.dep_ == "pobj" and (noun.ent_type_ in _PLACES or (noun.tag_ == "NN" and not _people(noun))):
        # "People in academia and in much of corporate America who report ...", "a journalist with a bloody bandage on
        # his head who told us": "who" is no place (nor thing) in a phrase's
        # prepositions; the noun they hang from, else nobody (not past "including": "allies, including Poland and
        # Romania, who see ..." are those countries)
        up = noun
        while up.dep_ in ("pobj", "prep", "conj") and up.head.i != up.i and (up.dep_ != "conj" or up.pos_ == "ADP"):
            if up.pos_ == "ADP" and up.lower_ in _LISTING:
                break
            up = up.head
        else:
            if up.pos_ == "VERB":
                # "met a journalist with a bloody bandage ... who told us": "with" hangs on the verb; its object
                up = next((k for k in up.children if k.dep_ == "dobj" and k.i < noun.i and _people(k)), up)
            if up.pos_ not in ("NOUN", "PROPN", "PRON") or up.ent_type_ in _PLACES:
                if noun.ent_type_ not in _PLACES:
                    up = noun  # a thing and nobody found up the phrase: as before ("in company with A and B, who")
                else:
                    return None
            noun = up
    if noun.dep_ == "appos" and noun.head.i < noun.i and PARTY_TAG.fullmatch("".join(noun.doc.texts[noun.left_edge.i : noun.i + 1])):
        noun = noun.head  # "Schumer, D-N.Y., who has pledged ...": the person, not the party tag
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        # "the Preventing Tobacco Addiction Foundation, a group that lobbies ...": the body the apposition describes
        named = [k for k in noun.head.subtree if k.i < noun.left_edge.i and not k.is_punct]
        if named:
            return min(named, key=lambda k: k.i), max(named, key=lambda k: k.i), noun.head
    if noun.dep_ == "dobj" and src_head.lower_ != "who" and noun.head.lemma_.lower() in ("contain", "include", "carry", "bear", "have", "feature"):
        # (not "We have a president who ...": the president)
        subj = [k for k in noun.head.children if k.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            noun = subj[0]
    # the phrase before the relative clause: words the parse hangs on the noun after the clause ("Borges, who
    # insisted ..., not just for down-ticket candidates") are no part of it
    kids = [k for k in noun.subtree if k.i < clause.left_edge.i]
    kids = [k for k in kids if k.i <= noun.i or k.dep_ not in ("relcl", "punct")]
    # nor what the parse hangs before a verbless noun ("Now to the GOP list, another iconic voice who ...")
    left = [g for g in noun.children if g.i < noun.i]
    inner = min((g.i for g in left if g.dep_ not in _NOT_IN_THE_PHRASE), default=noun.i)
    lead = [g for g in left if g.i < inner and g.dep_ in _NOT_IN_THE_PHRASE and g.text not in ("-", "‐", "/")]
    if lead:
        cut = max(g.right_edge.i for g in lead)
        kids = [k for k in kids if k.i > cut]
    if not kids:
        return None
    first = min(kids, key=lambda k: k.i)
    last = noun if noun.i >= max(k.i for k in kids) else max((k for k in kids if k.pos_ != "PUNCT"), key=lambda k: k.i)
    return first, last, noun


_NOT_IN_THE_PHRASE = frozenset({"prep", "advmod", "punct", "cc", "intj", "npadvmod", "mark"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_LISTING = frozenset({"including", "like", "as", "among", "especially"})


def _people(t: Tok) -> bool:
    """Whether a common noun may be people ("journalist", "officials", "the family"), as "who" needs."""
    return people_noun(t.lower_) or t.lower_ in COLLECTIVE_NOUNS


def _before_comma(rel: Tok) -> tuple[Tok, Tok, Tok] | None:
    """The noun phrase right before ", who" when the parse made no relative clause of it ("the weight of the
    liberal intelligentsia, who have decreed that ...", parsed as a clause of the main verb)."""
    doc = rel.doc
    if rel.text.lower() != "who" or rel.i < 2 or doc[rel.i - 1].text != ",":
        return None
    k = rel.i - 2
    while k > 0 and doc[k].ent_type_ in ("DATE", "TIME"):
        k -= 1  # a time is nobody: "from some Democratic legislators this summer, who sent ..." are the legislators
    noun = doc[k]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("DATE", "TIME"):
        return None
    first = min((k for k in noun.subtree if k.i <= noun.i), key=lambda k: k.i)
    return first, noun, noun
