"""A CML model spread over several files: `import "other.cml"` statements followed from the importing file's folder,
each file read once, a cycle or a missing file named at the import line that leads to it."""

import dataclasses
from pathlib import Path
from typing import Any

from formats.cml import cml_messages as text
from formats.cml.cml_model import At, CmlDocument, CmlProblem
from formats.cml.cml_parser import parse_cml
from formats.cml.cml_scan import CmlFileError, refuse_if_far_too_large


def with_imports(document: CmlDocument, path: Path) -> CmlDocument:
    """The document with every file it imports, directly or not, merged in: their bounded contexts, domains and
    skipped blocks (and their context map when the importing file has none). Places in an imported file name it."""
    root = path.resolve()
    imported = _imported(document, root, (root,), {root})
    if not imported:
        return document
    maps = document.maps or next((d.maps for d in imported if d.maps), ())
    return dataclasses.replace(
        document,
        maps=maps,
        contexts=document.contexts + tuple(c for d in imported for c in d.contexts),
        domains=document.domains + tuple(x for d in imported for x in d.domains),
        imports=(),
        skipped=document.skipped + tuple(s for d in imported for s in d.skipped),
        names=document.names + tuple(n for d in imported for n in d.names),
    )


def imported_names(document: CmlDocument, path: Path) -> set[Path]:
    """The files `document` (read from `path`) imports, resolved."""
    return {(path.resolve().parent / statement.text).resolve() for statement in document.imports}


def _imported(document: CmlDocument, path: Path, chain: tuple[Path, ...], seen: set[Path]) -> list[CmlDocument]:
    """Depth first, in the order written; a file imported twice (by two files) is read once."""
    found = []
    for statement in document.imports:
        target = (path.parent / statement.text).resolve()
        if target in chain:
            cycle = " → ".join(p.name for p in (*chain[chain.index(target) :], target))
            raise CmlFileError(str(path), [CmlProblem(statement.at, text.IMPORT_CYCLE.format(cycle=cycle))])
        if target in seen:
            continue
        seen.add(target)
        if not target.is_file():
            problem = text.IMPORT_MISSING.format(file=statement.text, path=target)
            raise CmlFileError(str(path), [CmlProblem(statement.at, problem)])
        refuse_if_far_too_large(target.stat().st_size, str(target))
        child = parse_cml(target.read_bytes(), str(target))  # its syntax errors name it
        found.append(_placed_in(child, target.name))
        found += _imported(child, target, (*chain, target), seen)
    return found


def _placed_in(value: Any, file: str) -> Any:
    """`value` with every place in it naming `file`: a problem found later in the merged model says where it is."""
    if isinstance(value, At):
        return dataclasses.replace(value, file=file)
    if isinstance(value, tuple):
        return tuple(_placed_in(v, file) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _placed_in(getattr(value, f.name), file) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value
