"""The CSV contracts: every record kind, its columns, their types and allowed values.

This module is the single definition that the store's schema, the loader's validation,
the downloadable templates and the README's contract tables are all derived from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

RATER_DIMENSIONS = ("reliability", "assurance", "tangibles", "empathy", "responsiveness")

#: Chinese names of the RATER dimensions, accepted on load and shown in the interface.
RATER_DIMENSIONS_ZH = {
    "可靠性": "reliability",
    "保证性": "assurance",
    "有形性": "tangibles",
    "移情性": "empathy",
    "响应性": "responsiveness",
}

#: Kano answers: 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike (Berger et al. 1993).
KANO_ANSWER_WORDS = {
    1: ("1", "like", "i like it", "喜欢", "我喜欢"),
    2: ("2", "must-be", "must be", "mustbe", "expect", "expect it", "i expect it",
        "理所当然", "理应如此", "必须"),
    3: ("3", "neutral", "i am neutral", "无所谓", "中立"),
    4: ("4", "live-with", "live with", "livewith", "tolerate", "i can live with it",
        "i can tolerate it", "能忍受", "可以忍受"),
    5: ("5", "dislike", "i dislike it", "不喜欢", "我不喜欢"),
}

BOOLEAN_WORDS = {
    True: ("1", "true", "yes", "y", "t", "active", "是", "在网", "活跃"),
    False: ("0", "false", "no", "n", "f", "inactive", "否", "流失", "不活跃"),
}

EMPLOYEE_DRIVERS = ("job", "training", "pay", "promotion", "respect", "teamwork", "welfare")


@dataclass(frozen=True)
class Column:
    """One column of a contract.

    ``type`` is one of: ``id`` (non-empty text), ``text``, ``date``, ``score`` (a whole number
    between ``low`` and ``high``), ``amount`` (any finite number), ``count`` (a whole number
    from 0 to 2**53 - 1, the range a DOUBLE holds exactly), ``bool``, ``dimension`` (a RATER
    name) and ``kano`` (a Kano answer, stored as 1-5).
    """

    name: str
    type: str
    required: bool = False
    low: float | None = None
    high: float | None = None
    aliases: tuple[str, ...] = ()
    help: str = ""

    @property
    def sql_type(self) -> str:
        return {
            "id": "VARCHAR",
            "text": "VARCHAR",
            "date": "DATE",
            "score": "SMALLINT",
            "amount": "DOUBLE",
            "count": "BIGINT",
            "bool": "BOOLEAN",
            "dimension": "VARCHAR",
            "kano": "TINYINT",
        }[self.type]


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: its table, columns, the columns that identify a row, and its date."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    date_column: str | None
    help: str = ""
    column_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", tuple(c.name for c in self.columns))

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)


def _id(name, aliases=(), required=True):
    return Column(name, "id", required=required, aliases=aliases)


def _text(name, aliases=()):
    return Column(name, "text", aliases=aliases)


def _date(name, aliases=(), required=True):
    return Column(name, "date", required=required, aliases=aliases)


def _score(name, low, high, aliases=(), required=False):
    return Column(name, "score", required=required, low=low, high=high, aliases=aliases)


_REGION = _text("region", ("区域", "地区", "大区"))
_UNIT = _text("unit", ("单位", "门店", "网点", "部门"))
_CHANNEL = _text("channel", ("渠道",))
_STAGE = _text("stage", ("阶段", "销售阶段"))
_SEGMENT = _text("segment", ("客户群", "细分", "客户类型"))
_CUSTOMER = _id("customer_id", ("客户编号", "客户id", "客户号"), required=False)

KINDS: dict[str, RecordKind] = {
    kind.name: kind
    for kind in (
        RecordKind(
            "responses",
            (
                _id("response_id", ("问卷编号", "答卷编号", "编号")),
                _date("responded_on", ("日期", "回答日期", "调查日期")),
                _CUSTOMER, _REGION, _UNIT, _CHANNEL, _STAGE, _SEGMENT,
                _score("satisfaction", 1, 5, ("满意度", "总体满意度"), required=True),
                _score("expectation", 1, 5, ("期望", "期望值")),
                _score("recommend", 0, 10, ("推荐", "推荐意愿", "nps")),
                _score("effort", 1, 7, ("费力度", "ces")),
                _score("repurchase", 1, 5, ("再次购买", "复购意愿")),
            ),
            key=("response_id",),
            date_column="responded_on",
            help="One customer survey response.",
        ),
        RecordKind(
            "tolerance",
            (
                _id("response_id", ("问卷编号", "编号")),
                _date("responded_on", ("日期", "调查日期")),
                _REGION, _UNIT, _CHANNEL, _SEGMENT,
                Column("dimension", "dimension", required=True, aliases=("维度", "rater维度")),
                _id("item", ("项目", "题目", "条目")),
                _score("adequate", 1, 9, ("适当服务", "最低可接受", "最低"), required=True),
                _score("desired", 1, 9, ("理想服务", "期望服务", "理想"), required=True),
                _score("perceived", 1, 9, ("感知服务", "感知"), required=True),
            ),
            key=("response_id", "item"),
            date_column="responded_on",
            help="SERVQUAL three-column rating of one item by one respondent.",
        ),
        RecordKind(
            "kano",
            (
                _id("response_id", ("问卷编号", "编号")),
                _SEGMENT,
                _id("feature", ("功能", "特性", "服务项目")),
                Column("functional", "kano", required=True, aliases=("正向", "具备时", "正向问题")),
                Column("dysfunctional", "kano", required=True,
                       aliases=("反向", "不具备时", "反向问题")),
                _score("importance", 1, 9, ("重要性", "重要程度")),
            ),
            key=("response_id", "feature"),
            date_column=None,
            help="One Kano answer pair: a feature present (functional) and absent (dysfunctional).",
        ),
        RecordKind(
            "complaints",
            (
                _id("complaint_id", ("投诉编号", "编号")),
                _date("received_on", ("投诉日期", "日期", "受理日期")),
                _CUSTOMER, _REGION, _UNIT, _CHANNEL,
                _text("category", ("类别", "投诉类别", "原因")),
                _text("severity", ("严重程度", "等级")),
                _date("resolved_on", ("解决日期", "结案日期"), required=False),
                _score("recovery_satisfaction", 1, 5, ("补救满意度", "处理满意度")),
            ),
            key=("complaint_id",),
            date_column="received_on",
            help="One complaint and how it was resolved.",
        ),
        RecordKind(
            "customers",
            (
                _id("customer_id", ("客户编号", "客户id", "客户号")),
                _date("period", ("期间", "月份")),
                Column("active", "bool", required=True, aliases=("在网", "活跃", "状态")),
                Column("revenue", "amount", aliases=("收入", "营业收入")),
                Column("cost", "amount", aliases=("成本",)),
                _REGION, _SEGMENT,
                _text("churn_reason", ("流失原因",)),
            ),
            key=("customer_id", "period"),
            date_column="period",
            help="One customer in one month (period is the first day of the month).",
        ),
        RecordKind(
            "employees",
            (
                _id("response_id", ("问卷编号", "编号")),
                _date("surveyed_on", ("调查日期", "日期")),
                _id("employee_id", ("员工编号", "工号"), required=False),
                _UNIT,
                _score("overall", 1, 5, ("总体满意度", "满意度"), required=True),
                _score("job", 1, 5, ("工作本身", "工作")),
                _score("training", 1, 5, ("培训",)),
                _score("pay", 1, 5, ("薪酬", "工资")),
                _score("promotion", 1, 5, ("晋升", "公平晋升")),
                _score("respect", 1, 5, ("尊重",)),
                _score("teamwork", 1, 5, ("团队合作", "团队")),
                _score("welfare", 1, 5, ("福利",)),
                Column("tenure_months", "count", aliases=("司龄", "工龄月数")),
                _score("intends_to_stay", 1, 5, ("留任意愿",)),
                _date("left_on", ("离职日期",), required=False),
            ),
            key=("response_id",),
            date_column="surveyed_on",
            help="One employee survey response.",
        ),
        RecordKind(
            "gap_inputs",
            (
                _date("period", ("期间", "月份")),
                Column("dimension", "dimension", required=True, aliases=("维度",)),
                _id("item", ("项目",)),
                _score("management_estimate", 1, 9, ("管理层估计",), required=True),
                _score("standard", 1, 9, ("服务标准", "标准"), required=True),
                _score("delivered", 1, 9, ("实际交付", "交付"), required=True),
                _score("promised", 1, 9, ("对外承诺", "承诺"), required=True),
            ),
            key=("period", "dimension", "item"),
            date_column="period",
            help="The internal gaps of the gap model for one item in one period.",
        ),
        RecordKind(
            "audits",
            (
                _id("unit", ("单位", "门店", "网点")),
                _date("audited_on", ("审核日期", "日期")),
                _score("attitude", 1, 5, ("态度",), required=True),
                _score("skill", 1, 5, ("技能",), required=True),
                _score("responsibility", 1, 5, ("责任心",), required=True),
                _score("hardware", 1, 5, ("硬件",), required=True),
                _score("management", 1, 5, ("管理",), required=True),
                _score("highlights", 1, 5, ("亮点",), required=True),
                Column("errors", "count", required=True, aliases=("差错", "差错数")),
                Column("transactions", "count", required=True, aliases=("交易数", "业务量")),
            ),
            key=("unit", "audited_on"),
            date_column="audited_on",
            help="One service-quality audit of a unit: the eight elements of service quality.",
        ),
    )
}


def normalise_header(name: str) -> str:
    """Fold a header for matching: trimmed, case-folded, runs of spaces/dashes/dots to ``_``."""
    name = name.replace("\ufeff", "").strip().casefold()
    return re.sub(r"[\s\-./]+", "_", name).strip("_")


def match_headers(
    kind: RecordKind, headers: list[str], mapping: dict[str, str] | None = None
) -> list[str | None]:
    """Map each file header to a contract column name, or ``None`` when it matches none.

    A saved ``mapping`` (file header -> contract column) wins; then the canonical name; then
    the column's built-in aliases (Chinese export headers).
    """
    lookup: dict[str, str] = {}
    for column in kind.columns:
        for alias in column.aliases:
            lookup.setdefault(normalise_header(alias), column.name)
    for column in kind.columns:
        lookup[normalise_header(column.name)] = column.name
    for source, target in (mapping or {}).items():
        lookup[normalise_header(source)] = target
    return [lookup.get(normalise_header(h)) for h in headers]


def template_csv(kind: RecordKind) -> str:
    """The header line of the kind's CSV template."""
    return ",".join(kind.column_names) + "\n"
