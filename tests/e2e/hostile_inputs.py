"""The hostile and odd text typed into the workbench. Every script payload sets window.__pwned if it ever runs."""

from formats.workspace_json.input_limits import InputLimits

SCRIPT_TAG = "<script>window.__pwned=1;alert(1)</script>"
IMG_ONERROR = '<img src=x onerror="window.__pwned=1;alert(1)">'
# Markdown, Streamlit's own Markdown extensions (colour, emoji code, maths) and HTML: all must stay literal.
MARKUP = "**bold** _em_ `code` [link](javascript:window.__pwned=1) <b>html</b> $x^2$ :red[red] :smile: &amp; ~~s~~"
RIGHT_TO_LEFT = "مرحبا بالعالم שלום עולם"
EMOJI = "🧭🤖👩🏽‍💻🇩🇪"
QUOTES_AND_BRACES = "Q\"uote's \\back\\slash {brace} [x] <y> |z|"
EVERYTHING = " ".join([SCRIPT_TAG, IMG_ONERROR, MARKUP, RIGHT_TO_LEFT, EMOJI, QUOTES_AND_BRACES])
# As many characters as a text may hold (the text-length limit, 50,000), not all of them ASCII; no space at either
# end, where names and messages are trimmed.
LONG = ("Ελληνικά 0123456789 " * 2_500)[: InputLimits().text_length - 1] + "Ω"

# Names end up in the context map's DOT (HTML-like labels) and in Markdown messages.
CONTEXT_NAME = 'Pricing "v2" \\ {core} <ai> [beta] 🤖'
EXTERNAL_NAME = "O'Reilly & Sons \\ {api} <script>window.__pwned=1</script>"
