"""The layout stays true: imports flow one way, down the pipeline, and no module grows past reading size.

The package's units, from the bottom up (a unit may import its own modules and the units below it,
never one above):

    version, errors, settings, model, lexicons, registry   the records and the data every layer reads
    ingest                                                 files and text -> Article
    anatomy                                                Article -> blocks
    nlp                                                    blocks -> parse (spaCy stays behind it)
    find                                                   parse -> findings, one family per package
    summary, pipeline                                      the whole per-article flow -> Report
    store                                                  reports -> the embedded database
    batch                                                  the corpus engines (local, pool, Dask)
    corpus                                                 the cross-article layer
    evaluation, training                                   scorers (of the per-article and cross-article findings) and model training
    web                                                    the web page
    cli                                                    the command line
    reportedly (the package itself)                        the Python API

Every import counts, also those inside functions.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "src" / "reportedly"

LAYERS: list[set[str]] = [
    {"version", "errors", "settings", "model", "lexicons", "registry"},
    {"ingest"},
    {"anatomy"},
    {"nlp"},
    {"find"},
    {"summary"},
    {"pipeline"},
    {"store"},
    {"batch"},
    {"corpus"},
    {"evaluation", "training"},
    {"web"},
    {"cli"},
    {""},  # reportedly/__init__.py: the Python API
]
RANK = {unit: i for i, layer in enumerate(LAYERS) for unit in layer}

PER_ARTICLE = {"ingest", "anatomy", "nlp", "find", "summary", "pipeline"}
"""The per-article layers: they never import the store, the engines, the scorers, the cross-article
layer, the web page or the command line."""
NOT_BELOW = {"store", "batch", "evaluation", "training", "corpus", "web", "cli"}

MAX_LINES = 700


def _modules() -> dict[str, Path]:
    """Dotted name (without ``reportedly.``; ``""`` for the package) -> file."""
    out: dict[str, Path] = {}
    for f in PKG.rglob("*.py"):
        parts = list(f.relative_to(PKG).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of the package that ``name`` imports (the most specific known module of each)."""
    is_pkg = path.name == "__init__.py"
    here = name.split(".") if name else []
    package = here if is_pkg else here[:-1]
    out: set[str] = set()

    def resolve(dotted: str) -> str | None:
        parts = dotted.split(".") if dotted else []
        while True:
            cand = ".".join(parts)
            if cand in known:
                return cand
            if not parts:
                return None
            parts.pop()

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name.removeprefix("reportedly").lstrip(".") for a in node.names if a.name.split(".")[0] == "reportedly"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                mod = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.split(".")[0] == "reportedly":
                mod = node.module.removeprefix("reportedly").lstrip(".")
            else:
                continue
            targets = [f"{mod}.{a.name}".lstrip(".") if f"{mod}.{a.name}".lstrip(".") in known else mod for a in node.names]
        for t in targets:
            r = resolve(t)
            if r is not None and r != name:
                out.add(r)
    return out


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: _imports(name, path, known) for name, path in mods.items()}


def _unit(module: str) -> str:
    return module.split(".")[0]


def test_every_module_has_a_layer() -> None:
    missing = sorted({_unit(m) for m in _modules()} - set(RANK))
    assert not missing, f"give these a layer in LAYERS: {missing}"


def test_no_import_cycle() -> None:
    graph = _graph()
    # Tarjan's strongly connected components: any of more than one module is a cycle
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def test_imports_flow_down_the_layers() -> None:
    wrong = defaultdict(list)
    for mod, deps in _graph().items():
        for dep in deps:
            if _unit(dep) != _unit(mod) and RANK[_unit(dep)] > RANK[_unit(mod)]:
                wrong[mod or "reportedly"].append(dep or "reportedly")
    assert not wrong, f"imports that go up a layer: {dict(wrong)}"


def test_per_article_layers_stay_per_article() -> None:
    bad = {
        mod: sorted(d for d in deps if _unit(d) in NOT_BELOW)
        for mod, deps in _graph().items()
        if _unit(mod) in PER_ARTICLE
    }
    bad = {m: d for m, d in bad.items() if d}
    assert not bad, f"per-article modules that import the store, engines, scorers, corpus, web or cli: {bad}"


def test_nothing_imports_a_private_name_from_another_module() -> None:
    """Names that cross a module boundary are public; a leading underscore means 'this file only'."""
    mods = _modules()
    known = set(mods)
    bad: list[str] = []
    for name, path in mods.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("reportedly")):
                for a in node.names:
                    if a.name.startswith("_") and a.name != "__version__":
                        bad.append(f"{name}: {a.name}")
    assert known and not bad, bad


def test_modules_stay_readable() -> None:
    long = {
        str(p.relative_to(PKG)): n
        for p in PKG.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_the_graph_sees_real_imports() -> None:
    """The checks above would pass vacuously on a graph with no edges."""
    graph = _graph()
    assert "find" in graph["pipeline"] and "nlp" in graph["pipeline"]
    assert "pipeline" in graph["batch"] and "store" in graph["batch"]
    assert any(_unit(d) == "nlp" for d in graph["find"])
