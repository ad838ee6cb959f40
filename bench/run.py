"""safeplan benchmarks: `make bench`. Never part of the test run.

For synthetic vaults of 1, 10 and 50 years (two check-ins and one use entry a day, 50 plan
revisions), measures the medians of several runs of:

* KDF: Argon2id with the parameters calibrated when the vault was created;
* unlock after the KDF: lock, read, checksum, unwrap, decrypt, parse and validate;
* raw lower bound: AES-256-GCM decrypt plus json.loads of the same payload;
* save after adding one check-in: serialise, encrypt, write, fsync, replace, fsync the folder;
* peak Python memory of one unlock plus one save (tracemalloc).

Other modules in this folder named ``bench_*.py`` that expose ``measure(repeats)`` add rows of
their own; those that expose ``ratios(repeats)`` add a row measured beside a yardstick in the same
run (the quick commands beside ``python -c pass``, the app's first screen beside a minimal Textual
app), with the ratio of the medians and its target. The tables are printed and written to
docs/benchmarks.md with the machine they ran on.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from safeplan import __version__
from safeplan.core import envelope as env
from safeplan.core.models import (
    CheckIn,
    Contact,
    PlanRevision,
    TextItem,
    UseEntry,
    VaultPayload,
)
from safeplan.core.vault import Vault

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PASSPHRASE = "benchmark passphrase"


def synthetic_payload(years: int, seed: int = 7) -> VaultPayload:
    rng = random.Random(seed)
    start = datetime(2026, 11, 1, tzinfo=UTC) - timedelta(days=365 * years)
    payload = VaultPayload()
    plan = payload.plan
    plan.warning_signs = [TextItem(text=f"warning sign number {i}") for i in range(5)]
    plan.coping = [TextItem(text=f"something I can do on my own, {i}") for i in range(6)]
    plan.help_contacts = [Contact(name=f"Friend {i}", phone=f"555 01{i:02d}") for i in range(3)]
    plan.reasons = [TextItem(text=f"reason {i}") for i in range(4)]
    for i in range(50):
        snapshot = plan.model_copy(deep=True)
        snapshot.coping.append(TextItem(text=f"revision {i} idea"))
        payload.plan_revisions.append(PlanRevision(at=start + timedelta(days=7 * i), plan=snapshot))
    for day in range(365 * years):
        when = start + timedelta(days=day)
        for hour in (9, 21):
            payload.checkins.append(
                CheckIn(
                    at=when + timedelta(hours=hour),
                    mood=rng.randint(0, 10),
                    anxiety=rng.randint(0, 10),
                    use_urge=rng.randint(0, 10),
                    sleep_hours=round(rng.uniform(4, 9), 1),
                    tags=rng.sample(["work", "family", "tired", "outside", "friends"], 2),
                    note="a short note about the day" if rng.random() < 0.5 else "",
                )
            )
        payload.use_entries.append(
            UseEntry(
                at=when + timedelta(hours=20),
                substance=rng.choice(["alcohol", "cannabis", "nicotine"]),
                amount=rng.randint(1, 4),
                unit="drinks",
                used_alone=rng.random() < 0.3,
            )
        )
    return payload


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(func: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return samples


def bench_size(years: int, repeats: int, folder: Path) -> dict[str, object]:
    os.environ.pop("SAFEPLAN_KDF_PROFILE", None)  # calibrate for real, as a person's vault is
    path = folder / f"vault-{years}y.json"
    payload = synthetic_payload(years)
    vault, _code = Vault.create(path, PASSPHRASE, payload)
    vault.close()
    data = path.read_bytes()
    parsed = env.parse(data)
    params = parsed.kdf

    kdf_samples = timed(lambda: env.derive_passphrase_key(PASSPHRASE, parsed.salt, params), repeats)
    key = env.derive_passphrase_key(PASSPHRASE, parsed.salt, params)

    real_derive = env.derive_passphrase_key
    env.derive_passphrase_key = lambda *a, **k: key  # type: ignore[assignment]
    try:

        def unlock() -> None:
            Vault.open(path, PASSPHRASE).close()

        unlock_samples = timed(unlock, repeats)

        # The raw lower bound: the same payload JSON, uncompressed, sealed with plain AES-256-GCM;
        # what any encrypted JSON file must cost at least to be decrypted and parsed.
        data_key = env.unwrap_key(key, parsed, env.SLOT_PASSPHRASE)
        plaintext = env.decrypt_payload(data_key, parsed)
        nonce, aad = os.urandom(12), b"bench"
        sealed = AESGCM(data_key).encrypt(nonce, plaintext, aad)

        def raw() -> None:
            json.loads(AESGCM(data_key).decrypt(nonce, sealed, aad))

        raw_samples = timed(raw, repeats)

        save_samples = []
        with Vault.open(path, PASSPHRASE) as open_vault:
            for _ in range(repeats):
                open_vault.payload.checkins.append(CheckIn(mood=5))
                start = time.perf_counter()
                open_vault.save()
                save_samples.append(time.perf_counter() - start)

        tracemalloc.start()
        with Vault.open(path, PASSPHRASE) as open_vault:
            open_vault.payload.checkins.append(CheckIn(mood=5))
            open_vault.save()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        env.derive_passphrase_key = real_derive  # type: ignore[assignment]

    plaintext_size = len(plaintext)
    return {
        "years": years,
        "entries": len(payload.checkins) + len(payload.use_entries),
        "file_mib": len(data) / 2**20,
        "payload_mib": plaintext_size / 2**20,
        "kdf": f"{params.memory_kib // 1024} MiB, t={params.iterations}, p={params.lanes}",
        "kdf_ms": median_ms(kdf_samples),
        "unlock_ms": median_ms(unlock_samples),
        "raw_ms": median_ms(raw_samples),
        "save_ms": median_ms(save_samples),
        "peak_mib": peak / 2**20,
    }


RatioRow = tuple[str, float, str, float, float, int]
"""(what, its median in ms, beside what, that median in ms, target ratio, runs of each)."""


def _bench_modules() -> list[object]:
    modules = []
    for module_path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    return modules


def extra_rows(repeats: int, modules: list[object]) -> list[tuple[str, float, int]]:
    rows: list[tuple[str, float, int]] = []
    for module in modules:
        measure = getattr(module, "measure", None)
        if measure is None:
            continue
        for label, samples in measure(repeats):
            rows.append((label, median_ms(samples), len(samples)))
    return rows


def ratio_rows(repeats: int, modules: list[object]) -> list[RatioRow]:
    rows: list[RatioRow] = []
    for module in modules:
        ratios = getattr(module, "ratios", None)
        if ratios is None:
            continue
        for label, samples, beside, yardstick, target in ratios(repeats):
            rows.append(
                (label, median_ms(samples), beside, median_ms(yardstick), target, len(samples))
            )
    return rows


def ratio_table(rows: list[RatioRow]) -> list[str]:
    lines = [
        "| measured | median | beside, in the same run | median | ratio | target | met |",
        "|---|---:|---|---:|---:|---:|:---:|",
    ]
    for label, ms, beside, base_ms, target, _runs in rows:
        ratio = ms / base_ms
        met = "yes" if ratio <= target else "**no**"
        lines.append(
            f"| {label} | {ms:.0f} ms | {beside} | {base_ms:.0f} ms | {ratio:.2f}x | "
            f"{target:g}x | {met} |"
        )
    runs = sorted({n for *_, n in rows})
    if runs:
        lines += ["", f"Runs of each, taking turns: {', '.join(map(str, runs))}."]
    return lines


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, safeplan {__version__}"
    )


def size(mib: float) -> str:
    return f"{mib * 1024:.0f} KiB" if mib < 1 else f"{mib:.1f} MiB"


def load_note() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return ""
    return f" Load average when it finished: {one:.1f} (1 min), {five:.1f} (5 min)."


def render(
    results: list[dict[str, object]],
    extras: list[tuple[str, float, int]],
    repeats: int,
    ratios: list[RatioRow] | None = None,
) -> str:
    lines = [
        f"Machine: {machine()}",
        f"Date: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}. Medians of {repeats} runs."
        + load_note(),
        "",
    ]
    if ratios:
        lines += ["## Quick paths and app start, beside their yardsticks", ""]
        lines += ratio_table(ratios)
        lines += ["", "## Vaults", ""]
    lines += [
        "| vault | entries | file | Argon2id | KDF | unlock after KDF | raw lower bound | unlock / raw | save + fsync | peak memory |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ratio = float(r["unlock_ms"]) / float(r["raw_ms"])  # type: ignore[arg-type]
        lines.append(
            f"| {r['years']} years | {r['entries']:,} | {size(float(r['file_mib']))} | {r['kdf']} | "
            f"{r['kdf_ms']:.0f} ms | {r['unlock_ms']:.1f} ms | {r['raw_ms']:.1f} ms | {ratio:.1f}x | "
            f"{r['save_ms']:.1f} ms | {r['peak_mib']:.0f} MiB |"
        )
    if extras:
        lines += ["", "| other measurement | median | runs |", "|---|---:|---:|"]
        for label, ms, n in extras:
            lines.append(f"| {label} | {ms:.1f} ms | {n} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--years", type=int, nargs="*", default=[1, 10, 50])
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/ alone")
    parser.add_argument(
        "--ratios-only",
        action="store_true",
        help="only the quick paths and app start (prints; docs/ is left alone)",
    )
    args = parser.parse_args()
    if args.ratios_only:
        print("\n".join(ratio_table(ratio_rows(args.repeats, _bench_modules()))))
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="safeplan-bench-") as tmp:
        for years in args.years:
            print(f"measuring a {years}-year vault…", file=sys.stderr, flush=True)
            results.append(bench_size(years, args.repeats, Path(tmp)))
    modules = _bench_modules()
    print("measuring the quick paths and app start…", file=sys.stderr, flush=True)
    ratios = ratio_rows(args.repeats, modules)
    print("measuring other rows…", file=sys.stderr, flush=True)
    table = render(results, extra_rows(args.repeats, modules), args.repeats, ratios)
    print(table)
    if not args.no_write:
        doc = ROOT / "docs" / "benchmarks.md"
        intro = (
            "# Benchmarks\n\nMeasured by `make bench` (`bench/run.py`); never part of the test run.\n"
            "Targets at 10 years on a 2-core machine: unlock after the KDF at most 150 ms and at most "
            "3x the raw lower bound (AES-GCM decrypt plus json.loads of the same payload); save at most "
            "100 ms. The KDF is calibrated to about half a second on purpose: it is what makes "
            "guessing a passphrase slow, and it runs off the UI thread.\n\n"
            "Quick paths: `safeplan crisis`, `combo` and `overdose` within 8x a bare `python -c "
            "pass` of the same virtual environment; the full-screen app's unlock screen within 1.5x "
            "the time a minimal Textual app takes to draw its first screen (both under tmux at "
            "80x24). Each ratio is measured in one run, the two taking turns so that load falls "
            "on both alike; bytecode is cached, as after installing. How they are kept fast: "
            "docs/architecture.md. The margins were thin under heavy load: on 2026-12-01, while "
            "this work was in progress and seven other sessions were at work on this machine (load "
            "5 to 11), repeated runs gave app "
            "start 1.38x to 1.69x, combo 6.9x to 8.3x, crisis 6.1x to 7.4x and overdose 5.7x to "
            "7.9x. On a quiet machine (load about 1) at the end of that day, ten runs gave app "
            "start 1.34x to 1.52x: safeplan's own time held at 255 to 284 ms while the minimal "
            "app's moved between 171 and 194 ms, so the app-start target (1.5x) was met in eight "
            "of the ten. The quick paths stayed between 5.5x and 6.1x.\n\n"
        )
        doc.write_text(intro + table)
        print(f"written to {doc.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
