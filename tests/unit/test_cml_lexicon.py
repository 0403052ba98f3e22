"""CML's words and literals: identifiers, strings, keywords, and the content that the importer skips."""

from hypothesis import given
from hypothesis import strategies as st
from lark.lexer import PatternStr

from formats.cml.cml_lexicon import KEYWORDS, escape_identifier, is_identifier, read_string, to_identifier, write_string
from formats.cml.cml_parser import cml_parser
from formats.cml.cml_reader import parse_cml_workspace


@given(st.text())
def test_a_written_string_reads_back_as_the_same_text(text: str) -> None:
    written = write_string(text)
    assert "\n" not in written and "\r" not in written
    assert read_string(written) == text


def test_java_escapes_and_surrogate_pairs_are_decoded() -> None:
    assert read_string(r'"tab\tquote\" \u00e4 \ud83d\ude00 \q"') == 'tab\tquote" ä 😀 q'
    assert read_string(r"'single \' quote'") == "single ' quote"


@given(st.text())
def test_any_name_becomes_a_cml_identifier(name: str) -> None:
    identifier = to_identifier(name, "Fallback")
    assert is_identifier(identifier)
    written = escape_identifier(identifier)
    assert written == identifier or (written == f"^{identifier}")
    assert written.startswith("^") or identifier not in KEYWORDS


def test_names_keep_their_letters_and_digits_and_lose_the_rest() -> None:
    assert to_identifier("Offers & Transactions", "X") == "Offers_Transactions"
    assert to_identifier("Ärger über Öl", "X") == "Arger_uber_Ol"
    assert to_identifier("3rd party_API", "X") == "_3rd_party_API"
    assert to_identifier("日本語", "Context") == "Context"
    assert escape_identifier("Entity") == "^Entity"
    assert escape_identifier("Value") == "^Value"  # a keyword of newer CML: escaped to be safe


def literals_of_the_grammar() -> list[str]:
    terminals = cml_parser().terminals
    return [t.pattern.value for t in terminals if isinstance(t.pattern, PatternStr) and t.pattern.value not in "{}"]


def test_every_keyword_and_symbol_of_the_grammar_may_appear_in_skipped_tactical_content() -> None:
    """A keyword added to the grammar must also be added to the loose tokens of skipped blocks."""
    literals = literals_of_the_grammar()
    assert "BoundedContext" in literals and "<->" in literals and "exposedAggregates" in literals
    body = " ".join(literals)
    cml = (
        f"BoundedContext A {{\n  Aggregate Orders {{ Entity Order {{ {body} }} {body} }}\n  Module m {{ {body} }}\n}}\n"
    )
    cml += f"Domain Sales {{ Subdomain Leads {{ type = CORE_DOMAIN Entity Lead {{ {body} }} }} }}\n"
    workspace = parse_cml_workspace(cml, "tactical.cml").workspace
    assert [a.name for a in workspace.api_products[0].sync_api.aggregates] == ["Orders"]


def test_use_cases_user_stories_stakeholders_and_value_registers_are_skipped() -> None:
    cml = """
    UseCase Get_paid { actor "Insurant" benefit "paid {soon}" }
    UserStory Claim_story split by Get_paid { As a "Driver" I want to "create" a "Claim" so that "I get paid" }
    Stakeholders of Claims { StakeholderGroup Drivers { Stakeholder Driver { influence HIGH } } }
    ValueRegister Fairness for Claims { ValueCluster Autonomy { core AUTONOMY } }
    BoundedContext Claims
    """
    result = parse_cml_workspace(cml, "vdad.cml")
    assert [c.name for c in result.workspace.bounded_contexts] == ["Claims"]
    assert result.skipped == 4
