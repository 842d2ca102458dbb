"""chipwatch helpers: everything the notebooks share, in layers named for the stages.

Lowest first; a module imports only from its own layer and the layers below it
(`tests/test_architecture.py` holds the rule; `docs/architecture.md` gives the reasons):
paths → store → lang → ingest → extract → check → build | themes → report.
`build` and `themes` are beside each other: neither imports the other.
"""

__version__ = "0.1.0"
