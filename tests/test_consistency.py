"""The README, the query headers and the translation table say what the code does."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from satisfaction import cli
from satisfaction.contracts import KINDS
from satisfaction.exports import VIEWS
from satisfaction.filters import Filters
from satisfaction.i18n import TEXT
from satisfaction.queries import all_queries
from satisfaction.settings import SETTINGS
from satisfaction.store import Store

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_lists_every_command_line_verb_and_no_other():
    parser = cli.build_parser()
    verbs = set(parser._subparsers._group_actions[0].choices)
    table = README.split("## Command line")[1].split("Export views")[0]
    documented = set(re.findall(r"^\| `([a-z-]+)[ `]", table, re.M))
    assert documented == verbs


def test_the_readme_lists_every_setting_with_its_variable_and_default():
    for setting in SETTINGS.values():
        assert f"`{setting.env}`" in README
        if setting.default:
            assert setting.default in README


def test_the_readme_documents_every_contract_column():
    for kind in KINDS.values():
        section = README.split(f"#### `{kind.name}`")[1].split("####")[0]
        for column in kind.columns:
            assert f"`{column.name}`" in section, (kind.name, column.name)


def test_the_readme_lists_every_export_view():
    for view in VIEWS:
        assert f"| `{view}` |" in README


def test_the_templates_in_data_match_the_contracts():
    for kind in KINDS.values():
        header = (ROOT / "data" / "templates" / f"{kind.name}.csv").read_text(encoding="utf-8")
        assert header.strip().split(",") == list(kind.column_names)


@pytest.mark.parametrize("query", all_queries(), ids=lambda q: q.name)
def test_every_query_returns_the_columns_its_header_declares(query, demo_store_path):
    params = Filters(date_from=date(2024, 1, 1), date_to=date(2027, 1, 1)).params(
        by="quarter" if "by" in query.params else None, batch_id=1,
        focus="2026-Q1", before="2025-Q4")
    with Store(demo_store_path) as store:
        result = store.query(query, params)
    assert tuple(result.columns) == query.columns
    assert query.reads and set(query.reads) <= set(KINDS) | {"targets", "benchmarks", "annotations"}
    assert query.grain


def test_every_translation_has_english_and_chinese():
    for key, (english, chinese) in TEXT.items():
        assert english.strip() and chinese.strip(), key
        assert re.findall(r"{(\w+)", english) == re.findall(r"{(\w+)", chinese) or \
            sorted(re.findall(r"{(\w+)", english)) == sorted(re.findall(r"{(\w+)", chinese)), key


def test_every_key_the_interface_uses_is_translated():
    sources = [ROOT / "dashboard.py", *ROOT.glob("app_pages/*.py"), *ROOT.glob("satisfaction/ui/*.py")]
    used = set()
    for source in sources:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']""", source.read_text(encoding="utf-8")))
    assert used, "no translation keys found: has the helper been renamed?"
    missing = sorted(used - set(TEXT))
    assert not missing, f"untranslated keys: {missing}"
