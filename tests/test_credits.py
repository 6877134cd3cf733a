"""Photo, video, wire and contribution credits: one test per construction, and the seed."""

from __future__ import annotations

from conftest import make_doc, parsed_of, shared_path
from reportedly.anatomy import anatomy
from reportedly.find import Found
from reportedly.find.credits import PRODUCED_BY, find_credits
from reportedly.model import Article, Credit
from reportedly.nlp import Parsed
from reportedly.settings import Settings

LEDE = "The ministry said on Monday that talks with the union had failed after three weeks of strikes."
MORE = "Officials declined to say when the vote would take place, or how many members had signed."


def credits(text: str) -> list[tuple[str, str, str]]:
    """(kind, name, text at span) of every credit found after anatomy, with no parse."""
    a = anatomy(Article(text=text, id="t"))
    out = find_credits(Parsed(a, ()), Found(), Settings())
    for c in out:
        assert isinstance(c, Credit) and c.produced_by == PRODUCED_BY
        assert c.span is not None and 0 <= c.span[0] < c.span[1] <= len(text)
    return [(c.kind, c.name, text[c.span[0] : c.span[1]]) for c in out if c.span is not None]


def test_labelled_photo_credit_in_a_caption() -> None:
    text = f"Talks fail\n\n{LEDE}\n\nA man walks past a closed factory in Turin. (Credit: Reuters)\n\n{MORE}"
    assert credits(text) == [("photo", "Reuters", "Reuters")]


def test_bare_agency_credit_after_a_caption() -> None:
    text = f"Talks fail\n\n{LEDE}\n\nUnion members gather in Rome, Italy, June 30. (Reuters)\n\n{MORE}"
    assert credits(text) == [("photo", "Reuters", "Reuters")]


def test_agency_photo_and_photographer() -> None:
    text = f"Talks fail\n\n{LEDE}\n\nStrikers march through Turin on Monday. (AP Photo/Luca Bruno, File)\n\n{MORE}"
    assert credits(text) == [("photo", "Associated Press", "AP"), ("photo", "Luca Bruno", "Luca Bruno")]


def test_credit_line_with_a_label_and_picture_agency() -> None:
    text = f"Talks fail\n\n{LEDE}\n\nThe union leader speaks in Rome on Monday.\nPhoto: Andreas Solaro, Getty Images\n\n{MORE}"
    assert credits(text) == [
        ("photo", "Andreas Solaro", "Andreas Solaro"),
        ("photo", "Getty Images", "Getty Images"),
    ]


def test_video_credit() -> None:
    text = f"Talks fail\n\n{LEDE}\n\nStrikers march through Turin on Monday. (Video: Reuters)\n\n{MORE}"
    assert credits(text) == [("video", "Reuters", "Reuters")]


def test_wire_tags_in_datelines() -> None:
    assert credits(f"Talks fail\n\nSEOUL (Reuters) - {LEDE}") == [("wire", "Reuters", "Reuters")]
    assert credits(f"Talks fail\n\nWASHINGTON (AP) — {LEDE}") == [("wire", "Associated Press", "AP")]
    assert credits(f"Talks fail\n\n(CNN) — {LEDE}") == [("wire", "CNN", "CNN")]
    assert credits(f"Talks fail\n\nROME, Italy — {LEDE}") == []


def test_a_place_or_a_party_in_brackets_is_no_wire() -> None:
    """Human Rights Watch's releases open "(London) – ..." and Politico wrote "Sen. Charles Schumer (D-N.Y.) —":
    both were wire agencies, added to every chain of the article; an agency the registry lacks stays a wire
    when it looks like one."""
    assert credits(f"Talks fail\n\n(London) – {LEDE}") == []
    assert credits(f"Talks fail\n\nSen. Charles Schumer (D-N.Y.) — {LEDE}") == []
    assert credits(f"Talks fail\n\nKABUL (Pajhwok News) — {LEDE}") == [("wire", "Pajhwok News", "Pajhwok News")]
    assert credits(f"Talks fail\n\nCAIRO (MENA) — {LEDE}") == [("wire", "MENA", "MENA")]


def test_contribution_lines() -> None:
    text = f"Talks fail\n\n{LEDE}\n\n{MORE}\n\nThe Associated Press contributed to this report."
    assert credits(text) == [("contribution", "Associated Press", "The Associated Press")]
    text = f"Talks fail\n\n{LEDE}\n\nInformation from The Associated Press and Reuters was used in this report."
    assert credits(text) == [
        ("contribution", "Associated Press", "The Associated Press"),
        ("contribution", "Reuters", "Reuters"),
    ]


def test_reuters_reporting_and_editing_line() -> None:
    text = f"Talks fail\n\n{LEDE}\n\n(Reporting by Amanda Becker in Washington; Editing by Eric Beech)"
    assert credits(text) == [
        ("contribution", "Amanda Becker", "Amanda Becker"),
        ("contribution", "Eric Beech", "Eric Beech"),
    ]


def test_syndication_in_bylines() -> None:
    assert credits(f"Talks fail\n\nBy AP\n\n{LEDE}") == [("wire", "Associated Press", "AP")]
    assert credits(f"Talks fail\n\nBy Maria Rossi, Associated Press\n\n{LEDE}") == [
        ("wire", "Associated Press", "Associated Press")
    ]
    assert credits(f"Talks fail\n\nBy Maria Rossi, CNN Wire\n\n{LEDE}") == [("wire", "CNN", "CNN Wire")]
    # the publisher in a byline is not a credit
    assert credits(f"Talks fail\n\nMaria Rossi By Maria Rossi Fox News\n\n{LEDE}") == []


def test_body_blocks_of_a_hand_built_parse() -> None:
    # Without anatomy's block kinds (all body), datelines and contribution lines are still read.
    first = make_doc(["SEOUL", "(", "Reuters", ")", "-", "Talks", "failed", "."])
    last = make_doc(["Reuters", "contributed", "to", "this", "report", "."])
    parsed = parsed_of(first, last)
    text = parsed.text
    out = find_credits(parsed, Found(), Settings())
    assert [(c.kind, c.name, text[c.span[0] : c.span[1]]) for c in out if c.span] == [
        ("wire", "Reuters", "Reuters"),
        ("contribution", "Reuters", "Reuters"),
    ]
    assert out[0].span is not None and text[out[0].span[0] - 1] == "("


def test_nothing_in_plain_prose() -> None:
    text = f"{LEDE}\n\nShe told The Associated Press that Reuters (and AP) had it wrong.\n\n{MORE}"
    assert credits(text) == []


def test_seed_credits_without_the_pipeline() -> None:
    path = next(iter(sorted(shared_path("seed").glob("*.txt"))))
    text = path.read_text(encoding="utf-8")
    got = credits(text)
    assert got == [("photo", "Reuters", "Reuters")] * 4


def test_a_name_going_on_with_for() -> None:
    """"(Image: Institute for Justice)" credited "Institute" and "Justice" ("for" parts "X for The New York Times")."""
    text = f"Talks fail\n\n{LEDE}\n\n(Image: Institute for Justice)\n\n{MORE}"
    assert credits(text) == [("photo", "Institute for Justice", "Institute for Justice")]
    text = f"Talks fail\n\n{LEDE}\n\nA man walks by. (Photo by Jane Smith for The New York Times)\n\n{MORE}"
    assert [c[1] for c in credits(text)] == ["Jane Smith", "The New York Times"]


def test_lower_case_photographer_before_a_slash() -> None:
    """The Wall Street Journal's "Photo: leah millis/Reuters" lost the photographer (a name must be capitalised)."""
    text = f"Talks fail\n\n{LEDE}\n\nThe leaders in the garden of the hotel on Thursday. Photo: leah millis/Reuters\n\n{MORE}"
    assert credits(text) == [("photo", "leah millis", "leah millis"), ("photo", "Reuters", "Reuters")]


def test_a_stations_city_is_no_contributor() -> None:
    """USA Today's "Contributing: ...; KSDK-TV, St. Louis" credited "St. Louis"."""
    text = f"Talks fail\n\n{LEDE}\n\n{MORE}\n\nContributing: Brad Heath, USA TODAY; KSDK-TV, St. Louis"
    assert [c[1] for c in credits(text)] == ["Brad Heath", "USA Today", "KSDK-TV"]


def test_a_cited_source_with_its_date_is_no_picture_credit() -> None:
    """Media Matters cites its sources in brackets with a date ("[CNN, 6/23/15]", 20 in AllSides): each was a photo
    credit, and the paragraph before it a caption."""
    text = f"Talks fail\n\n{LEDE}\n\nThe governor said she supports removing the flag. [CNN, 6/23/15]\n\n{MORE}"
    assert credits(text) == []
    a = anatomy(Article(text=text, id="t"))
    assert {b.kind for b in a.blocks if "governor" in text[b.start : b.end]} == {"body"}


def test_a_date_an_article_first_ran_on_is_no_outlet() -> None:
    """AllSides (Vox): "This article was originally published on February 4, 2019." made "February" the wire credit,
    a relay hop of every chain of the interview.  A date after "originally published on" names no outlet; an outlet
    there still does."""
    dated = f"Talks fail\n\n{LEDE}\n\n{MORE}\n\nThis article was originally published on February 4, 2019."
    assert credits(dated) == []
    named = f"Talks fail\n\n{LEDE}\n\n{MORE}\n\nThis article originally appeared in The Conversation."
    assert [(k, n) for k, n, _ in credits(named)] == [("wire", "The Conversation")]
