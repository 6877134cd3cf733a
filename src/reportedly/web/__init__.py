"""The web page: read an article's sourcing, and browse a corpus, in a browser.

It sits on top of the store (``reportedly.store``, opened read-only), the cross-article layer
(``reportedly.corpus``) and the per-article flow (``reportedly.pipeline``, for pasted articles).
Nothing else in the package imports it; only the command line starts it.
``tests/test_layout.py`` holds it to that.
"""
