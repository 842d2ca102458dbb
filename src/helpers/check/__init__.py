"""The check: claims against the record (verdicts) and against each other (disagreements).

It reads claims and the reference tables (`data/reference/`); it knows nothing of charts or notebooks.
"""
