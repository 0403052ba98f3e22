"""Evident renames of contexts, external systems and teams, and the old version with references renamed.

A renamed context is reported once; the collaborators, relationships, API product and components that
follow it are compared under the new name, as the workbench renames every reference with the context.
"""

from collections.abc import Mapping
from typing import Any

from canvases.workspace_settings import WORKSPACE_SETTINGS
from diff.diff_documents import record_score
from diff.diff_entries import Identity, evident_pairs, pair_entries, rename_score
from diff.diff_model import Renames
from diff.diff_values import RowSpec, row_spec
from diff.diff_words import content_tokens

Data = Mapping[str, Any]
_SETTINGS_FIELDS = {f.key: f for s in WORKSPACE_SETTINGS.sections for f in s.fields}


def _row_renames(old: list[Any], new: list[Any], spec: RowSpec) -> dict[str, str]:
    pairings = pair_entries(old, new, lambda row: (str(row.get("name", "")),), score=record_score(spec), signature=None)
    return {
        old[p.old]["name"]: new[p.new]["name"]
        for p in pairings
        if p.renamed and p.old is not None and p.new is not None
    }


def _neighbours(data: Data) -> dict[str, set[str]]:
    """What surrounds each context: relationships and other canvases' entries naming it, its API product."""
    found: dict[str, set[str]] = {}
    for r in data.get("relationships", []):
        found.setdefault(r["upstream"], set()).add(f"downstream={r['downstream']}:{r['pattern']}")
        found.setdefault(r["downstream"], set()).add(f"upstream={r['upstream']}:{r['pattern']}")
    for context in data.get("bounded_contexts", []):
        for direction in ("inbound", "outbound"):
            for entry in context.get(direction, []):
                found.setdefault(entry["collaborator"], set()).add(f"{direction} of {context['name']}")
    for api in data.get("api_products", []):
        rest = {k: v for k, v in api.items() if k != "bounded_context"}
        found.setdefault(api["bounded_context"], set()).update(f"api.{t}" for t in content_tokens(rest))
    return found


def _context_signature(context: Data, neighbours: dict[str, set[str]]) -> frozenset[str]:
    own = content_tokens({k: v for k, v in context.items() if k != "name"})
    return frozenset([*own, *neighbours.get(context["name"], ())])


def context_renames(old: Data, new: Data) -> dict[str, str]:
    """Contexts only one version has, paired where one is evidently the other renamed."""
    new_names = {c["name"] for c in new.get("bounded_contexts", [])}
    old_names = {c["name"] for c in old.get("bounded_contexts", [])}
    gone = [c for c in old.get("bounded_contexts", []) if c["name"] not in new_names]
    came = [c for c in new.get("bounded_contexts", []) if c["name"] not in old_names]
    if not gone or not came:
        return {}
    old_around, new_around = _neighbours(old), _neighbours(new)
    before = [_context_signature(c, old_around) for c in gone]
    after = [_context_signature(c, new_around) for c in came]

    def score(i: int, j: int) -> float | None:
        return rename_score(gone[i]["name"], came[j]["name"], before[i], after[j])

    pairs = evident_pairs(
        list(range(len(gone))), list(range(len(came))), score, ((lambda i: before[i]), (lambda j: after[j]))
    )
    return {gone[i]["name"]: came[j]["name"] for i, j in pairs}


def detect_renames(old: Data, new: Data) -> Renames:
    return Renames(
        contexts=context_renames(old, new),
        external_systems=_row_renames(
            old.get("external_systems", []),
            new.get("external_systems", []),
            row_spec(_SETTINGS_FIELDS["external_systems"]),
        ),
        teams=_row_renames(old.get("teams", []), new.get("teams", []), row_spec(_SETTINGS_FIELDS["teams"])),
    )


def forced_rows(renames: Renames) -> dict[str, dict[Identity, Identity]]:
    """The settings tables' renames, so the settings diff pairs the rows exactly as detected."""
    return {
        "teams": {(old,): (new,) for old, new in renames.teams.items()},
        "external_systems": {(old,): (new,) for old, new in renames.external_systems.items()},
    }


def _renamed(value: Any, names: Mapping[str, str]) -> Any:
    return names.get(value, value) if isinstance(value, str) else value


def _context_with_references(context: Data, parties: Mapping[str, str], teams: Mapping[str, str]) -> Data:
    result = dict(context)
    result["owner_team"] = _renamed(context.get("owner_team"), teams)
    for direction in ("inbound", "outbound"):
        result[direction] = [
            {**e, "collaborator": _renamed(e["collaborator"], parties)} for e in context.get(direction, [])
        ]
    result["verification_metrics"] = [
        {**m, "watches": _renamed(m.get("watches"), parties)} for m in context.get("verification_metrics", [])
    ]
    return result


def rename_references(data: Data, renames: Renames) -> dict[str, Any]:
    """A copy of workspace data in which every reference to a renamed context, system or team has its new name."""
    parties, contexts, teams = renames.parties, renames.contexts, renames.teams
    if not parties and not teams:
        return dict(data)
    result = dict(data)
    result["bounded_contexts"] = [_context_with_references(c, parties, teams) for c in data.get("bounded_contexts", [])]
    result["relationships"] = [
        {**r, "upstream": _renamed(r["upstream"], parties), "downstream": _renamed(r["downstream"], parties)}
        for r in data.get("relationships", [])
    ]
    result["api_products"] = [
        {**a, "bounded_context": _renamed(a["bounded_context"], contexts)} for a in data.get("api_products", [])
    ]
    result["architecture_canvases"] = [
        {
            **canvas,
            "components": [
                {**c, "bounded_context": _renamed(c.get("bounded_context"), contexts)}
                for c in canvas.get("components", [])
            ],
        }
        for canvas in data.get("architecture_canvases", [])
    ]
    if "readiness" in data:
        objectives = data["readiness"].get("service_objectives", [])
        renamed = [{**o, "context": _renamed(o["context"], contexts)} for o in objectives]
        result["readiness"] = {**data["readiness"], "service_objectives": renamed}
    return result
