"""The build: corpus folder in, tables out (`pipeline.build`), with the cache keys (`versions`) that
decide what is redone, and the jobs its worker processes run."""
