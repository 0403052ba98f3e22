"""External AI systems described like AI contexts (provider, model, pinned version, SLA): the rules read those
declared facts instead of looking for the provider's name in a consumer's free text."""

from typing import Any

from analysis.engine import analyze_workspace
from models.validation import validate_workspace_data


def vendor_workspace(**llm: Any) -> dict[str, Any]:
    """Pricing (no AI) calls an external LLM; its assumptions speak of the provider's SLA without naming it."""
    return {
        "name": "Vendor",
        "bounded_contexts": [
            {
                "name": "Pricing",
                "assumptions": ["provider SLA 99.9 %", "provider rate limits"],
                "ubiquitous_language": [{"term": "Orion-7 score"}],
            }
        ],
        "external_systems": [{"name": "LLM API", "ai_kind": "llm_external", **llm}],
        "relationships": [{"upstream": "LLM API", "downstream": "Pricing", "downstream_roles": ["CF"]}],
    }


def findings(data: dict[str, Any]) -> dict[str, str]:
    analysis = analyze_workspace(validate_workspace_data(data), lever=False)
    return {f.rule: f.message for f in analysis.findings}


def test_a_declared_provider_sla_answers_what_the_consumer_relies_on_whatever_its_wording() -> None:
    assert "AIC017" in findings(vendor_workspace())  # the assumptions do not name "LLM API": wording misses it
    assert "AIC017" not in findings(vendor_workspace(availability_percent=99.9, recovery_time_minutes=30))


def test_the_declared_model_name_is_vocabulary_that_leaks() -> None:
    assert "AIC013" not in findings(vendor_workspace())
    leak = findings(vendor_workspace(provider="Acme AI", model="Orion-7"))["AIC013"]
    assert "Orion-7 score" in leak


def test_a_pinned_external_model_weighs_less_on_the_edge_than_an_unpinned_one() -> None:
    def pain(**llm: Any) -> float:
        analysis = analyze_workspace(validate_workspace_data(vendor_workspace(**llm)), lever=False)
        return next(e.pain for e in analysis.context_map.edges if e.upstream == "LLM API")

    assert pain(version_pinned=True) < pain(version_pinned=False)


def test_what_the_consumer_relies_on_declared_on_the_relationship_answers_aic017() -> None:
    data = vendor_workspace()
    data["relationships"][0]["relied_sla"] = "99.9 % monthly, credits below"
    assert "AIC017" not in findings(data)
    data["relationships"][0].update(relied_sla="", rate_limits="600 requests a minute")
    assert "AIC017" not in findings(data)
    entry = {"collaborator": "LLM API", "relied_sla": "99.5 %", "messages": [{"kind": "query", "name": "Score"}]}
    declared_on_the_canvas = vendor_workspace()
    declared_on_the_canvas["bounded_contexts"][0]["outbound"] = [entry]
    assert "AIC017" not in findings(declared_on_the_canvas)
