"""The layout's seams hold: stages in flow order, no stage importing another, and each stage
reading only the Doc fields it declares."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from eventwire.model import Doc
from eventwire.pipeline import DEFAULT_STAGES, FIELDS, STAGES, Pipeline

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"
STAGE_PACKAGES = sorted(
    p.name for p in (PACKAGE / "stages").iterdir() if p.is_dir() and "_" in p.name
)
SHARED_STAGE = "s2_parse"  # the token view, which every stage may use


def module_names() -> set[str]:
    names = set()
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(("eventwire", *path.relative_to(PACKAGE).with_suffix("").parts))
        names.add(name.removesuffix(".__init__"))
    return names


MODULES = module_names()


def imported_modules(path: Path) -> set[str]:
    """The modules a file imports, anywhere in it (a function's late import included);
    `from package import module` counts as importing that module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            subs = {f"{node.module}.{a.name}" for a in node.names} & MODULES
            found |= subs if len(subs) == len(node.names) else {node.module}
    return found


def test_layout_stage_packages_list_in_flow_order():
    # `ls src/eventwire/stages` shows DESIGN's flow: body, parse, actors, places, times,
    # sources, events, then the linkers that run after events
    assert [name.split("_", 1)[1] for name in STAGE_PACKAGES] == [
        "body", "parse", "actors", "places", "times", "sources", "events", "links",
    ]  # fmt: skip
    order = [STAGES[name].factory.split(".")[2] for name in DEFAULT_STAGES]
    assert order == sorted(order), "the default pipeline runs the packages in their order"


@pytest.mark.parametrize("package", STAGE_PACKAGES)
def test_layout_no_stage_imports_another_stage(package):
    for path in (PACKAGE / "stages" / package).glob("*.py"):
        for module in imported_modules(path):
            if module.startswith("eventwire.stages."):
                other = module.split(".")[2]
                assert other in {package, SHARED_STAGE}, f"{path.name} imports {module}"
            assert not module.startswith(
                (
                    "eventwire.read",
                    "eventwire.ingest",
                    "eventwire.store",
                    "eventwire.cli",
                    "eventwire.api",
                )
            ), (path, module)


@pytest.mark.parametrize("package", STAGE_PACKAGES)
def test_layout_each_stage_package_says_what_it_reads_and_adds(package):
    doc = ast.get_docstring(ast.parse((PACKAGE / "stages" / package / "__init__.py").read_text()))
    assert doc is not None
    assert "Read" in doc
    assert "Adds" in doc or "Set" in doc


def test_layout_no_import_cycles_between_modules():
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(("eventwire", *path.relative_to(PACKAGE).with_suffix("").parts))
        name = name.removesuffix(".__init__")
        graph[name] = {m for m in imported_modules(path) if m in MODULES and m != name}

    def reaches(start: str, target: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            for nxt in graph.get(node, ()):
                if nxt == target:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    cycles = sorted((a, b) for a, deps in graph.items() for b in deps if reaches(b, a))
    assert cycles == []


def field_values(doc: Doc, name: str):
    value = getattr(doc, name)
    if name == "parsed" and value is not None:  # a spaCy Doc compares by identity
        return [(t.text, t.dep_, t.head.i, t.is_sent_start) for t in value]
    return value


@pytest.mark.slow
def test_layout_each_stage_runs_on_a_doc_holding_only_what_it_declares(sample_text):
    """Run the default pipeline on the sample; at each stage, run the stage again on a Doc
    that holds only the article and the fields it declares, and check it adds the same."""
    from eventwire.api import make_article
    from eventwire.pipeline import default_pipeline

    pipe: Pipeline = default_pipeline()
    # a furniture line the body stage leaves out: a stage that ignored the body would quote it
    text = sample_text + "\nRead more: “We will hit back,” militia leaders told Reuters on Monday\n"
    doc = Doc(article=make_article(text, published="2024-09-06"))
    doc_fields = {f.name for f in fields(Doc)}
    for stage in pipe.stages:
        assert stage.needs <= FIELDS, f"{stage.name} needs what no Doc field holds"
        after = stage(doc)
        declared = {name: getattr(doc, name) for name in stage.needs if name != "article"}
        isolated = stage(Doc(article=doc.article, **declared))
        changed = [n for n in doc_fields if field_values(after, n) != field_values(doc, n)]
        assert changed, f"{stage.name} added nothing to the sample"
        for name in changed:
            assert field_values(isolated, name) == field_values(after, name), (stage.name, name)
        doc = after
