"""Entities: one construction per unit test on hand-built docs (no model), and a golden test on the seed."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from conftest import make_doc, parsed_of, shared_path
from reportedly.find import Found
from reportedly.find.entities import entity_at, find_entities
from reportedly.model import Entity
from reportedly.nlp import Parsed
from reportedly.settings import Settings


def _doc(words: Sequence[str] | str, ents: Sequence[str] | str, **kw):  # type: ignore[no-untyped-def]
    """A hand-built doc; ``words`` and ``ents`` may be space-separated strings."""
    if isinstance(words, str):
        words = words.split()
    if isinstance(ents, str):
        ents = ents.split()
    kw = {k: v.split() if isinstance(v, str) else v for k, v in kw.items()}
    return make_doc(words, ents=ents, **kw)


def _find(parsed: Parsed) -> tuple[Entity, ...]:
    return find_entities(parsed, Found(), Settings())


def _by_name(ents: tuple[Entity, ...], name: str) -> Entity:
    found = [e for e in ents if e.name == name]
    assert len(found) == 1, [(e.name, e.kind) for e in ents]
    return found[0]


def _texts(parsed: Parsed, spans: Sequence[tuple[int, int]]) -> list[str]:
    return [parsed.text[s:e] for s, e in spans]


def _check_spans(parsed: Parsed, ents: tuple[Entity, ...]) -> None:
    """Every mention and role span lies inside the text and names what it says."""
    n = len(parsed.text)
    for e in ents:
        assert e.produced_by == "entities.rules/1"
        for s, t in (*e.mentions, *e.role_spans):
            assert 0 <= s < t <= n
        for s, t in e.mentions:
            assert not parsed.text[s:t].endswith(("'s", "’s"))
        assert {" ".join(parsed.text[s:t].split()) for s, t in e.role_spans} == set(e.roles)


# --- titles ---------------------------------------------------------------------------


def test_title_before_name_is_a_role_not_part_of_the_name() -> None:
    words = "Kim , joined by Foreign Minister Choe Son-hui , smiled ."
    ents = "B-PERSON O O O O O B-PERSON I-PERSON O O O"
    p = parsed_of(_doc(words, ents))
    ents_ = _find(p)
    choe = _by_name(ents_, "Choe Son-hui")
    assert choe.kind == "person"
    assert choe.roles == ("Foreign Minister",)
    assert _texts(p, choe.role_spans) == ["Foreign Minister"]
    _check_spans(p, ents_)


def test_title_inside_the_person_entity_is_cut_off() -> None:
    words = "Foreign Minister Choe Son-hui arrived ."
    ents = "B-PERSON I-PERSON I-PERSON I-PERSON O O"
    p = parsed_of(_doc(words, ents))
    choe = _by_name(_find(p), "Choe Son-hui")
    assert _texts(p, choe.mentions) == ["Choe Son-hui"]
    assert choe.roles == ("Foreign Minister",)


def test_nationality_and_portfolio_belong_to_the_title() -> None:
    words = "Also present was Russian Culture Minister Olga Lyubimova ."
    ents = "O O O B-NORP I-NORP O B-PERSON I-PERSON O"
    p = parsed_of(_doc(words, ents))
    ents_ = _find(p)
    olga = _by_name(ents_, "Olga Lyubimova")
    assert olga.roles == ("Russian Culture Minister",)
    # "Russian Culture" (NORP) is an adjective inside the title, not an entity
    assert [e.name for e in ents_] == ["Olga Lyubimova"]


def test_lowercase_title_with_nationality() -> None:
    words = "A screen shows North Korean leader Kim Jong Un mourning ."
    ents = "O O O B-NORP I-NORP O B-PERSON I-PERSON I-PERSON O O"
    p = parsed_of(_doc(words, ents))
    kim = _by_name(_find(p), "Kim Jong Un")
    assert kim.roles == ("North Korean leader",)


def test_honorific_is_not_a_role_but_marks_a_person() -> None:
    words = "Mr. Hong spoke ."
    ents = "O B-GPE O O"
    p = parsed_of(_doc(words, ents))
    hong = _by_name(_find(p), "Hong")
    assert hong.kind == "person"
    assert hong.roles == ()


def test_possessor_before_title() -> None:
    words = "Russia 's spokesman Dmitry Peskov denied it ."
    ents = "B-GPE O O B-PERSON I-PERSON O O O"
    p = parsed_of(_doc(words, ents))
    ents_ = _find(p)
    assert _by_name(ents_, "Dmitry Peskov").roles == ("Russia's spokesman",)
    assert _by_name(ents_, "Russia").kind == "place"


def test_title_of_object_before_name() -> None:
    words = "Secretary of State John Kerry said so ."
    ents = "O O B-ORG B-PERSON I-PERSON O O O"
    p = parsed_of(_doc(words, ents))
    ents_ = _find(p)
    assert _by_name(ents_, "John Kerry").roles == ("Secretary of State",)
    # "State" inside the title is not an organisation
    assert [e.name for e in ents_] == ["John Kerry"]


def test_adjective_before_name_is_not_a_role() -> None:
    words = "Tearful Kim Jong Un wept ."
    ents = "O B-PERSON I-PERSON I-PERSON O O"
    p = parsed_of(_doc(words, ents))
    assert _by_name(_find(p), "Kim Jong Un").roles == ()


def test_title_uses_the_parse_when_there_is_one() -> None:
    # "showed" heads "Un"; "dictator" is a compound of "Un": only "dictator" is the title.
    words = "Footage showed dictator Kim Jong Un weeping ."
    heads = [1, 1, 5, 5, 5, 1, 5, 1]
    deps = "nsubj ROOT compound compound compound dobj acl punct"
    tags = "NN VBD NN NNP NNP NNP VBG ."
    ents = "O O O B-PERSON I-PERSON I-PERSON O O"
    p = parsed_of(_doc(words, ents, heads=heads, deps=deps, tags=tags))
    assert _by_name(_find(p), "Kim Jong Un").roles == ("dictator",)


# --- appositions and relative clauses -----------------------------------------------------


_HONG = [
    "Hong", "Min", ",", "a", "senior", "analyst", "at", "the", "Korea", "Institute", "for", "National",
    "Unification", ",", "told", "Yonhap", "the", "images", "appear", "designed", ".",
]  # fmt: skip
_HONG_ENTS = [
    "B-GPE", "I-GPE", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG",
    "I-ORG", "O", "O", "B-PERSON", "O", "O", "O", "O", "O",
]  # fmt: skip


def test_apposition_is_a_role_and_makes_a_person() -> None:
    p = parsed_of(_doc(_HONG, _HONG_ENTS))
    ents_ = _find(p)
    hong = _by_name(ents_, "Hong Min")
    assert hong.kind == "person"  # spaCy's small model tags it GPE
    assert hong.roles == ("senior analyst at the Korea Institute for National Unification",)
    kinu = _by_name(ents_, "Korea Institute for National Unification")
    assert _texts(p, kinu.mentions) == ["Korea Institute for National Unification"]  # no "the"
    _check_spans(p, ents_)


def test_registry_outlet_is_an_outlet_whatever_spacy_said() -> None:
    p = parsed_of(_doc(_HONG, _HONG_ENTS))
    assert _by_name(_find(p), "Yonhap").kind == "outlet"


def test_definite_apposition_with_spokesman_for() -> None:
    words = "John Kirby , the spokesman for the State Department , said ."
    ents = "B-PERSON I-PERSON O O O O B-ORG I-ORG I-ORG O O O"
    p = parsed_of(_doc(words, ents))
    ents_ = _find(p)
    assert _by_name(ents_, "John Kirby").roles == ("spokesman for the State Department",)
    assert _by_name(ents_, "State Department").kind == "government"


def test_relative_clause_who_heads() -> None:
    words = "Ivan Petrov , who heads the press office , spoke ."
    ents = "B-PERSON I-PERSON O O O O O O O O O"
    p = parsed_of(_doc(words, ents))
    assert _by_name(_find(p), "Ivan Petrov").roles == ("heads the press office",)


def test_list_of_names_gives_no_role() -> None:
    words = "Present were Italy , the secretary of the party , the chief ."
    ents = "O O B-GPE O O O O O O O O O O"
    p = parsed_of(_doc(words, ents))
    italy = _by_name(_find(p), "Italy")
    assert italy.kind == "place" and italy.roles == ()


# --- one entity per referent -----------------------------------------------------------


def test_possessive_is_not_part_of_the_name() -> None:
    d1 = _doc("Kim Jong Un 's sister spoke .", "B-PERSON I-PERSON I-PERSON I-PERSON O O O")
    d2 = _doc("Russia’s war goes on .", "B-GPE O O O O")
    d3 = _doc("Kim Jong Un wept in Russia .", "B-PERSON I-PERSON I-PERSON O O B-GPE O")
    p = parsed_of(d1, d2, d3)
    ents_ = _find(p)
    kim = _by_name(ents_, "Kim Jong Un")
    russia = _by_name(ents_, "Russia")
    assert _texts(p, kim.mentions) == ["Kim Jong Un", "Kim Jong Un"]
    assert _texts(p, russia.mentions) == ["Russia", "Russia"]
    _check_spans(p, ents_)


def test_line_break_inside_a_name_does_not_split_it() -> None:
    words = ["Olga", "\n", "Lyubimova", "wept", ".", "Olga", "Lyubimova", "left", "."]
    spaces = [False, False, True, False, True, True, True, False, False]
    ents = "B-PERSON I-PERSON I-PERSON O O B-PERSON I-PERSON O O"
    p = parsed_of(_doc(words, ents, spaces=spaces))
    (olga,) = _find(p)
    assert olga.name == "Olga Lyubimova"
    assert _texts(p, olga.mentions) == ["Olga\nLyubimova", "Olga Lyubimova"]


def test_surname_and_first_name_join_the_full_name() -> None:
    d1 = _doc("Olga Lyubimova and Jasmine Baehr met .", "B-PERSON I-PERSON O B-PERSON I-PERSON O O")
    d2 = _doc("Lyubimova spoke and Jasmine wrote .", "B-PERSON O O B-PERSON O O")
    d3 = _doc("Kim Jong Un wept ; Kim left .", "B-PERSON I-PERSON I-PERSON O O B-PERSON O O")
    p = parsed_of(d1, d2, d3)
    ents_ = _find(p)
    assert _texts(p, _by_name(ents_, "Olga Lyubimova").mentions) == ["Olga Lyubimova", "Lyubimova"]
    assert _texts(p, _by_name(ents_, "Jasmine Baehr").mentions) == ["Jasmine Baehr", "Jasmine"]
    # Korean names put the family name first
    assert _texts(p, _by_name(ents_, "Kim Jong Un").mentions) == ["Kim Jong Un", "Kim"]
    assert len(ents_) == 3


def test_ambiguous_surname_stays_apart() -> None:
    d = _doc(
        "Kim Jong Un and Kim Yo Jong came ; Kim spoke .",
        "B-PERSON I-PERSON I-PERSON O B-PERSON I-PERSON I-PERSON O O B-PERSON O O",
    )
    p = parsed_of(d)
    names = sorted(e.name for e in _find(p))
    assert names == ["Kim", "Kim Jong Un", "Kim Yo Jong"]


def test_missed_mention_of_a_known_name_is_added() -> None:
    d1 = _doc("Olga Lyubimova wept .", "B-PERSON I-PERSON O O")
    d2 = _doc("Later Olga Lyubimova left .", "O O O O O")
    p = parsed_of(d1, d2)
    (olga,) = _find(p)
    assert _texts(p, olga.mentions) == ["Olga Lyubimova", "Olga Lyubimova"]


def test_acronym_joins_its_expansion_by_initials() -> None:
    d1 = _doc(
        "the Korea Institute for National Unification said .",
        "B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG O O",
    )
    d2 = _doc("KINU also said .", "B-ORG O O O")
    p = parsed_of(d1, d2)
    (kinu,) = _find(p)
    assert kinu.name == "Korea Institute for National Unification"
    assert _texts(p, kinu.mentions) == ["Korea Institute for National Unification", "KINU"]


def test_bracketed_acronym_joins_the_name_before_it() -> None:
    words = "European Aeronautic Defence and Space Company ( EADS ) won . EADS gained ."
    ents = "B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG O O O O O O O O"
    p = parsed_of(_doc(words, ents))
    (eads,) = _find(p)
    assert _texts(p, eads.mentions) == ["European Aeronautic Defence and Space Company", "EADS", "EADS"]


def test_registry_acronym_and_full_name_are_one_outlet() -> None:
    d1 = _doc("Korean Central News Agency said .", "B-ORG I-ORG I-ORG I-ORG O O")
    d2 = _doc("State media KCNA said .", "O O O O O")
    p = parsed_of(d1, d2)
    (kcna,) = _find(p)
    assert kcna.kind == "outlet"
    assert _texts(p, kcna.mentions) == ["Korean Central News Agency", "KCNA"]


# --- kinds ------------------------------------------------------------------------------


def test_person_by_title_even_when_tagged_org() -> None:
    words = "opposition leader Juan Guaido spoke ."
    ents = "O O B-ORG I-ORG O O"
    # with tags, common nouns before the title head count ("opposition"); without, only listed words
    p = parsed_of(_doc(words, ents, tags="NN NN NNP NNP VBD ."))
    juan = _by_name(_find(p), "Juan Guaido")
    assert juan.kind == "person"
    assert juan.roles == ("opposition leader",)


def test_government_bodies() -> None:
    words = "The Unification Ministry and the Pentagon said so ."
    ents = "O B-ORG I-ORG O O O O O O"
    p = parsed_of(_doc(words, ents))
    ents_ = _find(p)
    assert _by_name(ents_, "Unification Ministry").kind == "government"
    assert _by_name(ents_, "Pentagon").kind == "government"  # untagged: found by the list


def test_title_only_org_and_adjective_norp_are_dropped() -> None:
    words = "our beloved Supreme Commander and North Korean troops ."
    ents = "O O B-ORG I-ORG O B-NORP I-NORP O O"
    p = parsed_of(_doc(words, ents))
    assert _find(p) == ()


def test_plural_nationality_is_a_group() -> None:
    words = "Democrats objected ."
    p = parsed_of(_doc(words, "B-NORP O O"))
    assert _by_name(_find(p), "Democrats").kind == "group"


def test_byline_author_joins_first_name_in_the_bio() -> None:
    import dataclasses

    from reportedly.model import Block
    from reportedly.nlp import Segment

    body = _doc("Jasmine is a writer .", "B-PERSON O O O O")
    text = "By Jasmine Baehr Fox News\n\n" + body.text
    byline = Block("byline", 0, 25)
    bio = Block("bio", 27, len(text))
    p = parsed_of(body)
    art = dataclasses.replace(
        p.article, text=text, blocks=(byline, bio), authors=("Jasmine Baehr",), outlet="Fox News"
    )
    p = Parsed(art, (Segment(bio, 27, body),))
    ents_ = _find(p)
    jasmine = _by_name(ents_, "Jasmine Baehr")
    assert _texts(p, jasmine.mentions) == ["Jasmine Baehr", "Jasmine"]
    assert _by_name(ents_, "Fox News").kind == "outlet"


def test_entity_ids_follow_first_mention() -> None:
    p = parsed_of(_doc(_HONG, _HONG_ENTS))
    ents_ = _find(p)
    assert [e.id for e in ents_] == [f"E{i}" for i in range(1, len(ents_) + 1)]
    assert [e.mentions[0][0] for e in ents_] == sorted(e.mentions[0][0] for e in ents_)


# --- entity_at -------------------------------------------------------------------------------


def test_entity_at_prefers_the_role_holder() -> None:
    p = parsed_of(_doc(_HONG, _HONG_ENTS))
    ents_ = _find(p)
    end = p.text.index("Unification") + len("Unification")
    # a source span covering the name and its apposition resolves to the person
    source = entity_at(ents_, (0, end))
    assert source is not None and source.name == "Hong Min"
    inside = entity_at(ents_, (p.text.index("Yonhap"), p.text.index("Yonhap") + 3))
    assert inside is not None and inside.name == "Yonhap"
    assert entity_at(ents_, (p.text.index("images"), p.text.index("images") + 6)) is None


def test_no_dependency_parse_needed() -> None:
    p = parsed_of(_doc(_HONG, _HONG_ENTS))
    assert not p.segments[0].doc.has_annotation("DEP")
    assert _find(p)


# --- golden: the seed article ------------------------------------------------------------------


@pytest.mark.data
def test_seed_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    from reportedly.anatomy import anatomy
    from reportedly.ingest import read_inputs
    from reportedly.nlp import parse

    path = next(iter(sorted(shared_path("seed").glob("*.txt"))))
    (article,) = list(read_inputs([str(path)]))
    parsed = parse(anatomy(article), nlp)
    ents_ = _find(parsed)
    _check_spans(parsed, ents_)

    kim = _by_name(ents_, "Kim Jong Un")
    texts = _texts(parsed, kim.mentions)
    assert kim.kind == "person"
    assert texts.count("Kim Jong Un") >= 8 and texts.count("Kim") >= 3
    assert set(texts) == {"Kim Jong Un", "Kim"}
    assert "North Korean leader" in kim.roles
    assert not any(e.name == "Kim" for e in ents_)

    choe = _by_name(ents_, "Choe Son-hui")
    assert choe.kind == "person" and choe.roles == ("Foreign Minister",)
    olga = _by_name(ents_, "Olga Lyubimova")
    assert olga.kind == "person" and olga.roles == ("Russian Culture Minister",)
    hong = _by_name(ents_, "Hong Min")
    assert hong.kind == "person"
    assert hong.roles == ("senior analyst at the Korea Institute for National Unification",)

    yonhap = [e for e in ents_ if "Yonhap" in e.name]
    assert len(yonhap) == 1 and yonhap[0].kind == "outlet"
    assert {"Yonhap", "Yonhap News Agency"} <= set(_texts(parsed, yonhap[0].mentions))
    kctv = _by_name(ents_, "Korean Central Television")
    assert kctv.kind == "outlet"
    assert _by_name(ents_, "Korea Institute for National Unification").kind == "organization"


def _mentions(*names: tuple[str, str, str]) -> list:
    """Hand-built mentions ``(name, spaCy label, kind)``, one after another in one text."""
    from reportedly.find.entities.mentions import Mention

    out, at = [], 0
    for name, label, kind in names:
        out.append(Mention(0, 0, 1, at, at + len(name), label, kind, name=name))
        at += len(name) + 10
    return out


def test_a_surname_spacy_calls_a_place_joins_the_full_name() -> None:
    """spaCy's small model calls some surnames places ("Kasich", "Pelosi", "Schiff" GPE or LOC, beside "John Kasich"
    a person): 26 surnames were places of their own beside the person's full name in 500 AllSides articles.  Not a
    country, a state or a compass word ("George Washington" and "Washington", "Allen West" and "the West"); a surname
    two full names end with is a person's, whichever ("Skripal's home" beside Sergey and Yulia Skripal)."""
    from reportedly.find.entities.clusters import cluster, cluster_kinds
    from reportedly.find.entities.lexicon import lexicon

    def kinds(ms: list) -> dict[str, str]:
        groups = cluster(ms, lexicon())
        return {" + ".join(sorted({m.name for m in g})): k for g, k in zip(groups, cluster_kinds(groups), strict=True)}

    got = kinds(_mentions(("John Kasich", "PERSON", "person"), ("Kasich", "GPE", "place"), ("Kasich", "ORG", "organization")))
    assert got == {"John Kasich + Kasich": "person"}
    assert kinds(_mentions(("Adam Schiff", "PERSON", "person"), ("Schiff", "LOC", "place"))) == {"Adam Schiff + Schiff": "person"}
    for full, place in (("George Washington", "Washington"), ("Allen West", "West"), ("Raul Castro", "Cuba")):
        got = kinds(_mentions((full, "PERSON", "person"), (place, "GPE", "place")))
        assert got.get(place) == "place", got
    got = kinds(_mentions(("Sergey Skripal", "PERSON", "person"), ("Yulia Skripal", "PERSON", "person"), ("Skripal", "GPE", "place")))
    assert all(k == "person" for names, k in got.items() if "Skripal" in names.split(" + ")), got


def test_an_ordinal_before_a_body_is_part_of_its_name() -> None:
    """AllSides: spaCy left the ordinal out of "the 2nd U.S. Circuit Court of Appeals" and kept it in "the 7th ...",
    so the two courts were one entity ("7th U.S. Circuit Court of Appeals" for both).  An ordinal right before a body's
    name belongs to it; a spelled-out one opening a sentence does not ("First" of "First Fleet Bank said")."""
    words = "The 7th U.S. Circuit Court ruled . Later , the 2nd U.S. Circuit Court disagreed ."
    ents = "O O B-ORG I-ORG I-ORG O O O O O O B-ORG I-ORG I-ORG O O"
    p = parsed_of(_doc(words, ents))
    names = sorted(e.name for e in _find(p))
    assert names == ["2nd U.S. Circuit Court", "7th U.S. Circuit Court"]
    words = "First Fleet Bank said so ."
    p = parsed_of(_doc(words, "O B-ORG I-ORG O O O", sent_starts=[True, False, False, False, False, False]))
    assert [e.name for e in _find(p)] == ["Fleet Bank"]


def test_mentions_within_reads_an_entitys_mentions_in_a_range_in_text_order() -> None:
    """``mentions_within``: the mentions starting in [a, b), sorted, whatever order the entity lists them in (the
    pronoun and description checks rely on it instead of walking every mention)."""
    from reportedly.find.entities import mentions_within

    kim = Entity("e1", "Kim", "person", ((16, 19), (0, 3), (8, 11)))
    assert mentions_within(kim, (0, 20)) == [(0, 3), (8, 11), (16, 19)]
    assert mentions_within(kim, (1, 16)) == [(8, 11)]
    assert mentions_within(kim, (8, 9)) == [(8, 11)]
    assert mentions_within(kim, (9, 16)) == []


def test_first_mention_is_the_earliest_whatever_the_order() -> None:
    from reportedly.find.entities import first_mention

    assert first_mention(Entity("e1", "Kim", "person", ((16, 19), (0, 3), (8, 11)))) == 0
    assert first_mention(Entity("e2", "Kim", "person", ())) is None


def test_offices_read_a_party_and_a_title_of_several_words() -> None:
    """A party word names the party, not a body ("the SNP leader" holds no office of a body called "SNP"); a title of
    several words ending the phrase holds its head ("the House Speaker"), a title elsewhere does not ("the man who
    would be president")."""
    from reportedly.find.attributions.heads import title_ends
    from reportedly.find.attributions.offices import body_in, party_in

    assert party_in("the new Conservative leader") == party_in("the Tory leader") == "conservative"
    assert party_in("the Liberal Democrat leader") == "liberal democrat"
    assert party_in("the Liberal leader") == "liberal"
    assert party_in("the party leader") is None
    assert body_in("the SNP leader", "leader") is None
    assert body_in("the Labour leader", "leader") is None
    assert body_in("the World Health Organization director", "director") == "Organization"
    assert title_ends("the house speaker", "speaker")
    assert not title_ends("the man who would be president", "man")
    assert not title_ends("the speaker's house", "house")


def test_a_surname_spacy_cut_after_two_given_names_is_the_names() -> None:
    """"The Guardian's Hannah Jane Parkinson wrote" (spaCy: PERSON "Hannah Jane", the surname untagged): one proper noun
    more after given names only joins the name, not a title word ("Marie Claire Editor-in-Chief ...")."""
    words = "The Guardian 's Hannah Jane Parkinson wrote a piece ."
    ents = "O B-ORG O B-PERSON I-PERSON O O O O O"
    tags = "DT NNP POS NNP NNP NNP VBD DT NN ."
    p = parsed_of(_doc(words, ents, tags=tags))
    assert _by_name(_find(p), "Hannah Jane Parkinson").kind == "person"
    words = "Marie Claire Editor said it ."
    p = parsed_of(_doc(words, "B-PERSON I-PERSON O O O O", tags="NNP NNP NNP VBD PRP ."))
    assert "Marie Claire Editor" not in [e.name for e in _find(p)]


def test_a_leaning_before_a_body_name_is_no_title() -> None:
    """KCNA: "The Socialist Youth Union of Brazil posted" (spaCy: PERSON "Youth Union of Brazil") was a person with the
    role "Socialist"; a body's head word in the name makes the leaning part of a body's name."""
    words = "The Socialist Youth Union of Brazil posted a story ."
    ents = "O O B-PERSON I-PERSON I-PERSON I-PERSON O O O O"
    tags = "DT NNP NNP NNP IN NNP VBD DT NN ."
    p = parsed_of(_doc(words, ents, tags=tags))
    assert _by_name(_find(p), "Youth Union of Brazil").roles == ()
