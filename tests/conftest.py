"""Test-wide settings."""

import os

from hypothesis import settings

# The CI command runs property tests with a fixed seed so that a run on a clean clone is reproducible;
# `HYPOTHESIS_PROFILE=explore` searches with fresh random inputs and more examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=500, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
