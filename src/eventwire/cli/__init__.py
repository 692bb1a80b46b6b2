"""The `eventwire` command line: thin commands over the public functions.

`main.py` holds the group and what the commands share; each module adds one area's commands:
`extract.py` (extract), `evaluate.py` (eval, bench), `store.py` (ingest, failures, query,
export), `corpus.py` (stories, ledger, eval coref), `web.py` (serve, bench web). Only this
package prints.
"""

from eventwire.cli import corpus, evaluate, extract, store, web
from eventwire.cli.main import main

__all__ = ["corpus", "evaluate", "extract", "main", "store", "web"]
