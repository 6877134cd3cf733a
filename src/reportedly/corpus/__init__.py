"""The cross-article layer: what a stored corpus says across its articles.

Its place in the pipeline is after the store: it reads the per-article reports the store holds
(``reportedly.store``) and the records of ``reportedly.model``, and writes the corpus tables of the
report contract.  It may use the per-article flow and the engines (``reportedly.pipeline``,
``reportedly.batch``); nothing below it imports it, and it never imports the scorers, the web page
or the command line.

- ``items``: ``Item``, one stored article as this layer reads it, and the rule every finder
  follows: decide each article online, in ingest order, against the articles before it only;
- ``stories`` (+ ``storyterms``, its per-article terms): which articles tell the same story (the
  same event), found through an index of rare terms, never all pairs; ``storylinks``: the stories
  ``trace`` writes, average link over the pairs that finder scored (its own stories are threads);
- ``copies`` (+ ``shingles``, ``postings``: hashed word runs and capped indexes): pairs of
  articles where one reproduces the other's text (same copy, partial reuse), found through an
  index of sampled shingles, never all pairs.  ``tests/test_layout.py`` holds it to that;
- ``trace``: ``trace(store)``, which runs the finders over the articles not traced yet and writes
  their tables (``story_articles``, ``copies``), one transaction per chunk (``reportedly trace``);
- ``claims`` (+ ``claimtext``) and ``relays``: claim groups, hedge drift, and credits resolved to
  the credited outlet's stored article (issue 14's core, scored by ``reportedly eval drift`` and
  ``eval relays``; not yet run by ``trace``).
"""
