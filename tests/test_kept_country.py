"""The country kept outside the vault: read forgivingly, written 0600, and the precedence rule."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from safeplan.core import errors, kept_country


def test_nothing_kept_at_first() -> None:
    assert kept_country.read() is None
    assert not kept_country.settings_path().exists()


def test_keep_writes_a_private_file_with_only_the_country() -> None:
    assert kept_country.keep(" gb ") == "GB"
    path = kept_country.settings_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert '"country": "GB"' in path.read_text()
    assert kept_country.read() == "GB"
    assert kept_country.keep("uk") == "GB"  # replaced, not refused


def test_unknown_code_is_refused_calmly() -> None:
    with pytest.raises(errors.UsageError) as caught:
        kept_country.keep("ZZ")
    assert "GB" in caught.value.hint
    assert kept_country.read() is None


def test_clear() -> None:
    assert kept_country.clear() is False
    kept_country.keep("IE")
    assert kept_country.clear() is True
    assert kept_country.read() is None


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[1]", b'{"country": 5}', b'{"country": "ZZ"}', b"\xff\xfe", b" " * 5000],
)
def test_a_damaged_file_means_no_kept_country(content: bytes) -> None:
    path = kept_country.settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert kept_country.read() is None
    assert kept_country.choose(environ={}).source == "none"


def test_env_overrides_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "elsewhere" / "kept.json"
    monkeypatch.setenv(kept_country.CONFIG_ENV, str(target))
    kept_country.keep("NZ")
    assert target.exists()
    assert kept_country.read() == "NZ"


def test_precedence_option_kept_vault_locale() -> None:
    env = {"LANG": "en_US.UTF-8"}
    assert kept_country.choose(environ=env) == kept_country.CountryChoice(
        "US", "locale", "LANG=en_US.UTF-8"
    )
    assert kept_country.choose(vault="GB", environ=env).source == "vault"
    kept_country.keep("IE")
    assert kept_country.choose(vault="GB", environ=env) == kept_country.CountryChoice("IE", "kept")
    assert kept_country.choose(given="AU", vault="GB", environ=env).country == "AU"


def test_sync_from_vault_keeps_the_vault_country_only_when_none_is_kept() -> None:
    assert kept_country.sync_from_vault(None) is None
    assert kept_country.sync_from_vault("GB") == "GB"
    assert kept_country.sync_from_vault("IE") == "GB"
    assert kept_country.keep_quietly("ZZ") is False
