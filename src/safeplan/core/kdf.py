"""Choosing Argon2id parameters: calibrated at creation to about half a second on this machine.

Like KeePassXC, safeplan measures instead of guessing. Starting at 64 MiB and three passes, memory
doubles while the measured time stays closer to the target, up to 1 GiB. Calibration derives with
the real passphrase and salt, so the last measurement is also the key: no work is wasted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from safeplan.core.envelope import MIN_MEMORY_KIB_TO_WRITE, KdfParams, derive_passphrase_key

TARGET_SECONDS = 0.5
MAX_CALIBRATED_KIB = 1024 * 1024
PROFILE_ENV = "SAFEPLAN_KDF_PROFILE"
# pytest sets this while a test runs (and the benchmarks set it for the same reason): only then is
# the test profile honoured, so an exported SAFEPLAN_KDF_PROFILE cannot weaken a person's vault.
TEST_SUITE_ENV = "PYTEST_CURRENT_TEST"

# The cheapest parameters safeplan ever writes (64 MiB, one pass). Used for tests
# (SAFEPLAN_KDF_PROFILE=test); still above the floor the vault design sets.
MINIMUM = KdfParams(memory_kib=MIN_MEMORY_KIB_TO_WRITE, iterations=1, lanes=4)


def test_profile_wanted() -> bool:
    """True only inside the test suite (or a benchmark) that asked for the cheap profile."""
    asked = os.environ.get(PROFILE_ENV, "").strip().lower() == "test"
    return asked and bool(os.environ.get(TEST_SUITE_ENV))


def calibrate(
    passphrase: str,
    salt: bytes,
    target: float = TARGET_SECONDS,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[KdfParams, bytes]:
    """Parameters that take about ``target`` seconds here, and the key they derive."""
    if test_profile_wanted():
        return MINIMUM, derive_passphrase_key(passphrase, salt, MINIMUM)

    params = KdfParams(memory_kib=MIN_MEMORY_KIB_TO_WRITE, iterations=3, lanes=4)
    start = clock()
    key = derive_passphrase_key(passphrase, salt, params)
    took = clock() - start
    while params.memory_kib * 2 <= MAX_CALIBRATED_KIB and took * 2 < target * 1.5:
        bigger = KdfParams(params.memory_kib * 2, params.iterations, params.lanes)
        start = clock()
        bigger_key = derive_passphrase_key(passphrase, salt, bigger)
        bigger_took = clock() - start
        if abs(bigger_took - target) >= abs(took - target):
            break
        params, key, took = bigger, bigger_key, bigger_took
    return params, key
