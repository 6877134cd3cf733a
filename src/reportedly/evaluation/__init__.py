"""Scorers on annotated corpora (used by `reportedly eval ...` and the quality gates in eval/)."""
