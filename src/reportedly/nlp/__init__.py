"""The spaCy pipeline and the parsed view of an article. spaCy stays behind this line.

What the finders get from here:

- ``Parsed``: an article with one ``Segment`` per block that needs language
  analysis; ``Parsed.abs`` turns a token or span into offsets in ``Article.text``;
- ``Segment``: a block's spaCy ``Doc`` and its offset in ``Article.text``;
- one way to read tokens: ``Segment.view``, the segment's ``DocView`` (every
  token as a plain Python ``Tok``, read once per doc).  Code that holds only a
  spaCy doc, span or token reaches the same view with ``view_of(doc)``, and
  its word lists with ``texts``, ``lowers`` and ``offsets``.

The modules: ``load`` (the model, once per process), ``gemm`` (numpy's BLAS for
the models' matrix products), ``fast_rules`` (faster stand-ins for two rule
components), ``parse`` (``Segment``, ``Parsed``, ``pipe``, ``parse_many``) and
``tokens`` (``DocView``); ``load`` builds on ``gemm``, ``parse`` on ``fast_rules``, ``gemm``
and ``tokens``, and nothing here imports a finder.
"""

from __future__ import annotations

from .fast_rules import FastRules
from .gemm import GEMM_ENV, one_blas_thread, use_numpy_gemm
from .load import INSTALL_HINT, MODEL_NAMES, load_pipeline, require_pipeline
from .parse import PARSED_KINDS, Parsed, Segment, parse, parse_many, parsed_from_docs, pipe, segments_to_parse
from .tokens import DocView, Sent, Tok, lowers, memoised, offsets, texts, view_of

__all__ = [
    "GEMM_ENV",
    "INSTALL_HINT",
    "MODEL_NAMES",
    "PARSED_KINDS",
    "DocView",
    "FastRules",
    "Parsed",
    "Segment",
    "Sent",
    "Tok",
    "load_pipeline",
    "lowers",
    "memoised",
    "offsets",
    "one_blas_thread",
    "parse",
    "parse_many",
    "parsed_from_docs",
    "pipe",
    "require_pipeline",
    "segments_to_parse",
    "texts",
    "use_numpy_gemm",
    "view_of",
]
