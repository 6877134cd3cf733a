"""Training the shipped models (``reportedly/models/``) from annotated corpora; not part of an analysis.

``attributions``: the attribution finder's cue scorer and content ranker, trained on a brat corpus
(PolNeAR train): ``python -m reportedly.training.attributions BRAT_DIR OUT_DIR``.
"""
