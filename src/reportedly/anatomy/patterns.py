"""Lexical patterns of a pasted news page: datelines, credit labels, boilerplate, bylines, bios, dates, captions.

Regular expressions and word lists only; the other modules of ``reportedly.anatomy``
read lines with them.
"""

from __future__ import annotations

import re

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,3}"
_REGION = r"(?:, [A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,2}){0,2}"
_DATE = rf"(?:,? {MONTH} \d{{1,2}}(?:, \d{{4}})?)"
_DASH = r"(?:--|[-—–])"
# Wire tags written with no dash before the text ("Washington (CNN) A former investigator ..."): only these,
# since "Sen. Ted Cruz (R-Texas) Says" opens a headline the same way.
_NO_DASH_WIRE = "(?:" + "|".join(
    rf"(?<=\({w}\))" for w in ("CNN", "AP", "AFP", "Reuters", "UPI", "Bloomberg", "Xinhua", "Yonhap", "TASS", "EFE", "Kyodo", "dpa")
) + ")"

DATELINE = re.compile(
    # "SEOUL (Reuters) -", "NEW YORK, Nov. 19 (UPI) —", "Dec 29 (Reuters) -", "(CNN) —", "Cleveland (AFP) –",
    # "Washington (CNN) A ..."
    rf"^(?:(?:{_CAPS_PLACE}|{_TITLE_PLACE}){_REGION}{_DATE}? |{MONTH} \d{{1,2}} )?"
    r"\((?P<agency>[A-Z][A-Za-z.&'’\-]*(?: [A-Za-z.&'’\-]+){0,4})\) ?"
    rf"(?:{_DASH}(?= |$)|{_NO_DASH_WIRE}(?= [A-Z“\"'‘]))"
    # "SEOUL, South Korea —", "WASHINGTON --": an all-capitals place with no agency
    rf"|^{_CAPS_PLACE}{_REGION}{_DATE}? ?{_DASH}(?= [A-Z“\"'‘])"
)
"""A dateline or wire tag at the start of a paragraph; group ``agency`` names the wire, if any."""

# Words that, followed by ":" or "by", label a credit.
_CREDIT_LABEL = (
    r"(?:(?:Photo|Photos|Photograph|Photography|Photographer|Picture|Pictures|Image|Images|Video|Footage|Graphic|"
    r"Illustration|Map|Credit|Credits|Image credit|Photo credit|Video credit|Image copyright|"
    r"Image source|Photo illustration|Screenshot|Screengrab|Still)(?:\s*:|\s+by\b|\s+courtesy\b)|"
    r"Image copyright\b|Courtesy(?: of)?\b|©|\(c\)|Copyright\b)"
)
CREDIT_LABEL_RE = re.compile(_CREDIT_LABEL, re.I)

# Picture agencies and wires that appear alone as credits (the registry knows the news agencies).
PICTURE_SOURCES = frozenset(
    """getty images|getty|shutterstock|istock|istockphoto|alamy|ap|afp|epa|reuters|pool|ap photo|
    associated press|the associated press|afp via getty images|getty images/istockphoto|unsplash|
    pexels|handout|file photo|ap images|bloomberg|nasa|wikimedia commons|courtesy|corbis|
    sipa|sipa usa|sopa images|nurphoto|zuma|zuma press|rex|rex features|pa|pa images|pa wire|
    anadolu|anadolu agency|xinhua|kyodo|yonhap|tass|sputnik|efe|dpa|ansa|upi|kcna|kctv|
    newscom|imago|abaca|mediapunch|wireimage|filmmagic|ap file|reuters file""".replace("\n", "").split("|")
)
PICTURE_SOURCES = frozenset(s.strip() for s in PICTURE_SOURCES if s.strip())

# A trailing parenthesised credit: "(Credit: Reuters)", "(Reuters)", "(Reed Saxon / Associated Press)".
PAREN_TAIL = re.compile(r"(?:\((?P<inner>[^()]{1,120})\)|\[(?P<inner2>[^\[\]]{1,120})\])\s*\.?(?: More)?$")
# "... at San Jose ShowCredit: Twitter/RaptorJesuss": a credit label glued to the caption's last word
# with neither space nor stop (prose never joins a word to "Credit:" so).
WORD_GLUED_CREDIT = re.compile(r"(?<=[a-z0-9])Credits?:[ \t]*(?=\S)")
# NYT-style "... it.Credit...Doug Mills/The New York Times": a label glued to the caption.
GLUED_TAIL = re.compile(r"(?<=[.!?”\"’)])\s*(?P<credit>(?:Credit|Photo|Image|Photograph)(?:\.{2,}|…|:)\s*[A-Z].{0,100})$")
# A trailing unbracketed credit after a caption sentence: ". Andrew Burton/Getty Images",
# ". Photo: Damian Dovarganes, AP".
SLASH_CREDIT = r"[A-Z][\w.'’&\-]*(?: [A-Za-z][\w.'’&\-]*){0,4}(?: ?/ ?[A-Z][\w.'’&\-]*(?: [A-Za-z][\w.'’&\-]*){0,4})+"
PIPE_CREDIT = re.compile(r"^(?P<who>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}) ?[|/] ?(?P<src>[A-Z][\w.'’&\- ]{1,40})$")
BARE_TAIL = re.compile(
    rf"(?<=[.!?”\"’)])\s+(?P<credit>{_CREDIT_LABEL}\s*[^.]{{1,100}}|{SLASH_CREDIT}|"
    r"[A-Z][\w&\-]*(?: [A-Z][\w&\-]*){0,3})\s*$"
)
CONTRIBUTION = re.compile(
    r"(?:\b(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|coverage)"
    r"|^\(?\s*(?:Additional\s+)?(?:Reporting|Writing|Editing|Research|Compiled|Produced|Additional reporting)"
    r"\s+by\b"
    r"|^Information\s+from\b.{1,160}\b(?:was|were)\s+used\s+in\s+this\s+(?:report|story|article)"
    r"|^With\s+(?:[\w.]+\s+){0,2}(?:wires?|wire\s+reports|wire\s+services|agencies|news\s+services)\b"
    r"|^(?:This|The)\s+(?:article|story|report)\s+(?:was\s+)?(?:originally|first)\s+"
    r"(?:appeared|published|ran)\b"
    r"|\bhas\s+supplemented\s+this\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s+(?:article|report|story)"
    r"|^(?:Wire|Staff\s+and\s+wire)\s+reports?\s+contributed"
    r"|^Contributing\s*:\s*[A-Z])",
    re.I,
)
"""A contribution or syndication line: "The Associated Press contributed to this report." ..."""

BOILER_LINE = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|story continues below(?: advertisement)?|story continued below|"
    r"continue reading(?: (?:below|the main story))?|read more|read the rest here\.?|"
    r"share(?: this)?(?: (?:story|article|post|page))?:?|share on \w+|tweet|e-?mail|print|"
    r"comments?|\d+ comments?|sign up|subscribe(?: now)?|related(?: articles| stories| coverage| content)?:?|"
    r"recommended(?: for you)?|trending(?: now)?|most popular(?: today)?|most read|you may also like|"
    r"see also|more on:?|more from [\w .'’]+|close|menu|skip to (?:main )?content|log ?in|sign in|register|"
    r"copy link.*|show more sharing options|share all sharing options.*|enlarge(?: (?:this )?image)?|"
    r"view (?:gallery|comments|author archive|slideshow)|back to gallery|image \d+ of \d+|\d+ of \d+|"
    r"\d+ ?/ ?\d+|caption|hide caption|toggle caption|less|more|next|previous|load more|"
    r"listen(?: to this (?:article|story))?|\d+ min(?:ute)?s? read|watch(?: video)?:?|play video|replay|"
    r"\d+ shares?|shares|save|bookmark|report an error|submit|get author rss feed|email the author|"
    r"top stories|latest news|editor'?s picks?|loading\.*|image|photo|video|gallery|"
    r"(?:name|e-?mail|comment|website)\s*\(required\)|"
    r"\((?:begin|end) (?:video|audio) clip\)\.?|"
    r"\([^()]{1,100}\bhere\)\.?|"
    r"\(\s*(?:photos?|video|watch|read|related|more|see|also read|listen)\s*:.*\)\.?|"
    r"(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|flipboard|pocket|messenger|telegram|"
    r"instagram|youtube|google\+?|x)(?: icon)?)\s*$",
    re.I,
)
BOILER_START = re.compile(
    r"^(?:(?:(?:now |also )?(?:read more|watch|listen|read)|related|see also|also see|more|photos|video|don'?t miss|full coverage|"
    r"recommended|trending|sponsored|click here|sign up|subscribe|follow us|like us|download|get the|"
    r"support|advertisement)\b\s*[:|—-]"
    r"|(?:click here|sign up for|subscribe to|subscribe now|follow us|like us on|download the|"
    r"copyright|©|all rights reserved|the opinions expressed|this material may not be published|"
    r"please enable javascript|your browser does not support|we use cookies|"
    r"to continue reading|read the rest here|read more at|read the full|this content was originally|"
    r"we'?ve noticed you'?re|you have \d+ free|story continues below|manage newsletters)\b)",
    re.I,
)
# Furniture that may sit anywhere in a short line: a newsletter sign-up's consent ("Get the Monitor
# Stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy") and
# a video player's strip ("JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 02:02").
FURNITURE_ANYWHERE = re.compile(
    r"\bby (?:signing up|subscribing|registering|clicking [\w ]{1,30}),? you (?:agree|consent|acknowledge)\b"
    r"|\byou (?:agree|consent) to (?:our|the) (?:privacy policy|terms of (?:use|service))\b"
    r"|(?-i:^JUST WATCHED\b|\bReplay More Videos\b)",
    re.I,
)
"""Furniture found anywhere in a line of at most ``shape.is_boiler``'s 40 words."""

# A sign-up form pasted as text with its country menu ("Get The Brief. Sign up to receive the top stories
# ... Choose your country United States of America Afghanistan Albania ..."): a menu of countries is never
# reporting, however long the line.
FORM_MENU = re.compile(
    r"^(?:[^\n.!?]{0,60}[.!?]\s+)?(?:sign up|subscribe|register)\b[^\n]{0,300}?\b(?:choose|select) your country\b"
    r"|\bAfghanistan,? (?:\u00c5land Islands,? )?Albania,? Algeria,? American Samoa\b",
    re.I,
)
"""A pasted sign-up form with its menu of countries, whatever the line's length."""

# A photo gallery pasted as one line: CNN's strip ("Photos: Donald Trump's rise Photos: Donald Trump's rise
# President-elect Donald Trump has been ... Hide Caption 1 of 37 Photos: ..."): each picture's caption
# followed by its counter, or the gallery's label said twice at the start.
GALLERY = re.compile(
    r"\bHide Caption \d{1,3} of \d{1,3}\b"
    r"|^(?:Photos?|Gallery|Pictures|Images): (?:(?:Photos?|Gallery): )?(?P<label>[^\n]{3,120}?) (?:Photos?|Gallery): (?:(?:Photos?|Gallery): )?(?P=label)(?:\s|$)"
)
"""A gallery's captions in one line, whatever its length."""

# A link to another story with no punctuation after its label: "Read More Trump says tariffs will stay",
# "ALSO READ Senators block the bill" (a label, then a capitalised title).
LINK_LABEL = re.compile(
    r"^(?:read\s+more|also\s+read|read\s+also|see\s+also|must\s+read|don'?t\s+miss|related\s+(?:story|stories|"
    r"article|articles|coverage|content|news)|more\s+(?:on|from)\s+this\s+story|recommended\s+(?:story|stories|reading)|"
    r"further\s+reading)\s*[:|—–-]?\s+(?=[A-Z“\"‘'])",
    re.I,
)
"""A link label opening a line, whatever follows it (a related story's title)."""
LINK_TRAILER = re.compile(r"^[^\n]*\S (?:read more|read full story|read the full story|continue reading)$", re.I)
"""A related story's title followed by its link label, a line of its own (The Guardian's "Omarosa claims she has heard
tape of Trump using N-word Read more", 107 lines of AllSides)."""

# Words of share bars, galleries and menus: a short line made only of these is boilerplate.
JUNK_WORDS = frozenset(
    """share sharing shares facebook twitter email e-mail print copy link url copied close options more
    show this story article on the for all extra reddit pocket flipboard whatsapp linkedin pinterest
    messenger telegram comments comment save saved image images enlarge gallery photo photos video videos
    back to of next previous prev tweet pin sms text menu search home subscribe newsletter login log in
    sign up follow us view slideshow play watch listen audio read min minute minutes via icon options
    gift give feedback report error an a post""".split()
)

TAG_LINE = re.compile(r"^(?:tags?|topics?|filed under|categories|category|keywords|related topics)\s*:", re.I)

_BIO_ROLE = (
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|producer|journalist|author|fellow|"
    r"analyst|professor|host|anchor|intern|director|founder|commentator|critic|blogger|researcher|"
    r"economist|lawyer|attorney|consultant|strategist|expert|scholar|lecturer|president|chair|"
    r"photographer|videographer|freelancer|novelist|historian|adviser|advisor|emeritus|"
    r"senator|representative|governor|secretary|ambassador)"
)
BIO = re.compile(
    rf"^(?P<name>[A-Z][\w.'’\-]+(?: (?:[A-Z][\w.'’\-]+|de|van|von|bin|al|la|le)){{0,4}}),? "
    rf"(?:is|has been|serves as)(?: (?:a|an|the))?(?: [\w’'\-]+){{0,6}}? {_BIO_ROLE}s?\b"
    r"|^(?:[Ff]ollow|[Cc]ontact|[Ee]mail|[Rr]each)\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}\s+(?:on|at|via)\b"
    r"|^(?:[A-Z][\w.'’\-]+\s+){1,4}can be reached at\b"
    r"|^(?:You can )?[Ff]ollow (?:him|her|them) on\b"
    r"|^(?:[A-Z][\w'’\-]*\s+){1,4}is an? (?:\w+ ){0,3}column (?:by|from|written by)\b"
    r"|^About the author\b",
)

DATE_WORDS = re.compile(
    rf"\b(?:{MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|[ap]\.?m\.?|E[SD]T|ET|GMT|UTC|BST|CET|PT|"
    r"\d{1,2}(?:st|nd|rd|th)?|\d{4}|ago|hours?|minutes?|mins?|days?|weeks?|months?|years?|today|yesterday)\b",
    re.I,
)
DATE_LABEL = re.compile(r"^(?:published|updated|posted|last updated|first published|modified)\b", re.I)

# Present-tense and pose wording typical of picture captions.
CAPTION_VERBS = frozenset(
    """speaks talks walks arrives attends stands sits looks gestures waves poses holds listens delivers
    watches reacts leaves departs greets shakes smiles addresses testifies displays shows remains
    celebrates plays runs drives prepares visits enters exits points kneels hugs kisses signs reads
    takes rides carries wears participates marches protests rallies works inspects appears mourns weeps
    cries pays lays salutes meets gathers gather stand walk arrive attend sit look hold listen wait
    waits line lines crowd crowds pass passes fly flies flies burns burn rises rise sits prays pray
    mourn react wave pose speak display displays chants chant cheer cheers applauds applaud votes vote
    casts cast tours inspects flies sails lands launches""".split()
)
CAPTION_PHRASE = re.compile(
    r"\bin this (?:undated |handout |file |\w+ )?(?:photo|image|picture|photograph|still|screengrab|"
    r"screenshot|video|frame|combination)\b"
    r"|,\s(?:left|right|center|centre|second (?:from )?(?:left|right)|top|bottom|front|rear)\b[,).]"
    r"|\((?:L-R|l-r|from left|left to right|R-L)\)"
    r"|\b(?:is|are) (?:seen|pictured|shown|depicted)\b|\bpictured\b|\bseen here\b"
    r"|\b(?:file|handout|pool) (?:photo|image|picture)\b"
    r"|^(?:This|The|A|An) (?:[\w-]+ ){0,2}(?:image|photo|photograph|picture|illustration|graphic|map|chart|"
    r"rendering|screenshot|still|handout)s? (?:of|from|shows?|taken|released|provided)\b",
)

TERMINAL = re.compile(r"[.!?…]['\"”’)\]]*$")
ASK_END = re.compile(r"[?!]['\"”’)\]]*$")
WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*", re.UNICODE)

# Role words in bylines: "Staff Writer", "AP Auto Writer", "Special to CNN".
ROLE_WORDS = frozenset(
    """staff writer writers reporter reporters correspondent correspondents editor editors contributor
    contributors columnist columnists senior chief special to national political white house washington
    bureau photographer producer auto business science sports health tech technology economics
    investigative digital associate assistant managing deputy executive contributing global foreign
    international diplomatic legal affairs culture entertainment news desk team and for by of the""".split()
)
OUTLET_WORDS = frozenset(
    """news times post press journal tribune herald daily wire magazine review gazette telegraph guardian
    observer chronicle today network media radio tv television agency service digital online weekly
    monthly insider report standard sun mail star globe examiner beacon caller beast hill channel
    broadcasting corporation bulletin dispatch register courier inquirer record""".split()
)
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "al", "la", "le", "da", "di", "del", "du", "st."})

# "By" before the names of a byline ("By Jasmine Baehr", "Written by ..."), and "By" alone on a line.
BY = re.compile(r"(?:^|(?<=\s))(?:By|BY|by|Written by|Posted by|Story by|Words by)\s*:?\s+(?=[A-Z])")
BY_ALONE = re.compile(r"^(?:By|BY|by)\s*:?$")
