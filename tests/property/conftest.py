"""Hypothesis profiles for the property suite: modest by default so that the suite stays fast.

``HYPOTHESIS_PROFILE=fuzz`` runs thousands of examples per property (a fuzzing session);
``ci`` is the default. No database is kept in the tree: each run starts from its seed.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
