"""Which files are inputs, what each holds by its name, and how many articles they hold."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIX = ".json"
GZIP_SUFFIX = ".gz"


def kind_of(name: str) -> tuple[str, bool]:
    """What an input file holds, by its name: (``"jsonl"``, ``"json"``, ``"warc"``, ``"html"`` or ``"text"``,
    gzipped).

    ``corpus.ndjson.gz`` is ``("jsonl", True)``, ``article.json`` ``("json", False)`` (one record, or a list
    of them), ``crawl.warc.gz`` ``("warc", True)``, ``page.HTM`` ``("html", False)``; anything else is text
    (its content may still turn out to be HTML).
    """
    low = name.lower()
    gz = low.endswith(GZIP_SUFFIX)
    suffix = Path(low.removesuffix(GZIP_SUFFIX)).suffix
    if suffix in JSONL_SUFFIXES:
        return "jsonl", gz
    if suffix == JSON_SUFFIX:
        return "json", gz
    if suffix in HTML_SUFFIXES:
        return "html", gz
    return ("warc" if suffix == ".warc" else "text"), gz


def is_corpus(name: str) -> bool:
    """Whether a file of this name holds many articles (JSONL, WARC; gzipped or not): such files are
    read as a stream, whatever their size."""
    return kind_of(name)[0] in ("jsonl", "warc")


INPUT_SUFFIXES = {".txt", ".text", JSON_SUFFIX} | HTML_SUFFIXES | JSONL_SUFFIXES | {".warc"}


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named, files under directories (sorted), and '-' for stdin."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and Path(f.name.lower().removesuffix(GZIP_SUFFIX)).suffix in INPUT_SUFFIXES:
                    yield str(f)
        else:
            yield p


def expand_inputs(paths: Iterable[str]) -> list[str]:
    """Files named, files under directories and files matching glob patterns (``data/**/*.jsonl``)."""
    out: list[str] = []
    for p in paths:
        if p != "-" and not Path(p).exists() and glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            out.extend(expand_paths(matches) if matches else [p])
        else:
            out.extend(expand_paths([p]))
    return out


def count_articles(files: Sequence[str]) -> int | None:
    """How many articles the inputs hold, counted cheaply (JSONL lines, one per other file); None if unknown.

    WARC, a JSON list, gzip and stdin are not counted (that would mean reading them twice); a JSON file
    that does not open with ``[`` holds one record or becomes one error.
    """
    total = 0
    for f in files:
        kind, gz = kind_of(f)
        if f == "-" or gz or kind == "warc" or (kind == "json" and _json_list(f)):
            return None
        if kind == "jsonl":
            try:
                with open(f, "rb") as fh:
                    last = b"\n"
                    while chunk := fh.read(1 << 20):
                        total += chunk.count(b"\n")
                        last = chunk[-1:]
                    total += last != b"\n"
            except OSError:
                total += 1  # it becomes one error
        else:
            total += 1
    return total


def _json_list(path: str) -> bool:
    """Whether a JSON file opens with ``[`` (a list of records) after any byte-order mark and white space."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 12)
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"["
