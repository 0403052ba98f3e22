"""What a verification metric's wording suggests about its kind, and the one-off inference for untyped metrics.

The analysis never reads a metric's wording: it reads the kind and what the metric watches, both chosen in the
form. The word lists here only make a suggestion the form shows, and type the metrics of workspaces written
before metrics had kinds; every inferred kind is marked for the author to confirm.
"""

from dataclasses import dataclass
from typing import Any

from canvases.vocabulary import METRIC_KIND_LABELS
from models.bounded_context import QUALITY_KINDS, AiKind, BoundedContextCanvas, MetricKind, VerificationMetric
from models.workspace import Workspace

# Checked in this order: a metric that names a holdout is about the loop even when it also says "error".
SUGGESTION_WORDS: tuple[tuple[MetricKind, tuple[str, ...]], ...] = (
    (
        MetricKind.FEEDBACK_WATCH,
        ("holdout", "hold-out", "control group", "randomi", "random ", "counterfactual", "exploration", "feedback"),
    ),
    (
        MetricKind.EVALUATION_SUITE,
        ("eval", "regression", "suite", "golden set", "test set", "benchmark", "shadow"),
    ),
    (
        MetricKind.DRIFT,
        (
            "drift",
            "psi",
            "ks ",
            "kolmogorov",
            "distribution",
            "label delay",
            "schema",
            "freshness",
            "data quality",
            "missing",
            "null rate",
            "stale",
            "population stability",
            "skew",
        ),
    ),
    (
        MetricKind.MODEL_QUALITY,
        (
            "accuracy",
            "precision",
            "recall",
            "auc",
            "mae",
            "mape",
            "rmse",
            "calibration",
            "uplift",
            "hallucination",
            "groundedness",
            "error",
            "f1",
            "hit rate",
            "quality",
            "deviation",
            "interval coverage",
            "relevance",
        ),
    ),
    (
        MetricKind.BUSINESS_KPI,
        ("conversion", "revenue", "margin", "satisfaction", "acceptance rate", "churn", "retention", "kpi", "sales"),
    ),
)
# Kinds that are evidence about a model, so the inference also guesses which model they watch.
MODEL_EVIDENCE = frozenset({MetricKind.MODEL_QUALITY, MetricKind.EVALUATION_SUITE, MetricKind.DRIFT})


def suggest_kind(text: str) -> MetricKind | None:
    """The kind a metric's wording suggests, or None when it suggests none."""
    lowered = f" {text.casefold()} "
    for kind, words in SUGGESTION_WORDS:
        if any(word in lowered for word in words):
            return kind
    return None


def metric_hint(row: dict[str, Any]) -> str | None:
    """The form's suggestion for a metric without a kind: what its wording suggests."""
    text = row.get("metric") or ""
    if row.get("kind") or not text.strip():
        return None
    kind = suggest_kind(text)
    if kind is None:
        return None
    return f"Suggested kind for '{text}': {METRIC_KIND_LABELS[kind.value]} (choose it in the Kind column)"


@dataclass(frozen=True)
class Inference:
    """A fact inferred from wording for a workspace written before the fact had a field, for its author to confirm."""

    context: str
    field: str  # the canvas section that now holds the fact
    text: str

    def describe(self) -> str:
        return f"{self.context} › {self.field}: {self.text}"


def infer_metric_kinds(workspace: Workspace) -> tuple[Workspace, list[Inference]]:
    """The workspace with a kind on every metric that had none, marked as inferred, and the list of inferences.

    A metric whose wording suggests nothing becomes "other". Typed metrics are left exactly as they are.
    """
    models = ai_names(workspace)
    inferred: list[Inference] = []
    contexts = []
    for canvas in workspace.bounded_contexts:
        partners = _ai_partners(workspace, canvas, models)
        metrics = []
        for metric in canvas.verification_metrics:
            if metric.kind is None:
                metric = _inferred(canvas, metric, partners, models)
                inferred.append(
                    Inference(canvas.name, "Verification Metrics", describe_metric(metric.model_dump(mode="json")))
                )
            metrics.append(metric)
        contexts.append(canvas.model_copy(update={"verification_metrics": metrics}))
    if not inferred:
        return workspace, []
    return workspace.model_copy(update={"bounded_contexts": contexts}), inferred


def describe_metric(metric: dict[str, Any]) -> str:
    """'text' → kind label, watches X: one metric of workspace data, as inferences and confirmations list it."""
    watched = f", watches {metric['watches']}" if metric.get("watches") else ""
    return f"'{metric['metric']}' → {METRIC_KIND_LABELS.get(str(metric.get('kind')), 'no kind')}{watched}"


def _inferred(
    canvas: BoundedContextCanvas, metric: VerificationMetric, partners: list[str], models: set[str]
) -> VerificationMetric:
    kind = suggest_kind(metric.metric) or MetricKind.OTHER
    watches = _guess_watched(canvas, kind, metric.metric, partners, models) if kind in MODEL_EVIDENCE else None
    return metric.model_copy(update={"kind": kind, "watches": watches, "kind_inferred": True})


def _guess_watched(
    canvas: BoundedContextCanvas, kind: MetricKind, text: str, partners: list[str], models: set[str]
) -> str | None:
    """A model the metric names; else a quality check of a context without a model of its own watches its one AI
    partner (a drift metric there is about its own data)."""
    lowered = text.casefold()
    named = [n for n in sorted(models - {canvas.name}, key=len, reverse=True) if n.casefold() in lowered]
    if named:
        return named[0]
    if kind in QUALITY_KINDS and canvas.ai_profile.kind is AiKind.NONE and len(partners) == 1:
        return partners[0]
    return None


def ai_names(workspace: Workspace) -> set[str]:
    contexts = {c.name for c in workspace.bounded_contexts if c.ai_profile.is_ai}
    return contexts | {s.name for s in workspace.external_systems if s.ai_kind is not AiKind.NONE}


def _ai_partners(workspace: Workspace, canvas: BoundedContextCanvas, models: set[str]) -> list[str]:
    """The AI contexts and systems this context has a relationship or a message with."""
    names = {r.upstream for r in workspace.relationships if r.downstream == canvas.name}
    names |= {r.downstream for r in workspace.relationships if r.upstream == canvas.name}
    names |= {e.collaborator for e in [*canvas.inbound, *canvas.outbound]}
    return sorted((names & models) - {canvas.name})
