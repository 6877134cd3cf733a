"""Imports the modules whose commands register themselves on ``cli.app`` / ``cli.eval_app``.

One import per command module, so each lives beside the code it drives.
"""

from __future__ import annotations
