"""The cross-article layer: what a stored corpus says across its articles.

Its place in the pipeline is after the store: it reads the per-article reports the store holds
(``reportedly.store``) and the records of ``reportedly.model``, and writes the corpus tables of the
report contract (stories, copies, claim groups, relays, hedge drift).  It may use the per-article
flow and the engines (``reportedly.pipeline``, ``reportedly.batch``); nothing below it imports it,
and it never imports the web page or the command line.  ``tests/test_layout.py`` holds it to that.
"""
