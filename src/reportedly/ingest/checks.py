"""Checks that turn bad input into one clear ``InputError`` line."""

from __future__ import annotations

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


def decode(data: bytes, origin: str, settings: Settings) -> str:
    """Bytes of a text or HTML file -> str, or an InputError saying why not."""
    if len(data) > settings.max_bytes:
        raise InputError(
            origin,
            f"too large ({len(data) / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.1f} MB, "
            "set max_bytes to raise it)",
        )
    if not data.strip():
        raise InputError(origin, "empty input")
    if b"\x00" in data[:65536]:
        raise InputError(origin, "binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            origin, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); convert it to UTF-8 first"
        ) from None
    return text


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
