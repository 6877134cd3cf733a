"""The outlet registry: its data file, matching rules, user extensions and corpus coverage."""

from __future__ import annotations

import csv
import glob
import json
import re
from pathlib import Path

import pytest

from conftest import shared_path
from reportedly.model import SOURCE_TYPES
from reportedly.registry import NEWS_TYPES, TYPES, bundled_rows, load_registry


@pytest.fixture(scope="module")
def reg():  # type: ignore[no-untyped-def]
    return load_registry()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KCNA", "Korean Central News Agency"),
        ("KNCA", "Korean Central News Agency"),
        ("Korean Central News Agency", "Korean Central News Agency"),
        ("North Korea's official KCNA news agency", "Korean Central News Agency"),
        ("state media KCNA", "Korean Central News Agency"),
        ("the official Korean Central News Agency", "Korean Central News Agency"),
        ("the North's official Korean Central News Agency (KCNA)", "Korean Central News Agency"),
        ("South Korea's Yonhap News Agency", "Yonhap News Agency"),
        ("South Korea’s Yonhap News Agency", "Yonhap News Agency"),
        ("Yonhap's", "Yonhap News Agency"),
        ("KCTV", "Korean Central Television"),
        ("the Associated Press", "Associated Press"),
        ("The Associated Press's", "Associated Press"),
        ("Russia's state news agency TASS", "TASS"),
        ("China's state broadcaster CCTV", "China Central Television"),
        ("Iran's semi-official Fars news agency", "Fars News Agency"),
        ("the Workers' Party newspaper Rodong Sinmun", "Rodong Sinmun"),
        ("People's Daily", "People's Daily"),
        ("the Kyunghyang Shinmun newspaper", "Kyunghyang Shinmun"),
        ("cable news network YTN", "YTN"),
        ("CNN (Web News)", "CNN"),
        ("New York Times - Opinion", "The New York Times"),
        ("FOX", "Fox News"),
        ("wash-post", "The Washington Post"),
        ("the Hill", "The Hill"),
        ("The Weekly Standard.", "The Weekly Standard"),
        ("Britain's Guardian newspaper", "The Guardian"),
    ],
)
def test_match_names_and_descriptors(reg, name: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    o = reg.match(name)
    assert o is not None and o.name == expected


@pytest.mark.parametrize(
    "name",
    [
        "Fox News host Sean Hannity",  # a person at an outlet
        "Vice President Pence",  # "Vice" is an outlet only on its own
        "a Reuters reporter",
        "YTN and the Kyunghyang Shinmun newspaper",  # two outlets: use match_all
        "Hill",  # The Hill needs its article
        "reason",  # capitalised aliases need capitals
        "Ap",  # acronyms need capitals
        "Sana",  # a name, not SANA
        "North Korean state media",  # unnamed: chains handle it
        "",
    ],
)
def test_match_refuses_what_is_not_one_outlet(reg, name: str) -> None:  # type: ignore[no-untyped-def]
    assert reg.match(name) is None


def test_match_all_splits_coordinated_outlets(reg) -> None:  # type: ignore[no-untyped-def]
    name = "YTN and the Kyunghyang Shinmun newspaper"
    ms = reg.match_all(name)
    assert [m.outlet.name for m in ms] == ["YTN", "Kyunghyang Shinmun"]
    assert [name[m.start : m.end] for m in ms] == ["YTN", "Kyunghyang Shinmun"]
    assert reg.match_all("Fox News host Sean Hannity") == []


def test_find_in_running_text(reg) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The footage, released by Korean Central Television and reported by South Korea’s Yonhap News Agency, "
        "showed Kim. Vice President Pence told Time. Time is short. Michael J. Fox said so. CNN's Jake Tapper "
        "spoke on Fox News Sunday. (AP Photo/Evan Vucci) the Hill reported, citing RFE/RL."
    )
    got = [(text[m.start : m.end], m.outlet.name) for m in reg.find(text)]
    assert got == [
        ("Korean Central Television", "Korean Central Television"),
        ("Yonhap News Agency", "Yonhap News Agency"),
        ("Time", "Time"),
        ("CNN", "CNN"),
        ("Fox News", "Fox News"),
        ("AP", "Associated Press"),
        ("Hill", "The Hill"),
        ("RFE/RL", "Radio Free Europe/Radio Liberty"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country word before a name of another country's outlet: that country's outlet, or none
        ("The Australian ABC reported it.", [("ABC", "Australian Broadcasting Corporation")]),
        ("Australian broadcaster ABC reported it.", [("ABC", "Australian Broadcasting Corporation")]),
        ("It was reported by the Australian SBS.", [("SBS", "Special Broadcasting Service")]),
        ("according to south Korean CBS, it rained", []),
        ("South Korea's CBS said so.", []),
        ("the Presidium of the DPRK SPA met", []),
        ("A Pakistani newspaper The Nation said so.", []),
        ("He held talks with Chinese Vice Premier Li.", []),
        ("the South African Press Association reported", []),
        ("The American Independent said so.", []),  # not Independent Journal Review: its name has more words
        # the same country, a plain place name, a sentence's gap, a platform: read as before
        ("South Korea's KBS and Japan's NHK said so.", [("KBS", "Korean Broadcasting System"), ("NHK", "NHK")]),
        ("The Korean KCNA said so.", [("KCNA", "Korean Central News Agency")]),
        ("ABC reported it, and so did CBS.", [("ABC", "ABC News"), ("CBS", "CBS News")]),
        ("It was tense in the U.S.  Rodong Sinmun said so.", [("Rodong Sinmun", "Rodong Sinmun")]),
        ("the Sweden Twitter account", [("Twitter", "Twitter")]),
        ("The Australian reported it.", [("The Australian", "The Australian")]),
    ],
)
def test_find_reads_the_country_before_a_name(reg, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    """KCNA's "according to south Korean CBS" was CBS News (US) and "the DPRK SPA" the Saudi Press Agency; "The
    Australian ABC" was ABC News (US) and the newspaper The Australian."""
    assert [(text[m.start : m.end], m.outlet.name) for m in reg.find(text)] == expected
    assert reg.rules_out(text) == (text in _RULED_OUT)


_RULED_OUT = {
    "according to south Korean CBS, it rained",
    "South Korea's CBS said so.",
    "the Presidium of the DPRK SPA met",
    "A Pakistani newspaper The Nation said so.",
    "He held talks with Chinese Vice Premier Li.",
    "the South African Press Association reported",
    "The American Independent said so.",
}


def test_find_strict_false_reads_bylines(reg) -> None:  # type: ignore[no-untyped-def]
    t = "Jasmine Baehr By Jasmine Baehr Fox News"
    assert [m.outlet.name for m in reg.find(t)] == []
    assert [m.outlet.name for m in reg.find(t, strict=False)] == ["Fox News"]


def test_match_domain(reg) -> None:  # type: ignore[no-untyped-def]
    assert reg.match_domain("https://www.foxnews.com/world/kim").name == "Fox News"
    assert reg.match_domain("edition.cnn.com").name == "CNN"
    assert reg.match_domain("http://www.kcna.co.jp/item/2012/x.html").name == "Korean Central News Agency"
    assert reg.match_domain("https://example.org/") is None


def test_types_and_facts(reg) -> None:  # type: ignore[no-untyped-def]
    kctv = reg.get("Korean Central Television")
    assert (kctv.type, kctv.country, kctv.state_controlled) == ("state_media", "KP", True)
    yon = reg.get("Yonhap News Agency")
    assert (yon.type, yon.country) == ("news_agency", "KR")
    assert reg.get("Reuters").is_news and not reg.get("Pew Research Center").is_news


def test_data_file_is_well_formed() -> None:
    rows = bundled_rows()
    assert set(TYPES) <= set(SOURCE_TYPES) and set(TYPES) >= NEWS_TYPES
    names = [o.name for o in rows]
    assert len(names) == len(set(names))
    for o in rows:
        assert o.type in TYPES, o.name
        assert o.source, f"{o.name}: every row says where its facts come from"
        assert o.country is None or re.fullmatch(r"[A-Z]{2}", o.country), o.name
        for d in o.domains:
            assert re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", d), (o.name, d)
    # no alias names two different outlets
    reg = load_registry()
    for key, entries in reg._index.items():
        assert len({o.name for _, o in entries}) == 1, key


def test_required_agencies_and_state_media() -> None:
    reg = load_registry()
    for name in ["AP", "Reuters", "AFP", "UPI", "dpa", "EFE", "ANSA", "Kyodo", "Yonhap", "PTI", "Xinhua", "TASS"]:
        assert reg.match(name) is not None, name
    for name in ["KCNA", "KCTV", "Rodong Sinmun", "TASS", "RIA Novosti", "RT", "Sputnik", "Xinhua", "CGTN",
                 "Global Times", "People's Daily", "CCTV", "IRNA", "PressTV", "Fars", "Tasnim", "SANA"]:
        o = reg.match(name)
        assert o is not None and o.type == "state_media" and o.state_controlled, name
    countries = {o.country for o in bundled_rows() if o.type == "state_media"}
    assert len(countries) >= 30


def test_user_csv_extends_and_overrides(tmp_path: Path) -> None:
    p = tmp_path / "mine.csv"
    p.write_text(
        "name,aliases,country,type,state_controlled,source\n"
        "Daily Planet,Planet,US,outlet,no,my notes\n"
        "Yonhap News Agency,Yonhap|Yonhap News,KR,state_media,yes,my override\n",
        encoding="utf-8",
    )
    reg = load_registry((str(p),))
    assert reg.match("the Daily Planet").name == "Daily Planet"
    assert reg.match("Yonhap").type == "state_media"
    assert load_registry().match("Yonhap").type == "news_agency"


def test_user_csv_unknown_type_fails_loudly(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text("name,type,source\nX Times,newspaper,me\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown outlet type 'newspaper'"):
        load_registry((str(p),))


def _corpus_labels() -> set[tuple[str, str]]:
    labels: set[tuple[str, str]] = set()
    with open(shared_path("allsides", "articles.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            labels.add(("allsides", json.loads(line)["outlet"]))
    with open(shared_path("polnear", "metadata.tsv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            labels.add(("polnear", row["publisher"]))
            if row["credit"].startswith("h/t:"):
                labels.add(("polnear-credit", row["credit"][4:].strip()))
            if row["wire"] not in {"None", "NA", ""}:
                labels.add(("polnear-wire", row["wire"]))
    for f in glob.glob(str(shared_path("basil", "articles") / "*" / "*.json")):
        with open(f, encoding="utf-8") as fh:
            labels.add(("basil", json.load(fh)["source"]))
    return labels


def test_every_corpus_outlet_is_in_the_registry() -> None:
    reg = load_registry()
    labels = _corpus_labels()
    assert len(labels) > 200
    missing = sorted(f"{corpus}: {name!r}" for corpus, name in labels if reg.match(name) is None)
    assert not missing, missing


def test_state_abbreviations_of_party_tags() -> None:
    """The states party tags name ("R-Ky.", "D-N.Y.", "(D-CA)", "R-Texas"), AP style, postal code or in full."""
    from reportedly.registry.countries import US_STATES, state_of_abbreviation

    assert [state_of_abbreviation(w) for w in ("Ky.", "N.Y.", "CA", "Texas", "W.Va.", "New Mexico", "Calif.")] == [
        "kentucky", "new york", "california", "texas", "west virginia", "new mexico", "california",
    ]
    assert state_of_abbreviation("Xy") is None
    assert {state_of_abbreviation(w) for w in ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN "
            "MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY").split()} == US_STATES | {"washington"}
