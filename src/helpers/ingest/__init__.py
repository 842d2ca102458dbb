"""Ingestion: find the corpus files, decode them, take the main text of web pages, strip page
furniture, read metadata (manifest first, then the page) and the signatures that find duplicates."""
