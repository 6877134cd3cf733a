"""Checks that turn bad input into one clear ``InputError`` line."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..settings import Settings

# The commonest English function words; a news text has 25-45% of its words here.
_EN_WORDS = frozenset(
    """the of and to a in is that for it on was with as he she by at from his her
    are be this have has had not but or an they which their were said will would
    been who its after about more than one also there all we i you our what when""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_share(text: str, sample: int = 20_000) -> tuple[float, int]:
    """Share of words that are common English function words, and the word count sampled."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(w in _EN_WORDS for w in words) / len(words), len(words)


# Byte-order marks, longest first (a UTF-32LE mark starts like a UTF-16LE one): (mark, codec, name).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def bom(data: bytes) -> tuple[str, str] | None:
    """(codec, name) of the byte-order mark ``data`` starts with, or None."""
    for mark, codec, name in BOMS:
        if data.startswith(mark):
            return codec, name
    return None


def decode(data: bytes, origin: str, settings: Settings) -> str:
    """Bytes of a text or HTML file -> str, or an InputError saying why not.

    The text is UTF-8, or UTF-16/UTF-32 when the file starts with their byte-order mark; a
    byte-order mark is not part of the text (offsets count characters of the decoded text after
    it).  Without a mark, the NUL bytes of UTF-16 or UTF-32 make an error that names the encoding.
    """
    if len(data) > settings.max_bytes:
        raise InputError(
            origin,
            f"too large ({len(data) / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.1f} MB, "
            "set max_bytes to raise it)",
        )
    if not data.strip():
        raise InputError(origin, "empty input")
    marked = bom(data)
    if marked is not None and marked[1] != "UTF-8":
        text = _decode_marked(data, origin, *marked)
    elif b"\x00" in data[:65536]:
        wide = utf16_without_bom(data[:65536])
        if wide:
            raise InputError(origin, f"looks like {wide} without a byte-order mark; convert it to UTF-8")
        raise InputError(origin, "binary data, not text (NUL bytes)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            start = e.start + (3 if marked else 0)
            raise InputError(
                origin, f"not valid UTF-8 (byte 0x{data[start]:02x} at offset {start}); convert it to UTF-8 first"
            ) from None
    if not text.strip():
        raise InputError(origin, "empty input")
    return text


def _decode_marked(data: bytes, origin: str, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        if codec == "utf-32" and data.startswith(codecs.BOM_UTF16_LE):
            return _decode_marked(data, origin, "utf-16", "UTF-16")  # FF FE 00 00 is UTF-16 with a NUL too
        raise InputError(
            origin, f"not valid {name} (it starts with a {name} byte-order mark; {e.reason} at byte {e.start})"
        ) from None


def utf16_without_bom(sample: bytes) -> str | None:
    """"UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when the NUL bytes of ``sample`` fall where that
    encoding puts them in mostly-ASCII text, else None."""
    quads = len(sample) // 4
    if quads < 2:
        return None
    z = [sample[k : quads * 4 : 4].count(0) for k in range(4)]
    if z[1] + z[2] + z[3] >= 2.7 * quads and z[0] <= quads // 2:
        return "UTF-32LE"
    if z[0] + z[1] + z[2] >= 2.7 * quads and z[3] <= quads // 2:
        return "UTF-32BE"
    even, odd = z[0] + z[2], z[1] + z[3]
    if odd >= quads and even <= quads // 5:
        return "UTF-16LE"
    if even >= quads and odd <= quads // 5:
        return "UTF-16BE"
    return None


def check_text(text: str, origin: str, settings: Settings, line: int | None = None) -> None:
    """Refuse text that cannot be analysed: empty, control-character soup, too long, not English."""
    if not text.strip():
        raise InputError(origin, "empty text", line)
    if len(text) > settings.max_chars:
        raise InputError(
            origin, f"text too long ({len(text):,} characters; the limit is {settings.max_chars:,})", line
        )
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(sample) // 100):
        raise InputError(origin, "binary data, not text (control characters)", line)
    if settings.check_language:
        share, n = english_share(text)
        if n >= 25 and share < 0.08:
            raise InputError(
                origin,
                f"does not look like English ({share:.0%} common English words); only English is supported",
                line,
            )
        if n == 0:
            raise InputError(origin, "no words in the text", line)
