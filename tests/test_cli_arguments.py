"""A mistyped command line is answered in Chinese with exit code 2, never argparse's English."""

import pytest

from gui.main import main


@pytest.mark.parametrize("argv, said", [
    (["import"], "nianbao import：缺少参数 FILE。用 nianbao import -h 查看用法。"),
    (["export", "--year", "abc"], "nianbao export：参数 --year 应为整数，实际为 'abc'。"),
    (["frob"], "nianbao：没有这个命令：'frob'，可选：'check', 'convert', 'import'"),
    (["check", "x.json", "--bogus"], "nianbao：不认识的参数 --bogus。"),
    (["export", "--json"], "nianbao export：参数 --json 后面缺少值。"),
])
def test_a_mistyped_command_line_is_answered_in_chinese(capsys, argv, said):
    with pytest.raises(SystemExit) as e:
        main(argv)
    out, err = capsys.readouterr()
    assert e.value.code == 2 and out == ""
    assert err.startswith(said) and "usage" not in err and "error" not in err
