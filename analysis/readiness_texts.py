"""Every user-facing text of the readiness analysis: what each rule asks, why it matters, what to do, and how a
gap is worded. Reviewed here, once."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadinessText:
    title: str
    rationale: str
    remedy: str


PHASE_TITLES = {"poc": "PoC", "mvp": "MVP", "product": "Product", "scaled": "Scaled"}
# What each phase is about, as the delivery model lists it (docs/readiness.md shows this table).
PHASE_CONCERNS = {
    "poc": "a minimal concept; for each thing to prove: what, when it counts as proven, how success is measured "
    "(several PoCs may be needed; none if all is clear)",
    "mvp": "concept, data quality, compliance, minimal SLAs; budget (initial, operational, extension and update "
    "costs); success (quality, KPIs, how they are measured); architecture (loosely coupled, good APIs between "
    "components); SLA (what happens if it does not work, how fast we recover); security and compliance; security "
    "and business risks and their acceptance",
    "product": "concept, data quality, compliance, SLAs, evolution (how the system and its models change; evaluate "
    "after every small change)",
    "scaled": "concept, data quality, compliance, SLAs, evolution, governance, disaster recovery, cost "
    "optimization, training plan",
}

RULES: dict[str, ReadinessText] = {
    "RDY001": ReadinessText(
        "The concept is written down",
        "Every phase starts from a shared, minimal concept: what is built, for whom, and what the AI part does.",
        "Write the concept in a few sentences under Readiness › Concept.",
    ),
    "RDY002": ReadinessText(
        "Each PoC hypothesis says when it counts as proven and how that is measured",
        "A PoC without a success criterion cannot fail, so it cannot prove anything either.",
        "For each hypothesis, fill in 'Proven when' and 'Measured by'.",
    ),
    "RDY003": ReadinessText(
        "The PoC says what it proves",
        "Several PoCs may be needed, or none when all is clear; either way the team should say which.",
        "Add the hypotheses the PoC tests, or say in the concept that nothing needs proving.",
    ),
    "RDY004": ReadinessText(
        "Every PoC hypothesis is decided",
        "An MVP built on an open hypothesis builds on a guess.",
        "Set each hypothesis's result to proven or disproven, and act on the disproven ones.",
    ),
    "RDY005": ReadinessText(
        "The budget covers initial, operational and update costs",
        "AI systems keep costing after launch: inference, monitoring, retraining and extension are recurring costs.",
        "Add budget lines of each kind with an amount.",
    ),
    "RDY006": ReadinessText(
        "Success is defined: KPIs with a quality definition, a target and a measurement",
        "Without an agreed definition of quality, nobody can say whether the system works or got worse.",
        "Add KPIs and fill in what quality means, the target and how it is measured.",
    ),
    "RDY007": ReadinessText(
        "Every KPI is measured",
        "A product must show that its KPIs are met, not only that they exist.",
        "Enter each KPI's current value.",
    ),
    "RDY008": ReadinessText(
        "Each AI context has service levels and an answer to 'what if it does not work'",
        "A model fails, slows down or is withdrawn by its provider; the business needs to know how fast the system "
        "recovers and what it does meanwhile.",
        "Give each AI context availability, recovery time and its behaviour when it does not work (a fallback in "
        "its AI profile answers the last).",
    ),
    "RDY009": ReadinessText(
        "The architecture is loosely coupled around its AI parts",
        "Tight coupling between AI components and the rest makes every model change a change of the whole system.",
        "Resolve the open error findings on the Context map, or accept each risk consciously.",
    ),
    "RDY010": ReadinessText(
        "The quality of the data is checked",
        "A model is only as good as the data it learns from and acts on, and data drifts silently.",
        "Add data quality checks, each with the check and its threshold.",
    ),
    "RDY011": ReadinessText(
        "Compliance is decided: personal data, EU AI Act category, data-protection assessment",
        "Personal data and the AI Act's risk category decide what the law requires before going live.",
        "Say whether personal data is handled, classify the system under the EU AI Act, and, with personal data, "
        "list the data classes and do the data-protection impact assessment.",
    ),
    "RDY012": ReadinessText(
        "Personal data named in the canvases is covered by compliance",
        "A context whose language names personal data handles it, whatever the compliance section says.",
        "Set Readiness › Compliance › Personal data to 'Personal data handled' and list the data classes.",
    ),
    "RDY013": ReadinessText(
        "Security and business risks are known, mitigated and owned; high-impact risks are accepted",
        "What happens if we do something wrong, or if data is lost or stolen, must be decided before users depend "
        "on the system: mitigated where possible, consciously accepted where not.",
        "List at least one security and one business risk; give each a mitigation and an owner; have each "
        "high-impact risk accepted by name and date.",
    ),
    "RDY014": ReadinessText(
        "The evolution of the models is planned and every change is evaluated",
        "Outcomes can change dramatically after a small change to a model, a prompt or the data.",
        "Describe the update cadence, the evaluation run after every change, and how drift is monitored.",
    ),
    "RDY015": ReadinessText(
        "Governance: the models have an owner and an approval path",
        "At scale, several teams change models; someone must own each and approve what goes live.",
        "Name the model owner and describe the approval path.",
    ),
    "RDY016": ReadinessText(
        "Disaster recovery is planned and a restore was tested in the last year",
        "A recovery plan nobody has tried is a hope.",
        "Write the recovery plan and test a restore; enter the date.",
    ),
    "RDY017": ReadinessText(
        "Costs are optimised",
        "At scale, inference and data costs grow with use; an unplanned bill can end a product.",
        "Describe where the running costs go and how they are kept down.",
    ),
    "RDY018": ReadinessText(
        "A training plan exists",
        "People who run, use and support the system must learn how it behaves, including how it fails.",
        "Write the training plan.",
    ),
}

# How one gap of a rule is worded; {subject} is what lacks the answer.
MISSING = "no answer for {what}"
HYPOTHESIS_INCOMPLETE = "'{claim}' lacks {fields}"
HYPOTHESIS_OPEN = "'{claim}' is still open"
NO_HYPOTHESES = "no hypothesis is listed"
BUDGET_KIND_MISSING = "no {kind} budget line with an amount"
NO_KPIS = "no KPI is listed"
KPI_INCOMPLETE = "KPI '{name}' lacks {fields}"
KPI_UNMEASURED = "KPI '{name}' has no current value"
OBJECTIVE_INCOMPLETE = "AI context '{context}' lacks {fields}"
OPEN_ERROR_FINDING = "{rule} on {subject} is open"
NO_CHECKS = "no data quality check is listed"
CHECK_INCOMPLETE = "check of '{data}' lacks {fields}"
PERSONAL_DATA_UNDECIDED = "personal data is not decided"
AI_ACT_UNCLASSIFIED = "the EU AI Act category is not set"
NO_DATA_CLASSES = "personal data is handled but no data class is listed"
NO_DPIA = "personal data is handled but the data-protection impact assessment is not done"
PERSONAL_TERMS = "context '{context}' names personal data ({terms})"
NO_RISK_OF_KIND = "no {kind} risk is listed"
RISK_INCOMPLETE = "risk '{risk}' lacks {fields}"
RISK_NOT_ACCEPTED = "high-impact risk '{risk}' is not accepted by name and date"
RESTORE_NEVER_TESTED = "no restore test date"
RESTORE_TOO_OLD = "the last restore test ({date}) is more than a year old"
