"""Storage: atomic writes, tables kept in parts (Parquet and CSV), the work cache and its codec, and
the `Tables` every notebook reads. It knows nothing of Chinese or of claims."""
