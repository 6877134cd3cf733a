"""The cross-article layer: what a stored corpus says across its articles.

Its place in the pipeline is after the store: it reads the per-article reports the store holds
(``reportedly.store``) and the records of ``reportedly.model``, and writes the corpus tables of the
report contract (stories, copies, claim groups, relays, hedge drift).  It may use the per-article
flow and the engines (``reportedly.pipeline``, ``reportedly.batch``); nothing below it imports it, and it never
imports the scorers, the web page or the command line.

- ``copies``: pairs of articles where one reproduces the other's text (same copy, partial reuse),
  found through an index of sampled shingles, never all pairs.  ``tests/test_layout.py`` holds it to that.
"""
