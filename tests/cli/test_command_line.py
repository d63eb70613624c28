"""A plain GUI start is read without building every command's parser, with the very same result."""

from __future__ import annotations

import pytest

from idc_desktop import cli_parser

GUI_STARTS = [
    [], ["--demo"], ["--data-dir", "/tmp/log"], ["--data-dir=/tmp/log"], ["--demo", "--data-dir", "d"],
    ["--data-dir", "a", "--data-dir", "b"], ["--data-dir", "with space"],
]


@pytest.mark.parametrize("argv", GUI_STARTS)
def test_a_gui_start_reads_as_the_full_grammar_reads_it(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[bool] = []  # the whole grammar, each time it is built
    real = cli_parser.build_parser
    monkeypatch.setattr(cli_parser, "build_parser",
                        lambda commands=True: (commands and built.append(True)) or real(commands))
    fast = cli_parser.parse_command_line(argv)
    assert built == []  # the shortcut was taken
    assert vars(fast) == vars(real().parse_args(argv))


@pytest.mark.parametrize(("argv", "command"), [
    (["check"], "check"), (["--data-dir", "d", "cases", "--json"], "cases"), (["--data-dir=d", "check"], "check"),
])
def test_commands_go_through_the_full_grammar(argv: list[str], command: str) -> None:
    assert cli_parser.parse_command_line(argv).command == command


@pytest.mark.parametrize("argv", [["--data-dir"], ["--bogus"], ["chek"], ["--demo", "--data-dir", "--demo"]])
def test_mistakes_get_the_full_grammar_s_one_line_message(argv: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli_parser.parse_command_line(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("idc-desktop: ") and err.count("\n") == 1
