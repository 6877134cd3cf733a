"""Errors that name the input and the problem, printed as one line."""

from __future__ import annotations


class ReportedlyError(Exception):
    """Base class of the errors this package raises on purpose."""


class InputError(ReportedlyError):
    """An input that cannot be analysed: empty, binary, not UTF-8, too big ...

    ``str(err)`` is the one line shown to the user: ``ORIGIN[:LINE]: PROBLEM``.
    """

    def __init__(self, origin: str, problem: str, line: int | None = None) -> None:
        self.origin = origin
        self.problem = problem
        self.line = line
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {problem}")


class ModelMissingError(ReportedlyError):
    """The spaCy English pipeline is not installed."""
