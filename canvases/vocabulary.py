"""Display labels and colours for every enumeration the canvases use."""

DOMAIN_LABELS = {"core": "Core", "supporting": "Supporting", "generic": "Generic", "other": "Other"}
BUSINESS_MODEL_LABELS = {
    "revenue": "Revenue",
    "engagement": "Engagement",
    "compliance": "Compliance",
    "cost_reduction": "Cost reduction",
    "other": "Other",
}
EVOLUTION_LABELS = {
    "genesis": "Genesis",
    "custom_built": "Custom built",
    "product": "Product",
    "commodity": "Commodity",
}
DOMAIN_ROLE_LABELS = {
    "draft": "Draft context",
    "execution": "Execution context",
    "analysis": "Analysis context",
    "gateway": "Gateway context",
    "approver": "Approver",
    "enforcer": "Enforcer",
    "octopus_enforcer": "Octopus enforcer",
    "interchanger": "Interchanger",
    "gateway_interchange": "Gateway interchange",
    "dogfood": "Dogfood context",
    "bubble": "Bubble context",
    "autonomous_bubble": "Autonomous bubble",
    "brain": "Brain context",
    "funnel": "Funnel context",
    "engagement": "Engagement context",
}
MESSAGE_KIND_LABELS = {"command": "Command", "query": "Query", "event": "Event"}
# Sticky colours of the v5 template: (fill, stroke).
MESSAGE_KIND_COLOURS = {
    "command": ("#9accfe", "#3399fe"),
    "query": ("#bae4cd", "#5fc08b"),
    "event": ("#fed1ac", "#e67700"),
}
DECISION_COLOURS = ("#eee0ee", "#c391c2")
METRIC_SOURCE_LABELS = {
    "ci_cd": "CI/CD",
    "issue_tracker": "Issue tracker",
    "live_system": "Live system",
    "other": "Other",
}
METRIC_KIND_LABELS = {
    "model_quality": "Model quality",
    "drift": "Drift or data quality",
    "feedback_watch": "Feedback-loop watch",
    "evaluation_suite": "Regression or evaluation suite",
    "business_kpi": "Business KPI",
    "other": "Other",
}
AI_KIND_LABELS = {
    "none": "No AI",
    "own_model": "Own model",
    "external_model": "External model",
    "llm_external": "External LLM",
    "llm_selfhosted": "Self-hosted LLM",
    "feature_store": "Feature store",
    "training_pipeline": "Training pipeline",
    "model_adapter": "Model adapter",
}
FALLBACK_LABELS = {
    "none": "None",
    "static_default": "Static default",
    "heuristic": "Heuristic / rules",
    "cached": "Cached answer",
    "alternate_model": "Alternate model",
    "human": "Human in the loop",
}
PATTERN_LABELS = {
    "partnership": "Partnership (P)",
    "shared_kernel": "Shared Kernel (SK)",
    "customer_supplier": "Customer/Supplier (C/S)",
    "upstream_downstream": "Upstream/Downstream (U/D)",
    "separate_ways": "Separate Ways",
}
ROLE_LABELS = {
    "OHS": "Open Host Service (OHS)",
    "PL": "Published Language (PL)",
    "ACL": "Anticorruption Layer (ACL)",
    "CF": "Conformist (CF)",
}
SIDE_LABELS = {"upstream": "Upstream", "downstream": "Downstream"}
SYNC_LABELS = {"sync": "Synchronous", "async": "Asynchronous"}
MEDIUM_LABELS = {
    "api": "API",
    "events": "Events",
    "table": "Shared table",
    "file": "File",
    "log": "Log",
    "bucket": "Bucket",
    "ui": "User interface",
}
DATA_USE_LABELS = {
    "inference": "Inference",
    "feature": "Feature",
    "training": "Training",
    "operational": "Operational",
}
PHASE_LABELS = {"poc": "Proof of concept", "mvp": "MVP", "product": "Product", "scaled": "Scaled"}
EXTERNAL_KIND_LABELS = {
    "external_system": "External system",
    "frontend": "Frontend",
    "user_interaction": "Direct user interaction",
}
VERDICT_LABELS = {"good": "Good", "bad": "Bad", "open": "Still open"}
