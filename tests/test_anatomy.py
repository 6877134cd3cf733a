"""Anatomy of pasted article text: one test per construction, block invariants, and the seed."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_path
from reportedly.anatomy import anatomy
from reportedly.anatomy.bylines import read_byline
from reportedly.anatomy.credits import split_credit
from reportedly.anatomy.patterns import DATELINE
from reportedly.model import BLOCK_KINDS, Article, Block

LEDE = (
    "The ministry said on Monday that talks with the union had failed after three weeks, "
    "and that it would now ask parliament to settle the dispute."
)
MORE = "Officials declined to say when the vote would take place, or how many members had signed."


def art(text: str, **meta: object) -> Article:
    return anatomy(Article(text=text, id="t", **meta))  # type: ignore[arg-type]


def kinds(a: Article) -> list[tuple[str, str]]:
    return [(b.kind, a.text[b.start : b.end]) for b in a.blocks]


def check_blocks(a: Article) -> None:
    """Blocks are typed, trimmed, in order, non-overlapping, and cover every visible character."""
    covered = [False] * len(a.text)
    last = 0
    for b in a.blocks:
        assert b.kind in BLOCK_KINDS
        assert 0 <= last <= b.start < b.end <= len(a.text)
        piece = a.text[b.start : b.end]
        assert piece == piece.strip()
        for i in range(b.start, b.end):
            covered[i] = True
        last = b.end
    for i, ch in enumerate(a.text):
        if not covered[i] and not ch.isspace() and ch not in "\ufeff\u200b":
            # only the gap between a caption and its credit, or a dateline and its body, is uncovered
            raise AssertionError(f"character {i} ({ch!r}) is in no block")


def test_caption_with_labelled_credit_is_split() -> None:
    text = (
        "Talks fail as strike enters third week\n\n"
        f"{LEDE}\n\n"
        "A man walks past a closed factory in Turin on Monday. (Credit: Reuters)\n\n"
        f"{MORE}"
    )
    a = art(text)
    check_blocks(a)
    assert ("caption", "A man walks past a closed factory in Turin on Monday.") in kinds(a)
    assert ("credit", "(Credit: Reuters)") in kinds(a)
    assert ("body", MORE) in kinds(a)


def test_caption_with_bare_agency_credit() -> None:
    text = (
        f"Talks fail as strike enters third week\n\n{LEDE}\n\n"
        "Union members gather outside the ministry in Rome, Italy, June 30. (Reuters)\n\n{MORE}"
    )
    a = art(text)
    check_blocks(a)
    assert ("caption", "Union members gather outside the ministry in Rome, Italy, June 30.") in kinds(a)
    assert ("credit", "(Reuters)") in kinds(a)


def test_acronym_in_a_sentence_is_not_a_credit() -> None:
    line = "The report was first aired by National Public Radio (NPR)."
    a = art(f"Talks fail as strike enters third week\n\n{LEDE}\n\n{line}\n\n{MORE}")
    assert ("body", line) in kinds(a)


def test_media_title_before_a_caption() -> None:
    text = (
        f"Talks fail as strike enters third week\n\n{LEDE}\n\n"
        "Strikers march through Turin\n\n"
        "Strikers march through the centre of Turin, Italy, on Monday. (AP Photo/Luca Bruno)\n\n"
        f"{MORE}"
    )
    a = art(text)
    check_blocks(a)
    assert ("media_title", "Strikers march through Turin") in kinds(a)
    assert ("caption", "Strikers march through the centre of Turin, Italy, on Monday.") in kinds(a)
    assert ("credit", "(AP Photo/Luca Bruno)") in kinds(a)


def test_credit_on_its_own_line_makes_a_caption() -> None:
    text = (
        f"Talks fail as strike enters third week\n\n{LEDE}\n\n"
        "The union leader speaks to reporters in Rome on Monday.\n"
        "Andreas Solaro/AFP via Getty Images\n\n"
        f"{MORE}"
    )
    a = art(text)
    check_blocks(a)
    assert ("caption", "The union leader speaks to reporters in Rome on Monday.") in kinds(a)
    assert ("credit", "Andreas Solaro/AFP via Getty Images") in kinds(a)


def test_header_tag_headline_dek_byline_and_metadata() -> None:
    text = (
        "Labour\n\n"
        "Talks fail as strike enters third week\n\n"
        "The ministry will ask parliament to settle a dispute that has shut factories across the north\n\n"
        "Maria Rossi By Maria Rossi Fox News\n"
        "Published\n"
        f"{LEDE}\n\n{MORE}"
    )
    a = art(text)
    check_blocks(a)
    assert kinds(a)[:5] == [
        ("tag", "Labour"),
        ("headline", "Talks fail as strike enters third week"),
        ("dek", "The ministry will ask parliament to settle a dispute that has shut factories across the north"),
        ("byline", "Maria Rossi By Maria Rossi Fox News"),
        ("byline", "Published"),
    ]
    assert a.authors == ("Maria Rossi",)
    assert a.outlet == "Fox News"


def test_given_metadata_is_never_overwritten() -> None:
    text = f"Talks fail as strike enters third week\n\nBy Maria Rossi, Fox News\n\n{LEDE}"
    a = art(text, authors=("Someone Else",), outlet="The Paper")
    assert a.authors == ("Someone Else",)
    assert a.outlet == "The Paper"
    assert ("byline", "By Maria Rossi, Fox News") in kinds(a)


def test_publication_date_from_a_date_line_only_when_complete() -> None:
    a = art(f"Talks fail as strike enters third week\n\nApril 03, 2009\n\n{LEDE}")
    assert a.published == "2009-04-03"
    assert art(f"Talks fail as strike enters third week\n\nBy Maria Rossi, Fox News\nPublished\n\n{LEDE}").published is None
    assert art(f"Talks fail as strike enters third week\n\nApril 03, 2009\n\n{LEDE}", published="2009-04-04").published == "2009-04-04"


def test_headline_found_from_title_metadata() -> None:
    text = f"World\n\nTalks Fail As Strike Enters Third Week\n\n{LEDE}"
    a = art(text, title="Talks fail as strike enters third week | The Paper")
    assert kinds(a)[:2] == [("tag", "World"), ("headline", "Talks Fail As Strike Enters Third Week")]


def test_no_headline_guessed_when_the_text_starts_with_the_body() -> None:
    a = art(f"{LEDE}\n\n{MORE}")
    assert [k for k, _ in kinds(a)] == ["body", "body"]


@pytest.mark.parametrize(
    ("opening", "tag"),
    [
        ("SEOUL (Reuters) - ", "SEOUL (Reuters) -"),
        ("WASHINGTON (AP) — ", "WASHINGTON (AP) —"),
        ("NEW YORK, Nov. 19 (UPI) — ", "NEW YORK, Nov. 19 (UPI) —"),
        ("(CNN) — ", "(CNN) —"),
        ("ROME, Italy — ", "ROME, Italy —"),
    ],
)
def test_dateline_is_split_off_the_first_paragraph(opening: str, tag: str) -> None:
    text = f"Talks fail as strike enters third week\n\n{opening}{LEDE}\n\n{MORE}"
    a = art(text)
    check_blocks(a)
    assert kinds(a)[1:3] == [("dateline", tag), ("body", LEDE)]


def test_dateline_pattern_needs_a_dash_or_agency() -> None:
    assert DATELINE.match("Washington is a city.") is None
    assert DATELINE.match("I - said") is None
    m = DATELINE.match("Dec 29 (Reuters) - U.S. officials said")
    assert m is not None and m.group("agency") == "Reuters"


def test_contribution_and_bio_and_boilerplate_lines() -> None:
    text = (
        f"Talks fail as strike enters third week\n\nBy Maria Rossi\n\n{LEDE}\n\n"
        "Advertisement\n\n"
        f"{MORE}\n\n"
        "Share on Facebook\nTweet\nEmail\n\n"
        "The Associated Press contributed to this report.\n\n"
        "Read the rest here.\n\n"
        "Maria Rossi is a reporter for The Paper covering labour."
    )
    a = art(text)
    check_blocks(a)
    k = kinds(a)
    assert ("boilerplate", "Advertisement") in k
    assert ("boilerplate", "Share on Facebook") in k
    assert ("credit", "The Associated Press contributed to this report.") in k
    assert ("boilerplate", "Read the rest here.") in k
    assert k[-1] == ("bio", "Maria Rossi is a reporter for The Paper covering labour.")
    assert [t for kind, t in k if kind == "body"] == [LEDE, MORE]


def test_video_strip_and_newsletter_consent_lines_are_boilerplate() -> None:
    strip = "JUST WATCHED The vote explained Replay More Videos ... MUST WATCH The vote explained 02:02"
    consent = (
        "Get the Monitor Stories you care about delivered to your inbox. "
        "By signing up, you agree to our Privacy Policy"
    )
    prose = "Just watched the debate, and I think the senator won it easily, one voter said afterwards."
    a = art(f"{LEDE}\n\n{strip}\n\n{MORE}\n\n{consent}\n\n{prose}")
    check_blocks(a)
    k = kinds(a)
    assert ("boilerplate", strip) in k and ("boilerplate", consent) in k
    assert ("body", prose) in k and ("body", MORE) in k


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = (
        "The ministry said on Monday that talks with the union had\n"
        "failed after three weeks, and that it would ask parliament\n"
        "to settle the dispute.\n\n"
        f"{MORE}"
    )
    a = art(text)
    assert kinds(a)[0] == ("body", text.split("\n\n")[0])


def test_html_blocks_are_kept_and_refined() -> None:
    head = "Talks fail as strike enters third week"
    first = f"ROME (Reuters) - {LEDE}"
    bio = "Maria Rossi is a senior correspondent for Reuters in Rome."
    text = f"{head}\n\n{first}\n\n{MORE}\n\n{bio}"
    spans = [(0, len(head))]
    pos = len(head) + 2
    for part in (first, MORE, bio):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    blocks = tuple(
        Block(kind, s, e, "ingest.html/1") for kind, (s, e) in zip(["headline", "body", "body", "body"], spans, strict=True)
    )
    a = anatomy(Article(text=text, id="h", format="html", blocks=blocks))
    check_blocks(a)
    assert a.blocks[0] == blocks[0]  # the headline block from ingest, untouched
    assert kinds(a) == [("headline", head), ("dateline", "ROME (Reuters) -"), ("body", LEDE), ("body", MORE), ("bio", bio)]
    assert a.blocks[3] == blocks[2]


def test_blocks_given_otherwise_are_left_alone() -> None:
    text = f"{LEDE}\n\nAdvertisement"
    given_blocks = (Block("body", 0, len(text)),)
    a = anatomy(Article(text=text, id="g", blocks=given_blocks, format="jsonl"))
    assert a.blocks == given_blocks


def test_read_byline_names() -> None:
    names = read_byline("Jasmine Baehr By Jasmine Baehr Fox News")
    assert names is not None
    assert [(n.role, n.text, n.canonical) for n in names] == [
        ("author", "Jasmine Baehr", "Jasmine Baehr"),
        ("outlet", "Fox News", "Fox News"),
    ]
    names = read_byline("By Steve Holland and Andrew Osborn")
    assert names is not None and [n.text for n in names] == ["Steve Holland", "Andrew Osborn"]
    names = read_byline("By AP")
    assert names is not None and [(n.role, n.canonical) for n in names] == [("agency", "Associated Press")]
    assert read_byline("Trump Stands By His Claim On Trade") is None


def test_split_credit_offsets() -> None:
    line = "A man walks past a mural. (Credit: Reuters)"
    at = split_credit(line)
    assert at is not None and line[at:] == "(Credit: Reuters)"
    line = "Police guard the entrance on Tuesday. Andrew Burton/Getty Images"
    at = split_credit(line)
    assert at is not None and line[at:] == "Andrew Burton/Getty Images"
    assert split_credit("He said the talks had failed (again).") is None


_LINES = st.sampled_from(
    [
        "Talks fail as strike enters third week",
        LEDE,
        MORE,
        "Advertisement",
        "By Maria Rossi",
        "A man walks past a mural. (Credit: Reuters)",
        "Getty Images",
        "SEOUL (Reuters) - " + MORE,
        "Published",
        "(AP Photo/Luca Bruno)",
        "Maria is a writer at The Paper.",
        "   ",
        "",
        "x",
        "(",
        "—",
        "\u200b",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=12), st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
def test_any_text_gives_exact_non_overlapping_blocks(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    a = art(text) if text.strip() else Article(text=text, id="e")
    check_blocks(a)


def test_anatomy_is_idempotent_on_its_own_output() -> None:
    a = art(f"Talks fail as strike enters third week\n\n{LEDE}")
    b = anatomy(dataclasses.replace(a, format="text"))
    assert b.blocks == a.blocks


# --- the seed article -----------------------------------------------------------

SEED_HEADLINE = "Tearful Kim Jong Un seen mourning North Korean troops killed fighting for Russia in war against Ukraine"
SEED_DEK = (
    "North Korean state media broadcast the unusual scene during a ceremony marking the insular "
    "country's 1-year partnership with Moscow"
)


def _seed_done_criteria(a: Article) -> None:
    k = kinds(a)
    assert ("headline", SEED_HEADLINE) in k
    assert ("dek", SEED_DEK) in k
    assert ("tag", "Kim Jong Un") in k
    assert a.authors == ("Jasmine Baehr",)
    assert a.outlet == "Fox News"
    captions = [b for b in a.blocks if b.kind == "caption"]
    credits = [a.text[b.start : b.end] for b in a.blocks if b.kind == "credit"]
    assert len(captions) == 4
    assert credits == ["(Credit: Reuters)", "(Reuters)", "(Reuters)", "(Reuters)"]
    bodies = [a.text[b.start : b.end] for b in a.blocks if b.kind == "body"]
    for cap in captions:
        assert all(a.text[cap.start : cap.end] not in body for body in bodies)
    assert all("(Reuters)" not in body and "Credit:" not in body for body in bodies)
    assert ("bio", "Jasmine is a writer at Fox News Digital and a military spouse.") in k
    assert ("media_title", "Kim Jong Un on screen mourning over a coffin during a North Korea concert") in k


def test_seed_anatomy_without_the_pipeline() -> None:
    path = next(iter(sorted(shared_path("seed").glob("*.txt"))))
    text = path.read_text(encoding="utf-8")
    a = art(text)
    check_blocks(a)
    _seed_done_criteria(a)


@pytest.mark.slow
def test_seed_report_anatomy(seed_report) -> None:  # type: ignore[no-untyped-def]
    a = seed_report.article
    _seed_done_criteria(a)
    photo = [c for c in seed_report.credits if c.kind == "photo"]
    assert [c.name for c in photo] == ["Reuters"] * 4
    caption_ends = [b.end for b in a.blocks if b.kind == "credit"]
    assert [c.span[1] for c in photo] == [e - 1 for e in caption_ends]  # the name inside the brackets
