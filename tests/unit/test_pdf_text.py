"""Typed text reaches the PDF as typed: markup characters escaped, CJK set in the CJK font, controls visible."""

from reportlab.platypus import Paragraph

from formats.pdf import pdf_fonts
from formats.pdf.pdf_fonts import CJK, FontChoice
from formats.pdf.pdf_text import REPLACEMENT, Typesetter, clean_text


def test_markup_characters_are_escaped_not_interpreted() -> None:
    markup = Typesetter().markup("<b>bold</b> &amp; \"q\" 's' \\n")
    assert markup == "&lt;b&gt;bold&lt;/b&gt; &amp;amp; \"q\" 's' \\n"
    paragraph = Paragraph(markup)
    assert "".join(frag.text for frag in paragraph.frags) == "<b>bold</b> &amp; \"q\" 's' \\n"


def test_cjk_runs_switch_to_the_cjk_font_and_back() -> None:
    markup = Typesetter().markup("Grüße 中文 und Ελληνικά 日本語")
    assert markup == f'Grüße <font name="{CJK}">中文 </font>und Ελληνικά <font name="{CJK}">日本語</font>'


def test_line_breaks_are_kept_and_control_characters_become_visible_marks() -> None:
    assert Typesetter().markup("one\r\ntwo\rthree\nfour") == "one<br/>two<br/>three<br/>four"
    assert clean_text("a\x00b\x1bc\td") == f"a{REPLACEMENT}b{REPLACEMENT}c d"


def test_chinese_and_japanese_wrap_between_characters_but_korean_at_spaces() -> None:
    ts = Typesetter()
    assert ts.needs_cjk_wrap("中文") and ts.needs_cjk_wrap("カタカナ")
    assert not ts.needs_cjk_wrap("한국어 문장") and not ts.needs_cjk_wrap("Grüße")


def test_a_line_that_does_not_fit_shrinks_then_ends_with_an_ellipsis() -> None:
    ts = Typesetter()
    assert ts.one_line("short", 100, 10, 6) == ("short", 10)
    text, size = ts.one_line("a rather long workspace name " * 5, 100, 10, 6)
    assert size == 6 and text.endswith("…") and ts.width(text, size) <= 100


def test_characters_no_font_has_are_reported_once_with_the_package_to_install(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pdf_fonts, "CJK_FONT_PATHS", ())
    fonts = FontChoice()
    ts = Typesetter(fonts)
    ts.markup("中文 中文")
    (warning,) = fonts.warnings()
    assert "fonts-wqy-zenhei" in warning and "中" in warning and "文" in warning


def test_text_in_latin_greek_and_cyrillic_needs_no_other_font() -> None:
    fonts = FontChoice()
    Typesetter(fonts).markup("Grüße Ελληνικά кириллица „quotes“ – € ☑")
    assert fonts.warnings() == []
