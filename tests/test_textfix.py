"""Table tests for the character-level fixes, with fragments from the seed pages."""

import pytest

from builder.textfix import (
    cjk_characters,
    collapse_spaces,
    fix_line,
    fold_fullwidth_alphanumerics,
    narrow_number_separators,
    readable_characters,
    remove_invisible_characters,
    widen_cjk_punctuation,
)

WIDEN = [
    # half-width marks inside Chinese text (seed: 北碚)
    ("近年来,北碚区总工会按照建好工人大家庭", "近年来，北碚区总工会按照建好工人大家庭"),
    ("进一步明晰了思路:坚决履行政治责任", "进一步明晰了思路：坚决履行政治责任"),
    ("“两代表一委员”(党代表、人大代表、政协委员)企业建会率", "“两代表一委员”（党代表、人大代表、政协委员）企业建会率"),
    ("《重庆市北碚区推动成渝地区双城经济圈建设行动方案(2023—2027年)》", "《重庆市北碚区推动成渝地区双城经济圈建设行动方案（2023—2027年）》"),
    # a mark between a number and Chinese
    ("开展报到活动100余场,18000余人直接受益", "开展报到活动100余场，18000余人直接受益"),
    # photo credit with a space before the bracket (seed: 长寿)
    ("长寿区2024年春风行动专场招聘会 (通讯员 李辉 摄)", "长寿区2024年春风行动专场招聘会（通讯员 李辉 摄）"),
    ("有哪些逃生技巧呢?", "有哪些逃生技巧呢？"),
    ("创佳绩、立新功!", "创佳绩、立新功！"),
    ("(其中民营企业不少于50家);", "（其中民营企业不少于50家）；"),
    # numbers and Latin text stay as they are
    ("1,000", "1,000"),
    ("10:30", "10:30"),
    ("(1+N+X)", "(1+N+X)"),
    ("Hello, world!", "Hello, world!"),
    # already full-width: unchanged
    ("江津，万里长江入渝第一区。", "江津，万里长江入渝第一区。"),
]


@pytest.mark.parametrize("before, after", WIDEN)
def test_widen_cjk_punctuation(before, after):
    assert widen_cjk_punctuation(before) == after


@pytest.mark.parametrize("before, after", WIDEN)
def test_widen_is_idempotent(before, after):
    assert widen_cjk_punctuation(after) == after


@pytest.mark.parametrize("before, after", [
    ("重庆45个站点  ", "重庆45个站点"),                      # Markdown hard break (seed: 最美驿站)
    ("\u3000\u3000江津，万里长江入渝第一区", "江津，万里长江入渝第一区"),  # full-width indent
    ("版次:004    作者:来源:    2023年05月25日", "版次:004 作者:来源: 2023年05月25日"),
    ("今后五年 重点工作", "今后五年 重点工作"),
    ("\t大会\u00a0投票 ", "大会 投票"),
])
def test_collapse_spaces(before, after):
    assert collapse_spaces(before) == after


@pytest.mark.parametrize("before, after", [
    ("截至２０２４年底", "截至2024年底"),
    ("ＡＰＰ上线", "APP上线"),
    ("全角标点，不变。", "全角标点，不变。"),
])
def test_fold_fullwidth_alphanumerics(before, after):
    assert fold_fullwidth_alphanumerics(before) == after


@pytest.mark.parametrize("before, after", [
    ("渝工\u200b港湾", "渝工港湾"),
    ("\ufeff渝工之家", "渝工之家"),
    ("劳模\u00ad工匠", "劳模工匠"),
])
def test_remove_invisible_characters(before, after):
    assert remove_invisible_characters(before) == after


def test_fix_line_runs_every_fix_in_order():
    assert fix_line("\u3000截至２０２４年底 ,全区基层工会组织2263个  ") == "截至2024年底，全区基层工会组织2263个"


@pytest.mark.parametrize("before, after", [
    ("培训职工1，200余人次", "培训职工1,200余人次"),     # folded from １，２００
    ("增长3．5个百分点", "增长3.5个百分点"),
    ("分1，2两批进行", "分1，2两批进行"),               # a list, not thousands
    ("共12，3456人", "共12，3456人"),
])
def test_narrow_number_separators(before, after):
    assert narrow_number_separators(before) == after


@pytest.mark.parametrize("before, after", [
    ("渝工\u202e铸魂\u202c", "渝工铸魂"),                # a right-to-left override would reorder the text
    ("\u2066沙坪坝区\u2069", "沙坪坝区"),
    ("竞赛\x07\x1b[31m据悉", "竞赛[31m据悉"),           # terminal colour codes lose their ESC
    ("\u0085工会\u009f", "工会"),
])
def test_bidi_and_control_characters_are_removed(before, after):
    assert remove_invisible_characters(before) == after


def test_fix_line_folds_a_fullwidth_number_whole():
    assert fix_line("培训职工１，２００余人次,合格率９５％") == "培训职工1,200余人次，合格率95％"


def test_supplementary_ideographs_count_as_chinese():
    assert cjk_characters("吉𠮷") == ["吉", "𠮷"]
    assert widen_cjk_punctuation("𠮷,好") == "𠮷，好"
    assert readable_characters("𠮷2，A") == ["𠮷", "2", "A"]
