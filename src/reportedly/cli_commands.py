"""Imports the modules whose commands register themselves on ``cli.app`` / ``cli.eval_app``.

One import per command module, so each lives beside the code it drives.
"""

from __future__ import annotations

from . import (
    cli_corpus,  # noqa: F401
    cli_eval_anatomy,  # noqa: F401
    cli_eval_basil,  # noqa: F401
    cli_eval_brat,  # noqa: F401
    cli_eval_chains,  # noqa: F401
    cli_eval_html,  # noqa: F401
)
