"""The per-article summary: counts and shares from hand-built records."""

from __future__ import annotations

import json

from reportedly.find import Found
from reportedly.model import Article, Attribution, Block, Chain, Claim, Credit, Hop
from reportedly.summary import summarise

TEXT = (
    "Kim wept, state media KCNA said.\n\n"
    "Officials said the talks failed.\n\n"
    "The regime is insular.\n\n"
    "Hong Min told Yonhap the images were staged."
)


def _span(phrase: str) -> tuple[int, int]:
    i = TEXT.index(phrase)
    return (i, i + len(phrase))


def _article() -> Article:
    blocks = []
    pos = 0
    for para in TEXT.split("\n\n"):
        s = TEXT.index(para, pos)
        blocks.append(Block("body", s, s + len(para)))
        pos = s + len(para)
    return Article(text=TEXT, id="t", outlet="Reuters", blocks=tuple(blocks))


def _found(claims: tuple[Claim, ...] = ()) -> Found:
    a1 = Attribution("a1", (_span("state media KCNA"),), (_span("said"),), (_span("Kim wept"),), "indirect",
                     source_name="Korean Central News Agency", source_type="state_media")
    a2 = Attribution("a2", (_span("Officials"),), (_span("said the"),), (_span("the talks failed"),), "indirect",
                     source_name="Officials", source_type="anonymous")
    a3 = Attribution("a3", (_span("Hong Min"),), (_span("told"),), (_span("the images were staged"),), "indirect",
                     source_name="Hong Min", source_type="person")
    pub = Hop("Reuters", "news_agency", "publisher")
    chains = (
        Chain("a1", (Hop("Korean Central News Agency", "state_media", "origin", state_controlled=True), pub)),
        Chain("a2", (Hop("Officials", "anonymous", "origin"), pub)),
        Chain("a3", (Hop("Hong Min", "person", "origin"), Hop("Yonhap News Agency", "news_agency", "relay"), pub)),
        Chain(None, (Hop("Getty Images", "news_agency", "origin"), pub)),
    )
    credits = (Credit("Getty Images", "photo", (0, 3)), Credit("AP", "contribution", (3, 5)))
    return Found(attributions=(a1, a2, a3), chains=chains, credits=credits, claims=claims)


def test_counts_and_shares() -> None:
    s = summarise(_article(), _found())
    assert s["publisher"] == "Reuters"
    assert s["attributions"] == 3
    assert s["attributions_by_source_type"] == {"anonymous": 1, "person": 1, "state_media": 1}
    assert s["primary_sources"] == {"Korean Central News Agency": 1, "Officials": 1, "Hong Min": 1}
    assert s["distinct_primary_sources"] == 3
    assert s["anonymous_sources"] == 1
    assert s["relayed_attributions"] == 1
    assert s["state_media_attributions"] == 1
    body_chars = sum(not ch.isspace() for ch in TEXT)
    assert s["state_media_share"] == round(len("Kimwept") / body_chars, 4)
    assert s["credits_by_kind"] == {"contribution": 1, "photo": 1}
    assert s["longest_chain"] == 3
    # without claims from the certainty stage: body sentences no attribution touches
    assert (s["unsourced_claims"], s["unsourced_claims_method"]) == (1, "sentences")
    json.dumps(s)  # JSON-ready


def test_unsourced_claims_from_the_certainty_stage() -> None:
    claims = (
        Claim(_span("The regime is insular."), "asserted"),
        Claim(_span("Kim wept"), "attributed", attribution="a1"),
        Claim(_span("the talks failed"), "hedged"),
    )
    s = summarise(_article(), _found(claims))
    assert s["unsourced_claims"] == 2
    assert s["unsourced_claims_by_level"] == {"asserted": 1, "hedged": 1}
    assert s["unsourced_claims_method"] == "claims"


def test_empty_article() -> None:
    s = summarise(Article(text="Nothing here.", id="e"), Found())
    assert s["attributions"] == 0 and s["state_media_share"] == 0.0 and s["publisher"] == "unknown"
    assert s["unsourced_claims"] == 1
