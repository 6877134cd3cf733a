"""Captions and credits that leaked into the body of pasted pages (issue 16), one test per construction.

Hand-written pasted pages (no model needed): each test checks that the caption or credit line gets its
own kind and that the prose around it stays body.
"""

from __future__ import annotations

from reportedly.anatomy import anatomy
from reportedly.model import Article

HEAD = "Troops killed in helicopter crash"
LEDE = (
    "Two service members have been killed in a helicopter crash in the east of the country, "
    "the military said in a statement on Wednesday."
)
MORE = (
    "The cause of the crash is under investigation, and officials declined to say whether the "
    "aircraft had come under fire before it went down near the border."
)
THIRD = (
    "The crash was the third this year, and lawmakers in both parties have asked the ministry for a full review "
    "of the fleet's maintenance records."
)


def kinds_of(text: str) -> dict[str, str]:
    a = anatomy(Article(text=text, id="t"))
    return {a.text[b.start : b.end]: b.kind for b in a.blocks}


def test_bracketed_file_credit_after_a_caption() -> None:
    cap = "Roughly 13,000 US troops remain in the country, 18 years after the invasion [File: Reuters]"
    k = kinds_of("\n\n".join([HEAD, LEDE, cap, MORE]))
    assert k["Roughly 13,000 US troops remain in the country, 18 years after the invasion"] == "caption"
    assert k["[File: Reuters]"] == "credit"
    assert k[LEDE] == "body" and k[MORE] == "body"


def test_unknown_credit_glued_after_a_caption_on_a_page_that_credits_pictures() -> None:
    text = "\n\n".join(
        [
            HEAD,
            LEDE,
            "A helicopter takes off from the base on Tuesday.",
            "Getty Images",
            MORE,
            "States where the aircraft has been grounded for inspection. Statista",
            THIRD,
        ]
    )
    k = kinds_of(text)
    assert k["States where the aircraft has been grounded for inspection."] == "caption"
    assert k["Statista"] == "credit"
    assert k[MORE] == "body" and k[THIRD] == "body"


def test_a_credit_label_glued_to_the_captions_last_word() -> None:
    """"... sought treatmentCredit: EPA": the label joined to a word with no space or stop (AllSides: "at San Jose
    ShowCredit: Twitter/RaptorJesuss Kanye West aggravated fans ...", the body going on after the credit)."""
    k = kinds_of("\n\n".join([HEAD, LEDE, "A soldier is carried to an ambulance at the base on WednesdayCredit: EPA", MORE]))
    assert k["A soldier is carried to an ambulance at the base on Wednesday"] == "caption"
    assert k["Credit: EPA"] == "credit"
    assert k[LEDE] == "body" and k[MORE] == "body"
    line = "Helicopter wreckage found near the border townCredit: Twitter/BorderWatch " + THIRD
    k = kinds_of("\n\n".join([HEAD, LEDE, line, MORE]))
    assert k["Helicopter wreckage found near the border town"] == "caption"
    assert k["Credit: Twitter/BorderWatch"] == "credit"
    assert k[THIRD] == "body" and k[MORE] == "body"


def test_a_paragraph_ending_in_a_glued_credit_label_stays_body() -> None:
    """A whole paragraph (over 60 words) before the glued label is prose, not a caption."""
    para = " ".join([LEDE, MORE, THIRD, LEDE]).rstrip(".") + " this weekCredit: EPA"
    assert kinds_of("\n\n".join([HEAD, LEDE, para, MORE]))[para] == "body"


def test_abbreviation_is_not_a_glued_credit() -> None:
    text = "\n\n".join([HEAD, LEDE, "A helicopter takes off on Tuesday.", "Getty Images", MORE, "Workers rally in L.A. Protest", THIRD])
    k = kinds_of(text)
    assert k["Workers rally in L.A. Protest"] == "body" and "Protest" not in k


def test_unknown_credit_line_after_a_caption_on_a_well_credited_page() -> None:
    text = "\n\n".join(
        [
            HEAD,
            LEDE,
            "A helicopter takes off from the base on Tuesday.",
            "Getty Images",
            MORE,
            "Soldiers carry a coffin at the airfield on Wednesday.",
            "AFP via Getty Images",
            "The curve hypothesizes that as a fleet ages, crashes get more frequent before they fall again.",
            "Ecological Economics",
            THIRD,
        ]
    )
    k = kinds_of(text)
    assert k["The curve hypothesizes that as a fleet ages, crashes get more frequent before they fall again."] == "caption"
    assert k["Ecological Economics"] == "credit"
    assert k[THIRD] == "body"


def test_embedded_video_titles_under_subheads() -> None:
    parts = [HEAD, LEDE]
    for n, (sub, title) in enumerate(
        [
            ("Never urged an inquiry", "Envoy: Allegations against the pilot are not credible"),
            ("Not some irregular channel", "Envoy insists he worked through the official channel"),
            ("Questions about judgment", "Aide discusses concerns about the colonel's judgment"),
        ],
        1,
    ):
        parts += [f"{n}. {sub}", title, f"{MORE} Part {n} of the hearing went on for hours."]
    k = kinds_of("\n\n".join(parts))
    assert k["Envoy: Allegations against the pilot are not credible"] == "media_title"
    assert k["Aide discusses concerns about the colonel's judgment"] == "media_title"
    assert k["1. Never urged an inquiry"] == "body"


def test_link_label_without_colon_is_boilerplate() -> None:
    k = kinds_of("\n\n".join([HEAD, LEDE, "Read More Senators say they will block the bill", MORE]))
    assert k["Read More Senators say they will block the bill"] == "boilerplate"
    assert k[MORE] == "body"


def test_link_label_after_its_title_is_boilerplate() -> None:
    """The Guardian (AllSides, 107 lines): a related story's title with its label after it, a line of its own
    ("Omarosa claims she has heard tape of Trump using N-word Read more") was body, and its "claims" an attribution of
    the article.  A body sentence that mentions reading more stays body."""
    link = "Senator claims she has heard the tape of the meeting Read more"
    said = "Readers who want to know more can read more about it online, the senator said."
    k = kinds_of("\n\n".join([HEAD, LEDE, link, said, MORE]))
    assert k[link] == "boilerplate"
    assert k[said] == "body" and k[MORE] == "body"


def test_an_agency_that_reports_is_not_a_credit() -> None:
    k = kinds_of("\n\n".join([HEAD, LEDE, "The Associated Press reports:", '"The strike began at dawn," the union said.', MORE]))
    assert k["The Associated Press reports:"] == "body"


def test_photo_gallery_pasted_as_one_line_is_a_caption() -> None:
    # CNN's gallery strip: the label twice, then each picture's caption and its counter, in one line
    gallery = (
        "Photos: The week in politics Photos: The week in politics The senator speaks to reporters outside "
        "the Capitol on Monday, March 2. Hide Caption 1 of 3 Photos: The week in politics Protesters gather "
        "before the hearing on Tuesday. Hide Caption 2 of 3 Photos: The week in politics The governor, "
        '"we will not back down," he said, signs the bill on Friday. Hide Caption 3 of 3'
    )
    k = kinds_of("\n\n".join([HEAD, LEDE, gallery, MORE, THIRD]))
    assert {kind for block, kind in k.items() if block in gallery} == {"caption", "boilerplate"}
    assert k["Protesters gather before the hearing on Tuesday."] == "caption"
    assert k[LEDE] == k[MORE] == k[THIRD] == "body"


def test_a_gallery_line_opening_with_a_quoted_caption_is_a_caption() -> None:
    line = (
        '"We are going to win," the governor told supporters in Ohio. Hide Caption 3 of 6 Photos: Who is '
        "running? The senator joined the field July 21 as he formally announced his bid."
    )
    k = kinds_of("\n\n".join([HEAD, LEDE, line, MORE]))
    assert k['"We are going to win," the governor told supporters in Ohio.'] == "caption"
    assert {kind for block, kind in k.items() if block in line} == {"caption", "boilerplate"}
    assert k[MORE] == "body"


def test_a_sign_up_form_pasted_with_its_country_menu_is_boilerplate() -> None:
    countries = "United States of America Afghanistan Albania Algeria American Samoa Andorra Angola " * 8
    form = (
        "Get our World Newsletter. Sign up to receive the day's main stories from around the globe. "
        f"Choose your country {countries}Zimbabwe I agree to the terms."
    )
    k = kinds_of("\n\n".join([HEAD, LEDE, form, MORE]))
    assert k[form] == "boilerplate"
    assert k[LEDE] == k[MORE] == "body"
    # a body sentence that names countries is still body
    line = "Delegates from Afghanistan, Albania and Algeria signed up to the plan, the minister said on Friday."
    assert kinds_of("\n\n".join([HEAD, LEDE, line, MORE]))[line] == "body"


def test_a_name_card_inside_a_sentence_is_page_furniture() -> None:
    """The Hill pastes a name card into its sentences (903 in 163 of the 5,000 AllSides articles): the name as
    written stays, the full name glued to headlines of other stories and "MORE" is furniture, also when the glued
    surname is misspelt.  Names written twice without a card, or a "MORE" far from a glued name, are not."""
    from reportedly.anatomy import blank, inline_furniture

    text = ("Rep. Ilhan Omar Ilhan OmarKrystal Ball: Billionaires panicking over Sanders candidacy Omar renews claim "
            "Stephen Miller is a 'white nationalist' MORE (D-Minn.) and the Senate Majority Leader Mitch McConnell "
            "Addison (Mitch) Mitchell McConnellGOP senators balk at lengthy impeachment trial MORE’s aides spoke.")
    cards = inline_furniture(text)
    assert [text[s:e].split()[0] for s, e in cards] == ["Ilhan", "Addison"]
    assert [text[:s].split()[-1] for s, _ in cards] == ["Omar", "McConnell"]
    assert all(text[s:e].endswith("MORE") for s, e in cards)
    blanked = blank(text, cards)
    assert len(blanked) == len(text)
    assert " ".join(blanked.split()) == "Rep. Ilhan Omar (D-Minn.) and the Senate Majority Leader Mitch McConnell ’s aides spoke."
    assert inline_furniture("Omar Omar said MORE money was needed. Kim Jong Un Kim Jong UnAnd MORE") == []
    # the page's own misspelling of the glued surname ("Costello ... CostellloFormer ... MORE"): a card still
    text = "Rep. Ray Dunmore Raymond Paul DunmorreFormer GOP Rep. Dunmore opens lobbying shop MORE (R-Pa.) replied: no."
    assert " ".join(blank(text, inline_furniture(text)).split()) == "Rep. Ray Dunmore (R-Pa.) replied: no."
    # a space between the repeated surname and the first headline (14 cards in AllSides), and a glued card that starts at
    # a later word of the name than a spaced reading would ("Shelley Moore Capito ... Moore CapitoShelley ...")
    text = ("While Speaker Paul Ryan Paul Davis Ryan Retirees should say 'no thanks' to the plan Governor Newsom and family "
            "dress up MORE (Wis.) vowed to act, Sen. Shelley Moore Capito Shelley Wellons Moore CapitoShelley Moore Capito "
            "wins Senate primary MORE (R-W.Va.) agreed.")
    assert " ".join(blank(text, inline_furniture(text)).split()) == (
        "While Speaker Paul Ryan (Wis.) vowed to act, Sen. Shelley Moore Capito (R-W.Va.) agreed."
    )


def test_link_titles_after_a_read_more_line_are_boilerplate() -> None:
    """"Read more:" on a line of its own, then the titles of linked stories one a line (56 of AllSides' 5,000
    articles): the titles were body, and "Flake says he will not seek re-election in 2018, citing nastiness of
    Trump-era politics" an attribution with a chain.  Titles up to the first line of prose are links."""
    titles = ["Flake says he will not seek re-election in 2018, citing nastiness of Trump-era politics",
              "Jeff Flake threw out some zingers during his Senate floor speech criticizing Trump",
              "Why Sen. Jeff Flake says he won't run for re-election to the Senate"]
    k = kinds_of("\n\n".join([HEAD, LEDE, "Read more:", *titles, MORE, THIRD]))
    assert k["Read more:"] == "boilerplate"
    assert all(k[t] == "boilerplate" for t in titles)
    assert k[LEDE] == "body" and k[MORE] == "body" and k[THIRD] == "body"
    # a subhead-like line after prose is no link
    k = kinds_of("\n\n".join([HEAD, LEDE, "What comes next", MORE]))
    assert k["What comes next"] == "body"


def test_politicos_story_continued_below_is_boilerplate() -> None:
    """AllSides: Politico pastes "Story Continued Below" between paragraphs (301 of the 5,000 articles): body before."""
    k = kinds_of("\n\n".join([HEAD, LEDE, "Story Continued Below", MORE]))
    assert k["Story Continued Below"] == "boilerplate"
    assert k[MORE] == "body"


def test_a_subhead_with_a_slash_is_no_credit() -> None:
    """AllSides: "More Race/Ethnicity" (an ABC poll's subhead), "The Budget/Sequester", "IN FOCUS/SHARP TAKES" were
    picture credits (and the paragraph before a caption); a slash credit names a photographer before the slash or a
    picture source after it ("Jacob Turcotte and Story Hinckley/Staff", "Evan Vucci/AP")."""
    k = kinds_of("\n\n".join([HEAD, LEDE, "More Race/Ethnicity", MORE]))
    assert (k[LEDE], k["More Race/Ethnicity"]) == ("body", "body")
    k = kinds_of("\n\n".join([HEAD, LEDE, "A rescue worker at the crash site.", "Jacob Turcotte and Story Hinckley/Staff", MORE]))
    assert k["Jacob Turcotte and Story Hinckley/Staff"] == "credit"


def test_capitalised_link_titles_on_a_page_of_capitalised_links_are_boilerplate() -> None:
    """Fox News sets its linked stories' titles in capitals between paragraphs ("SOCIALISM RISING: PLURALITY OF DEMS
    WANT US TO MOVE TOWARD SOCIALISM, ACCORDING TO FOX NEWS POLL", AllSides: an attribution to Fox News, and "it" in
    the next paragraph resolved to "PLURALITY OF DEMS WANT"); on a page with a capitalised "CLICK HERE ..." link they
    are links.  Capitalised subheads on other pages stay body."""
    link = "SOCIALISM RISING: PLURALITY OF DEMS WANT US TO MOVE TOWARD SOCIALISM, ACCORDING TO FOX NEWS POLL"
    k = kinds_of("\n\n".join([HEAD, LEDE, link, MORE, "CLICK HERE TO GET THE FOX NEWS APP", THIRD]))
    assert k[link] == "boilerplate" and k[MORE] == "body" and k[THIRD] == "body"
    sub = "HOW TO USE A WATER BATH CANNER"
    k = kinds_of("\n\n".join([HEAD, LEDE, sub, MORE, THIRD]))
    assert k[sub] == "body"


def test_a_gallery_line_is_cut_into_its_captions() -> None:
    """AllSides (CNN): a gallery pasted as one line ("Photos: <label> <caption> Hide Caption 1 of 3 Photos: <label>
    ...") was one caption block, and the attribution finder read one picture's caption into the next ("Hide Caption 41
    of 81 Photos" became a source).  Each picture's caption is a caption block; the counters and the label said before
    each picture are boilerplate."""
    first = "The lead helicopter lands at the base on Tuesday, March 3."
    second = "Soldiers carry supplies to the waiting trucks, officials said."
    third = "A mechanic checks a rotor."
    gallery = (
        f"Photos: Helicopter fleet in review Photos: Helicopter fleet in review {first} Hide Caption 1 of 3 "
        f"Photos: Helicopter fleet in review {second} Hide Caption 2 of 3 Photos: Helicopter fleet in review {third} "
        "Hide Caption 3 of 3"
    )
    k = kinds_of("\n\n".join([HEAD, LEDE, gallery, MORE]))
    assert k[first] == k[second] == k[third] == "caption"
    assert k["Photos: Helicopter fleet in review Photos: Helicopter fleet in review"] == "boilerplate"
    assert k["Hide Caption 1 of 3 Photos: Helicopter fleet in review"] == "boilerplate"
    assert k["Hide Caption 3 of 3"] == "boilerplate"
    assert k[LEDE] == "body" and k[MORE] == "body"


def test_a_speaker_s_words_before_a_picture_credit_are_body() -> None:
    """AllSides (ABC News): 'Ryan added: "I myself was ... on the receiving end of John's distinct brand of candor."'
    right before "Andrew Harnik/AFP/Getty Images" was taken for the picture's caption, and the credit's parties became
    relay hops of Ryan's words.  A speaker's words ("added", "continued", "declared") are prose (7 such paragraphs in
    the 5,000 AllSides articles, all body now)."""
    quote = 'Ryan added: "I myself was, from time to time, on the receiving end of his candor."'
    k = kinds_of("\n\n".join([HEAD, LEDE, quote, "Andrew Harnik/AFP/Getty Images", MORE]))
    assert k[quote] == "body"
    assert k["Andrew Harnik/AFP/Getty Images"] == "credit"


def test_a_photographer_label_is_a_credit() -> None:
    """AllSides (Bloomberg): "Photographer: Andrew Harrer/Bloomberg Photographer: Andrew Harrer/Bloomberg" was a dek,
    and a "He" of the story far below was resolved to the photographer."""
    line = "Photographer: Andrew Harrer/Bloomberg Photographer: Andrew Harrer/Bloomberg"
    k = kinds_of("\n\n".join([HEAD, line, LEDE, MORE]))
    assert k[line] == "credit" and k[LEDE] == "body"
