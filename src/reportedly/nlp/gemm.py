"""numpy's BLAS instead of blis for the models' matrix products, and one BLAS thread while parsing.

``load_pipeline`` applies ``use_numpy_gemm`` to every pipeline it loads unless
``REPORTEDLY_GEMM=blis`` (``GEMM_ENV``) is set; ``pipe`` runs inside ``one_blas_thread``.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any

from spacy.language import Language
from thinc.api import Model, NumpyOps

GEMM_ENV = "REPORTEDLY_GEMM"
"""Environment variable: ``blis`` keeps spaCy's own matrix products (``numpy``, the default: see
``use_numpy_gemm``)."""


def use_numpy_gemm(nlp: Language) -> int:
    """Make the layers of ``nlp``'s models multiply matrices with numpy (its bundled OpenBLAS) instead
    of blis, thinc's default on CPU; returns the number of layers changed.

    The same weights; only the order of the additions inside a product may differ, which could in
    principle flip a near-tie, but on 1,084 AllSides and PolNeAR articles every tag, lemma,
    dependency, entity and sentence start came out identical, and so did every report.  It takes
    about two thirds of the CPU time on this project's machines: 17.6 s against 25.9 s for the
    tok2vec, tagger, parser and NER of 144 articles (spaCy 3.8.18), one thread each.  Why: the blis
    in spaCy's PyPI wheels (``blis`` 1.3) does not know these AMD EPYC (Zen 3, family 25) CPUs and
    falls back to its unoptimised ``generic`` kernels (``BLIS_ARCH_DEBUG=1`` prints the choice),
    while numpy's OpenBLAS picks tuned kernels for every CPU it runs on.  On a CPU that blis knows
    (Intel since Haswell, AMD Zen 2) the gain should be smaller; it was not measured there.  The
    parser's and the NER's transition steps call blis directly and keep it.  Layers on a GPU and
    subclasses of ``NumpyOps`` (Apple's) are left alone.  ``parse_many`` and ``pipe`` keep numpy's
    BLAS at one thread while they run (see ``one_blas_thread``).
    """
    ops = NumpyOps(use_blis=False)
    changed = 0
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            old = node.ops
            if type(old) is NumpyOps and getattr(old, "use_blis", False):  # not subclasses (AppleOps)
                node.ops = ops
                changed += 1
    return changed


@functools.cache
def _blas_controller() -> Any:
    """The ``threadpoolctl`` controller of this process's BLAS libraries (made once)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread() -> contextlib.AbstractContextManager[Any]:
    """A context in which numpy's BLAS uses one thread.

    The models' matrices are small: a second OpenBLAS thread cut the wall time of a parse by 6% for
    65% more CPU (the threads spin while they wait), and in a pool of worker processes, one per core,
    the threads would fight over the cores.
    """
    return _blas_controller().limit(limits=1, user_api="blas")  # type: ignore[no-any-return]
