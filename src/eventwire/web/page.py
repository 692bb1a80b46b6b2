"""The page at `/` and its files. The page is static: `templates/index.html` names the
bundled script and style sheet in `static/` (built from `frontend/` by
`frontend/build.mjs`, committed, so a pip install needs no node), and the script fetches
everything it shows from the JSON API. Nothing is fetched from anywhere else."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
INDEX = HERE / "templates" / "index.html"


def index(request: Request) -> Response:
    return FileResponse(
        INDEX, media_type="text/html; charset=utf-8", headers={"cache-control": "no-cache"}
    )


def static_files() -> StaticFiles:
    return StaticFiles(directory=STATIC)
