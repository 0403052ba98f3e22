"""A Context Mapper model uploaded as a .zip of its .cml files: unpacked into a private folder (with limits, as
the archive may be hostile), its one top file found, and imported with its imports followed."""

import io
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from formats.cml import cml_messages as text
from formats.cml.cml_imports import imported_names
from formats.cml.cml_model import At, CmlProblem
from formats.cml.cml_parser import parse_cml
from formats.cml.cml_reader import CmlImport, parse_cml_workspace, read_cml_import
from formats.cml.cml_scan import REFUSED_BYTES, CmlFileError

MAX_MEMBERS = 500  # .cml files in one archive


def read_cml_upload(raw: bytes, filename: str) -> CmlImport:
    """An uploaded model: a .zip of .cml files (its imports followed), or one .cml file (they cannot be)."""
    if filename.lower().endswith(".zip"):
        return read_cml_archive(raw, filename)
    return parse_cml_workspace(raw, filename)


def read_cml_archive(raw: bytes, source: str) -> CmlImport:
    """The model in a .zip: the one .cml file no other file imports, with everything it imports. CmlFileError
    naming the archive (and the file inside it) when it cannot be imported."""
    members = _cml_members(raw, source)
    with tempfile.TemporaryDirectory(prefix="workbench-cml-") as folder:
        root = Path(folder)
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for member in members:
                target = root / member.filename
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(member))
        top = _top_file(root, [root / m.filename for m in members], source)
        try:
            return read_cml_import(top)
        except CmlFileError as error:  # named inside the archive, not by the private folder
            inside = Path(error.source).relative_to(root).as_posix()
            raise CmlFileError(f"{source}: {inside}", error.cml_problems) from None


def _cml_members(raw: bytes, source: str) -> list[zipfile.ZipInfo]:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [m for m in archive.infolist() if not m.is_dir() and m.filename.lower().endswith(".cml")]
    except zipfile.BadZipFile:
        raise _refused(source, text.NOT_AN_ARCHIVE) from None
    if not members:
        raise _refused(source, text.NO_CML_IN_ARCHIVE)
    if len(members) > MAX_MEMBERS:
        raise _refused(source, text.TOO_MANY_IN_ARCHIVE.format(count=len(members), limit=MAX_MEMBERS))
    unsafe = [
        m.filename
        for m in members
        if PurePosixPath(m.filename).is_absolute() or ".." in PurePosixPath(m.filename).parts
    ]
    if unsafe:
        raise _refused(source, text.UNSAFE_ARCHIVE_PATH.format(path=unsafe[0]))
    unpacked = sum(m.file_size for m in members)
    if unpacked > REFUSED_BYTES:  # the sizes the archive declares; reading stops at them
        raise _refused(source, text.ARCHIVE_TOO_LARGE.format(mb=unpacked / 2**20, limit=REFUSED_BYTES // 2**20))
    return members


def _top_file(root: Path, files: list[Path], source: str) -> Path:
    """The file no other file imports; there must be exactly one."""
    imported: set[Path] = set()
    for path in files:
        try:
            document = parse_cml(path.read_bytes(), str(path))
        except CmlFileError:
            continue  # reported with its place when it is imported
        imported |= imported_names(document, path)
    tops = [p for p in files if p.resolve() not in imported]
    if len(tops) != 1:
        listed = ", ".join(sorted(p.relative_to(root).as_posix() for p in tops)) or "none"
        raise _refused(source, text.NO_SINGLE_TOP_FILE.format(count=len(tops), files=listed))
    return tops[0]


def _refused(source: str, message: str) -> CmlFileError:
    return CmlFileError(source, [CmlProblem(At(0, 0), message)])
