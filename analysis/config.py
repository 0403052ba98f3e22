"""Every threshold and word list of the analysis in one object, so calibration happens in one place."""

import math
from dataclasses import dataclass, field

ML_LEXICON = (
    "prompt",
    "completion",
    "token",
    "embedding",
    "logit",
    "softmax",
    "temperature",
    "top-p",
    "fine-tune",
    "finetune",
    "inference",
    "vector",
    "hallucination",
    "gpt",
    "llm",
    "llama",
    "claude",
    "gemini",
    "mistral",
)
CORRECTION_WORDS = ("correct", "adjust", "recalibrat", "override")


@dataclass(frozen=True)
class AnalysisConfig:
    fan_in_min: int = 3
    fan_in_share: float = 0.25
    sdp_tolerance: float = 0.25
    hard_to_change_instability: float = 0.5
    hard_to_change_fan_in: int = 2
    broker_betweenness: float = 0.25
    cycle_length_bound: int = 6
    sync_hops_warning: int = 3
    team_load: int = 4
    team_load_with_core: int = 3
    duplicate_decision_jaccard: float = 0.6
    blast_radius_error: float = 0.5
    severe_pain: float = 0.75
    high_availability: float = 99.9
    accepted_weight: float = 0.25
    critical_multiplier: float = 1.5
    severity_weights: dict[str, float] = field(default_factory=lambda: {"error": 10.0, "warning": 4.0, "info": 1.0})
    ml_lexicon: tuple[str, ...] = ML_LEXICON

    def fan_in_threshold(self, internal_contexts: int) -> int:
        return max(self.fan_in_min, math.ceil(self.fan_in_share * internal_contexts))


DEFAULT_CONFIG = AnalysisConfig()
