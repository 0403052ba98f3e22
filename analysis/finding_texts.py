"""Every user-facing text of the analysis: rule titles, messages, rationales and remedies, reviewed once."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleText:
    title: str
    rationale: str
    remediation: str


RULES: dict[str, RuleText] = {
    "AIC001": RuleText(
        "Core domain conforms to an external AI provider",
        "Without translation the vendor's model and behaviour shape the core model; swapping the provider or "
        "moving to an own model becomes a core rewrite (Evans: Conformist vs Anticorruption Layer; Khononov: "
        "model coupling at the largest distance to the most volatile upstream).",
        "Put an ACL or an AI gateway in the core's own language between them, pin the model version and keep a "
        "provider-neutral evaluation set so a provider swap is a measured change.",
    ),
    "AIC002": RuleText(
        "AI context shares a kernel, database or model artefact",
        "Every retrain changes what is shared, so the kernel is never small and stable (Sculley et al.: "
        "entanglement; Khononov: shared databases are intrusive coupling).",
        "Publish predictions or features behind a versioned interface (OHS+PL) or serve the model behind an API; "
        "if the two cannot be separated, merge them into one context with one owner.",
    ),
    "AIC003": RuleText(
        "Synchronous call chain into an AI component on a critical path without fallback",
        "When the model is slow or down, the critical context fails with it; latency and availability multiply "
        "along the chain (prediction circuit breaker pattern; Nygard, Release It!).",
        "Precompute predictions or move the call off the transaction path; add timeout, circuit breaker and a "
        "heuristic default at the caller; record SLA and recovery objective in the API Product Canvas.",
    ),
    "AIC004": RuleText(
        "Direct dependency on an external model without an ACL",
        "Every consumer wraps the provider its own way (glue code), and provider-side model updates change "
        "behaviour under an unchanged schema.",
        "Route through the organisation's AI gateway or an ACL, pin model versions, keep prompts and provider "
        "calls in one place.",
    ),
    "AIC005": RuleText(
        "Dependency cycle through an AI component",
        "Neither side can be deployed, tested or recovered alone, and a slow model stalls its own callers "
        "(Martin: Acyclic Dependencies Principle).",
        "Break the cycle: let the model subscribe to events instead of calling back, or extract what both need "
        "into an upstream both depend on.",
    ),
    "AIC006": RuleText(
        "Volatile AI component with high fan-in and a weak contract",
        "A retrained model changes behaviour for every consumer at once (Sculley: changing anything changes "
        "everything; Martin: many dependents demand stability).",
        "Offer versioned endpoints (OHS+PL) per consumer, release new model versions in shadow or canary, declare "
        "an SLA and keep rollback through a model registry.",
    ),
    "AIC007": RuleText(
        "Stable context depends on a more volatile AI context",
        "A context that is hard to change should not depend on one expected to change often (Martin: Stable "
        "Dependencies Principle; a model's volatility comes from retraining and drift, not from its edges).",
        "Invert the dependency: the stable context defines a port in its own language that the AI component "
        "implements, or lower the strength to a contract with an ACL.",
    ),
    "AIC008": RuleText(
        "Feedback loop: model output becomes its own training input",
        "The model trains on a population it shaped itself, so errors reinforce themselves unnoticed (Sculley et "
        "al.: hidden and direct feedback loops; selective labels).",
        "Log a decided-by-model flag and the model version with every outcome, keep a randomised holdout, evaluate "
        "counterfactually, and add a verification metric that watches the mitigation.",
    ),
    "AIC009": RuleText(
        "Undeclared consumer of model outputs",
        "Consumers the model owner does not know about make every model change risky (Sculley et al.: undeclared "
        "consumers; ML Test Score: dependency changes notify their users).",
        "Register the consumer on the AI context's canvas, expose predictions only through an OHS, and add "
        "consumer-driven contract tests.",
    ),
    "AIC010": RuleText(
        "Training pipeline coupled to another team's production schema",
        "Input data whose schema and meaning drift without notice make retraining irreproducible (Sculley et al.: "
        "unstable data dependencies; Zinkevich rule 11).",
        "Have the upstream team publish a versioned data contract, snapshot and version the training data, and "
        "check schema and distributions at pipeline entry.",
    ),
    "AIC011": RuleText(
        "AI component next to a Big Ball of Mud without an ACL",
        "Mud propagates: training and serving inputs from a tangled model become pipeline jungles (DDD Crew: "
        "don't let a Big Ball of Mud spread).",
        "Put an ACL that cleans and validates the data between them, or a bubble context that owns the "
        "translated features.",
    ),
    "AIC012": RuleText(
        "Partnership between an AI context and another team",
        "Partners succeed or fail together: the model can only be retrained, evaluated or rolled back in "
        "lock-step with the partner's releases.",
        "Turn the partnership into upstream/downstream with the AI context publishing an OHS+PL, or into "
        "Customer/Supplier (Context Mapper AR-9).",
    ),
    "AIC013": RuleText(
        "Model vocabulary leaks into a consumer's ubiquitous language",
        "A foreign model's words in a context's language show model coupling (Evans: the language belongs to its "
        "context; an ACL keeps it clean).",
        "Translate model outputs into domain concepts behind an ACL, or give the term a domain definition that "
        "does not depend on the model.",
    ),
    "AIC014": RuleText(
        "Correction cascade: a model built on another model's outputs",
        "Improving the first model can make the system worse (Sculley et al.: correction cascades, improvement "
        "deadlock).",
        "Fold the correction into the upstream model as a feature, or version the upstream outputs and evaluate "
        "the stack end to end before every upstream release.",
    ),
    "AIC015": RuleText(
        "AI component without an accountable owner",
        "Without an owner nobody honours the SLA, runs the drift check or accepts a risk (Zinkevich rule 11; the "
        "'Nobody knows' anti-pattern).",
        "Assign a stream-aligned or platform team as owner on the canvas.",
    ),
    "AIC016": RuleText(
        "Team owns too many AI-coupled contexts",
        "Cognitive load limits what one team can own well, and strong coupling hidden inside one team drifts "
        "towards a big ball of mud (Team Topologies; Conway's law).",
        "Move model serving and the feature store to a platform team, or split contexts by owner.",
    ),
    "AIC017": RuleText(
        "AI component with dependents lacks SLA, versioned contract or rollback",
        "Consumers cannot plan for failure they do not know about, and a bad model version must be reversible "
        "quickly (Zinkevich rules 8 and 9; ML Test Score: canary and rollback).",
        "Record availability, latency, freshness and recovery time in the AI profile (for an external provider: its "
        "SLA on the external system, or the SLA and rate limits a consumer relies on in the relationship), keep a "
        "model registry and make rollback to the previous version one step.",
    ),
    "AIC018": RuleText(
        "Missing quality or drift metric for an AI context",
        "An unmonitored model fails silently into every context coupled to it (Zinkevich rules 2 and 10; Google "
        "Flu Trends).",
        "Add a quality metric and a drift or data-quality metric to Verification Metrics, each with an owner and "
        "an alert threshold; for LLM consumers, a regression or eval set run on every change.",
    ),
    "AIC019": RuleText(
        "Unbalanced coupling on an AI edge",
        "Strong coupling over a long distance to something volatile is Khononov's global complexity.",
        "Lower the strength (ACL, OHS+PL), the distance (same team, merge) or the volatility (pin versions, a "
        "published language), whichever is cheapest.",
    ),
    "AIC020": RuleText(
        "Duplicated AI-backed business decision",
        "The same decision made twice diverges silently when one side changes (Khononov: implicit functional "
        "coupling).",
        "Let one context own the decision and offer it as OHS+PL; the other consumes the outcome.",
    ),
    "CON001": RuleText(
        "A collaboration is declared on one canvas only",
        "The two teams describe their collaboration differently; the map shows what one side believes.",
        "Add the matching entry to the other context's canvas, or remove the stale one.",
    ),
    "CON002": RuleText(
        "The two canvases contradict each other",
        "The two sides of a relationship disagree on its pattern or roles, so the map cannot tell which is true.",
        "Agree on one pattern and set it on both canvases, or as an explicit relationship on the context map.",
    ),
    "ACC001": RuleText(
        "A risk acceptance matches no current finding",
        "An acceptance that applies to nothing protects nothing: the finding was resolved, its subject was renamed, "
        "or the subject was written differently, and the team may believe a risk is accepted that is not.",
        "Withdraw the acceptance, or accept the finding again from the finding itself.",
    ),
    "ACC002": RuleText(
        "A risk acceptance ends soon",
        "When an acceptance ends, its finding counts in full again and may fail the gate of the next build.",
        "Fix the finding, or renew the acceptance with a reason and a new date.",
    ),
}

# The declared facts each rule reads (canvas fields and relationship attributes), never the wording of free text
# except where named: the rule catalogue lists them, and every finding quotes the ones that made it fire.
READS: dict[str, str] = {
    "AIC001": "Domain, critical path, business model and quality requirements of the core context; AI kind of the "
    "external system; downstream roles (ACL) and upstream roles (OHS+PL) along the dependency path; Domain Roles",
    "AIC002": "Pattern (Shared Kernel), shared database, shared model artifact; AI kinds; owner teams; upstream roles",
    "AIC003": "Critical context (Domain, critical path, business model, quality requirements); sync or async and "
    "messages, data use, fallback and circuit breaker of each hop; SLA availability of each context",
    "AIC004": "Domain of the consumer; AI kind of the external system; downstream roles; Domain Roles and AI kind "
    "(a translating gateway)",
    "AIC005": "Sync or async of each relationship in the cycle; coupling strength (roles, contracts, media)",
    "AIC006": "Dependents of the model; coupling strength of each (roles, pinned version, quality metric or "
    "evaluation suite that watches the model); SLA availability and p95 latency; rollback",
    "AIC007": "Dependents and instability of the consumer; volatility (Domain, evolution, AI kind, override); "
    "coupling strength",
    "AIC008": "Data use of each relationship on the loop; feedback loop mitigation; verification metrics of kind "
    "feedback-loop watch that watch the model",
    "AIC009": "Medium, upstream roles (PL), data contract; which canvases list the relationship",
    "AIC010": "Data use (training); owner teams; shared database, medium, data contract; upstream roles (PL)",
    "AIC011": "Big Ball of Mud; AI kinds; downstream roles (ACL, Conformist)",
    "AIC012": "Pattern (Partnership); AI kinds; owner teams",
    "AIC013": "Ubiquitous Language terms and definitions (against the ML lexicon and the declared provider and "
    "model names); downstream roles (ACL)",
    "AIC014": "AI kind; data use (inference, feature) along the chain; owner teams; coupling strength; "
    "verification metrics of kind model quality or evaluation suite; purpose and business decisions (words "
    "that say the model corrects another)",
    "AIC015": "AI kind; owner team; dependents",
    "AIC016": "Owner teams; AI kinds and coupling strength of the contexts each team owns; Domain (core)",
    "AIC017": "SLA (availability, p95 latency, recovery time, freshness) and rollback of a model with dependents; "
    "for a consumer of an external model: the SLA relied on and rate limits on the relationship, the external "
    "system's SLA",
    "AIC018": "Verification metrics of kind model quality or regression/evaluation suite, and of kind drift",
    "AIC019": "Coupling strength, distance (owner teams) and volatility of an AI relationship",
    "AIC020": "Business Decisions (their words compared), AI kind, owner teams",
    "CON001": "The Inbound and Outbound Communication of both canvases",
    "CON002": "Pattern, side and roles on both canvases",
    "ACC001": "Accepted risks (rule and subject) against the current findings",
    "ACC002": "Accepted risks' end date against the day judged on",
}

NOT_EVALUABLE = "Cannot be checked: {field} is empty on {where}."
ACCEPTED_EXPIRED = "Risk acceptance by {who} expired on {until}; the finding counts in full again."
STALE_ACCEPTANCE = "The acceptance of {rule} on '{subject}' by {who} (until {until}) matches no current finding."
ENDING_ACCEPTANCE = "The acceptance of {rule} on {subject} by {who} ends on {until}, {when}."


def possessive(name: str) -> str:
    """'Offers'' rather than 'Offers's'."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"
