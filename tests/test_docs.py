"""The README stays true to the code (in the style of sqlite-utils' test_docs.py): its data
dictionary lists exactly the contract's columns, and every command and option is documented."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from stance.cli import build_parser
from stance.tables import COLUMNS, TABLE_NAMES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _dictionary(table: str) -> list[str]:
    """Column names in the first cells of the README's `### <table>.csv` table."""
    section = re.search(rf"^### {table}\.csv\b.*?\n(.*?)(?=^#|\Z)", README, re.M | re.S)
    assert section, f"README has no '### {table}.csv' section"
    names = []
    for line in section.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or cells[0] in ("column", "") or set(cells[0]) <= {"-"}:
            continue
        names.extend(n.strip() for n in cells[0].split(","))
    return names


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_data_dictionary_lists_exactly_the_contract_columns(table: str) -> None:
    documented = _dictionary(table)
    assert len(documented) == len(set(documented)), f"{table}: a column is listed twice"
    assert set(documented) == set(COLUMNS[table]), (
        f"{table}: missing from README {sorted(set(COLUMNS[table]) - set(documented))}, "
        f"not in the contract {sorted(set(documented) - set(COLUMNS[table]))}")


def _commands(parser: argparse.ArgumentParser, prefix: str = "stance"):
    """(command, option strings) for the parser and each subcommand."""
    yield prefix, [o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, f"{prefix} {name}")


COMMANDS = list(_commands(build_parser()))


@pytest.mark.parametrize("command, options", COMMANDS, ids=[c for c, _ in COMMANDS])
def test_every_command_and_option_is_in_the_readme(command: str, options: list[str]) -> None:
    assert command in README, f"README never shows `{command}`"
    missing = [o for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", README)]
    assert missing == [], f"`{command}` options missing from README: {missing}"


def test_commands_are_found() -> None:
    assert {"stance", "stance parse", "stance eval"} <= {c for c, _ in COMMANDS}
    assert "--quiet" in dict(COMMANDS)["stance parse"] and "--version" in dict(COMMANDS)["stance"]


def test_docs_the_config_points_to_exist() -> None:
    config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    for ref in re.findall(r"docs/[\w./-]+\.md", config):
        assert (ROOT / ref).is_file(), ref
    for ref in re.findall(r"\]\((docs/[\w./-]+)\)", README) + re.findall(r"`(docs/[\w./-]+\.md)`", README):
        assert (ROOT / ref).is_file(), ref
