"""chipwatch helpers: everything the notebooks share.

Layers, lowest first (a module imports only from layers below it):
paths → text → lexicon → ingest → extract → corpus → reference/plots → run.
"""

__version__ = "0.1.0"
