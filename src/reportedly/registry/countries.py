"""Country words (names, demonyms, capitals) -> ISO 3166-1 alpha-2 codes.

Used to give a country to generic hops ("North Korean state media" -> KP)
and to tell a descriptor ("Russian", "South Korea's") from a name when
matching outlets.  Codes are ISO 3166-1 alpha-2; the words are ordinary
English usage (no external source).  Capitals count only where news copy
uses them for the government ("Pyongyang", "the Kremlin", "Beijing").
"""

from __future__ import annotations

COUNTRY_WORDS: dict[str, str] = {
    # Koreas
    "north korea": "KP", "north korean": "KP", "pyongyang": "KP", "dprk": "KP",
    "south korea": "KR", "south korean": "KR", "seoul": "KR", "korean": "",
    # Russia, neighbours
    "russia": "RU", "russian": "RU", "kremlin": "RU", "moscow": "RU",
    "belarus": "BY", "belarusian": "BY", "minsk": "BY",
    "ukraine": "UA", "ukrainian": "UA", "kyiv": "UA", "kiev": "UA",
    "kazakhstan": "KZ", "kazakh": "KZ", "kyrgyzstan": "KG", "kyrgyz": "KG",
    "tajikistan": "TJ", "tajik": "TJ", "azerbaijan": "AZ", "azerbaijani": "AZ",
    "armenia": "AM", "armenian": "AM", "georgia": "GE", "georgian": "GE",
    # Asia
    "china": "CN", "chinese": "CN", "beijing": "CN",
    "hong kong": "HK", "taiwan": "TW", "taiwanese": "TW", "taipei": "TW",
    "japan": "JP", "japanese": "JP", "tokyo": "JP",
    "vietnam": "VN", "vietnamese": "VN", "hanoi": "VN", "laos": "LA", "lao": "LA",
    "cambodia": "KH", "cambodian": "KH", "myanmar": "MM", "burma": "MM", "burmese": "MM",
    "mongolia": "MN", "mongolian": "MN", "indonesia": "ID", "indonesian": "ID",
    "malaysia": "MY", "malaysian": "MY", "philippines": "PH", "philippine": "PH", "filipino": "PH",
    "singapore": "SG", "thailand": "TH", "thai": "TH",
    "india": "IN", "indian": "IN", "new delhi": "IN", "pakistan": "PK", "pakistani": "PK",
    "bangladesh": "BD", "bangladeshi": "BD", "afghanistan": "AF", "afghan": "AF",
    "nepal": "NP", "nepali": "NP", "sri lanka": "LK", "sri lankan": "LK",
    # Middle East, Africa
    "iran": "IR", "iranian": "IR", "tehran": "IR", "syria": "SY", "syrian": "SY", "damascus": "SY",
    "iraq": "IQ", "iraqi": "IQ", "baghdad": "IQ", "turkey": "TR", "turkish": "TR", "ankara": "TR",
    "türkiye": "TR", "israel": "IL", "israeli": "IL", "palestinian": "PS",
    "lebanon": "LB", "lebanese": "LB", "jordan": "JO", "jordanian": "JO",
    "egypt": "EG", "egyptian": "EG", "cairo": "EG", "saudi": "SA", "saudi arabia": "SA", "riyadh": "SA",
    "qatar": "QA", "qatari": "QA", "emirati": "AE", "uae": "AE", "united arab emirates": "AE",
    "kuwait": "KW", "kuwaiti": "KW", "bahrain": "BH", "bahraini": "BH", "oman": "OM", "omani": "OM",
    "yemen": "YE", "yemeni": "YE", "sudan": "SD", "sudanese": "SD", "ethiopia": "ET", "ethiopian": "ET",
    "eritrea": "ER", "eritrean": "ER", "nigeria": "NG", "nigerian": "NG", "algeria": "DZ", "algerian": "DZ",
    "morocco": "MA", "moroccan": "MA", "tunisia": "TN", "tunisian": "TN", "libya": "LY", "libyan": "LY",
    "south africa": "ZA", "south african": "ZA", "kenya": "KE", "kenyan": "KE",
    # Americas
    "cuba": "CU", "cuban": "CU", "havana": "CU", "venezuela": "VE", "venezuelan": "VE", "caracas": "VE",
    "nicaragua": "NI", "nicaraguan": "NI", "mexico": "MX", "mexican": "MX", "brazil": "BR", "brazilian": "BR",
    "argentina": "AR", "argentine": "AR", "canada": "CA", "canadian": "CA",
    "united states": "US", "u.s.": "US", "us": "US", "american": "US", "america": "US", "washington": "US",
    # (more names, to name every state: Africa, Asia, the Americas, Europe, Oceania; "chad" is left out, a given name)
    "ghana": "GH", "ghanaian": "GH", "senegal": "SN", "senegalese": "SN", "mali": "ML", "malian": "ML",
    "guinea": "GN", "guinean": "GN", "equatorial guinea": "GQ", "guinea-bissau": "GW", "sierra leone": "SL",
    "sierra leonean": "SL", "liberia": "LR", "liberian": "LR", "ivory coast": "CI", "côte d'ivoire": "CI", "cote d'ivoire": "CI", "ivorian": "CI",
    "burkina faso": "BF", "niger": "NE", "benin": "BJ", "togo": "TG", "cameroon": "CM", "cameroonian": "CM",
    "gabon": "GA", "congo": "", "democratic republic of congo": "CD", "democratic republic of the congo": "CD",
    "republic of congo": "CG", "uganda": "UG", "ugandan": "UG", "tanzania": "TZ", "tanzanian": "TZ", "rwanda": "RW",
    "rwandan": "RW", "burundi": "BI", "somalia": "SO", "somali": "SO", "djibouti": "DJ", "south sudan": "SS",
    "angola": "AO", "angolan": "AO", "zambia": "ZM", "zambian": "ZM", "zimbabwe": "ZW", "zimbabwean": "ZW",
    "mozambique": "MZ", "malawi": "MW", "namibia": "NA", "namibian": "NA", "botswana": "BW", "lesotho": "LS",
    "eswatini": "SZ", "swaziland": "SZ", "madagascar": "MG", "mauritius": "MU", "mauritania": "MR",
    "central african republic": "CF", "cape verde": "CV", "gambia": "GM", "cyprus": "CY", "cypriot": "CY",
    "palestine": "PS", "uzbekistan": "UZ", "uzbek": "UZ", "turkmenistan": "TM", "bhutan": "BT", "maldives": "MV",
    "brunei": "BN", "east timor": "TL", "timor-leste": "TL",
    "chile": "CL", "chilean": "CL", "peru": "PE", "peruvian": "PE", "colombia": "CO", "colombian": "CO",
    "ecuador": "EC", "ecuadorian": "EC", "bolivia": "BO", "bolivian": "BO", "uruguay": "UY", "uruguayan": "UY",
    "paraguay": "PY", "guatemala": "GT", "guatemalan": "GT", "honduras": "HN", "honduran": "HN", "el salvador": "SV",
    "salvadoran": "SV", "costa rica": "CR", "panama": "PA", "panamanian": "PA", "dominican republic": "DO",
    "haiti": "HT", "haitian": "HT", "jamaica": "JM", "jamaican": "JM", "guyana": "GY", "suriname": "SR",
    "trinidad and tobago": "TT", "bahamas": "BS", "barbados": "BB", "belize": "BZ",
    "romania": "RO", "romanian": "RO", "bulgaria": "BG", "bulgarian": "BG", "croatia": "HR", "croatian": "HR",
    "slovakia": "SK", "slovak": "SK", "slovenia": "SI", "slovenian": "SI", "lithuania": "LT", "lithuanian": "LT",
    "latvia": "LV", "latvian": "LV", "estonia": "EE", "estonian": "EE", "moldova": "MD", "moldovan": "MD",
    "albania": "AL", "albanian": "AL", "north macedonia": "MK", "macedonia": "MK", "bosnia": "BA", "bosnian": "BA",
    "montenegro": "ME", "kosovo": "XK", "iceland": "IS", "icelandic": "IS", "luxembourg": "LU", "malta": "MT",
    "maltese": "MT", "czech republic": "CZ", "czechia": "CZ",
    "fiji": "FJ", "papua new guinea": "PG", "samoa": "WS", "tonga": "TO", "vanuatu": "VU", "solomon islands": "SB",
    # Europe, Oceania
    "britain": "GB", "british": "GB", "uk": "GB", "u.k.": "GB", "united kingdom": "GB", "england": "GB",
    "france": "FR", "french": "FR", "germany": "DE", "german": "DE", "italy": "IT", "italian": "IT",
    "spain": "ES", "spanish": "ES", "portugal": "PT", "portuguese": "PT", "poland": "PL", "polish": "PL",
    "hungary": "HU", "hungarian": "HU", "greece": "GR", "greek": "GR", "serbia": "RS", "serbian": "RS",
    "netherlands": "NL", "dutch": "NL", "belgium": "BE", "belgian": "BE", "sweden": "SE", "swedish": "SE",
    "norway": "NO", "norwegian": "NO", "denmark": "DK", "danish": "DK", "finland": "FI", "finnish": "FI",
    "austria": "AT", "austrian": "AT", "switzerland": "CH", "swiss": "CH", "ireland": "IE", "irish": "IE",
    "czech": "CZ", "australia": "AU", "australian": "AU", "new zealand": "NZ",
    "vatican": "VA",
}
"""Lower-cased country word -> ISO code ("" where the word names no single country)."""

MAX_WORDS = max(len(k.split()) for k in COUNTRY_WORDS)

US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee
    texas utah vermont virginia wisconsin wyoming""".split()
) | {"new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "rhode island",
     "south carolina", "south dakota", "west virginia"}
"""Lower-cased names of the US states ("Allen, Texas": the name before them is a place)."""

_AP = (
    "ala:alabama,ariz:arizona,ark:arkansas,calif:california,colo:colorado,conn:connecticut,del:delaware,fla:florida,"
    "ga:georgia,ill:illinois,ind:indiana,kan:kansas,kans:kansas,ky:kentucky,la:louisiana,md:maryland,mass:massachusetts,"
    "mich:michigan,minn:minnesota,miss:mississippi,mo:missouri,mont:montana,neb:nebraska,nev:nevada,nh:new hampshire,"
    "nj:new jersey,nm:new mexico,ny:new york,nc:north carolina,nd:north dakota,okla:oklahoma,ore:oregon,pa:pennsylvania,"
    "ri:rhode island,sc:south carolina,sd:south dakota,tenn:tennessee,tex:texas,vt:vermont,va:virginia,wash:washington,"
    "wva:west virginia,wis:wisconsin,wyo:wyoming"
)
_USPS = (
    "al:alabama,ak:alaska,az:arizona,ar:arkansas,ca:california,co:colorado,ct:connecticut,de:delaware,fl:florida,"
    "ga:georgia,hi:hawaii,id:idaho,il:illinois,in:indiana,ia:iowa,ks:kansas,ky:kentucky,la:louisiana,me:maine,"
    "md:maryland,ma:massachusetts,mi:michigan,mn:minnesota,ms:mississippi,mo:missouri,mt:montana,ne:nebraska,"
    "nv:nevada,nh:new hampshire,nj:new jersey,nm:new mexico,ny:new york,nc:north carolina,nd:north dakota,oh:ohio,"
    "ok:oklahoma,or:oregon,pa:pennsylvania,ri:rhode island,sc:south carolina,sd:south dakota,tn:tennessee,tx:texas,"
    "ut:utah,vt:vermont,va:virginia,wa:washington,wv:west virginia,wi:wisconsin,wy:wyoming"
)
STATE_ABBREVIATIONS = {
    k: v for pair in f"{_AP},{_USPS}".split(",") if ":" in pair for k, v in [pair.strip().split(":")]
}
"""A US state's abbreviation, lower-cased without its dots (AP style "Ky.", "N.Y.", "W.Va."; postal "KY"), -> the
state's lower-cased name, as party tags write it ("R-Ky.", "(D-CA)")."""


def state_of_abbreviation(word: str) -> str | None:
    """The US state an abbreviation or a name in a party tag stands for ("Ky." -> "kentucky", "Texas" -> "texas")."""
    w = word.replace(".", "").replace(" ", "").lower()
    full = " ".join(word.lower().split())
    return STATE_ABBREVIATIONS.get(w) or (full if full in US_STATES or full == "washington" else None)


def country_of(words: str) -> str | None:
    """The ISO code a country word or phrase names ("North Korean", "Russia's"), else None."""
    w = " ".join(words.replace("’", "'").lower().split()).removeprefix("the ")
    w = w.removesuffix("'s").removesuffix("'")
    return COUNTRY_WORDS.get(w) or None


def is_country_word(words: str) -> bool:
    """Whether the phrase is a country name, demonym or capital (even one naming no single country)."""
    w = " ".join(words.replace("’", "'").lower().split()).removeprefix("the ")
    return w.removesuffix("'s").removesuffix("'") in COUNTRY_WORDS
