"""`eventwire run`: the article pipeline over many input files, on this machine or a Dask
cluster, into Parquet tables.

`partitions.py` cuts the inputs into tasks, `pool.py` is the pool of worker processes that
start once (shared with `ingest --workers`), `engines.py` places the tasks (local or Dask),
`tables.py` writes the tables and `results.py` reads them back for `ingest --parquet`.
Nothing is imported here, so that a worker importing `pool` loads no more than it needs.
"""
