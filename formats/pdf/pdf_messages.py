"""Every user-facing message of the PDF printouts (errors and warnings, not printed content), reviewed in one place."""

# Picking the canvas to print.
NOT_A_CANVAS_KIND = "'{kind}' is not a canvas kind; choose one of {kinds}."
NO_SUCH_CANVAS = "No {title} named '{name}' in '{workspace}'. There are: {names}."

# Warnings: the PDF is made, but lacks something.
CJK_FONT_MISSING = (
    "The CJK font is not installed ({package}), so some characters print as empty boxes: "
    "{sample}. Install it with: apt-get install {package}"
)
NO_FONT_FOR = "No embedded font has these characters, so they print as empty boxes: {sample}"
MAP_NOT_DRAWN = "The context map could not be drawn: the SVG given is empty or not an SVG drawing."
