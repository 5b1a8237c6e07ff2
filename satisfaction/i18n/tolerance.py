"""The Tolerance page's words. Chinese terms follow seed 003 (客户服务预期的容忍区域: 理想服务,
适当服务, 容忍区域, 客户对服务的感知; the RATER names 可靠性, 有形性, 移情性, 响应性, and 保证性
as the tolerance contract accepts it)."""

TEXT: dict[str, tuple[str, str]] = {
    "tol_dim_reliability": ("Reliability", "可靠性"),
    "tol_dim_responsiveness": ("Responsiveness", "响应性"),
    "tol_dim_assurance": ("Assurance", "保证性"),
    "tol_dim_empathy": ("Empathy", "移情性"),
    "tol_dim_tangibles": ("Tangibles", "有形性"),
    "tol_all_items": ("all items", "全部条目"),
    "tol_intro": (
        "Between the service customers desire and the service they accept as adequate lies the "
        "zone of tolerance; below the adequate level they are dissatisfied. MSA = perceived − "
        "adequate (below zero is a breach), MSS = perceived − desired (ratings 1–9).",
        "理想服务与适当服务之间是容忍区域；低于适当服务，顾客就会不满意。"
        "MSA = 感知 − 适当（小于零即跌破适当服务），MSS = 感知 − 理想（评分 1–9）。",
    ),
    "tol_no_data": ("No tolerance ratings match these filters.", "没有符合筛选条件的容忍区域评分。"),
    "tol_focus": ("Month in focus", "关注月份"),
    "tol_to_date": ("{month} to date", "{month}（至今）"),
    "tol_show_items": ("Show items", "展开条目"),
    "tol_cut": ("Small multiples by", "分组小图按"),
    "tol_where": ("Over time, where", "随时间变化：范围"),
    "tol_everywhere": ("Everywhere", "全部"),
    "tol_zone_title": ("Zone of tolerance, {month}", "容忍区域，{month}"),
    "tol_zone_caption": (
        "The band runs from the adequate level to the desired level; the mark is perceived "
        "service: ▼ below adequate (a breach), ● inside the zone, ▲ above desired. Worst MSA "
        "first; on the right, where a dimension is below adequate.",
        "色带从适当服务到理想服务；标记为感知服务：▼ 低于适当服务（跌破），● 在容忍区域内，"
        "▲ 高于理想服务。按 MSA 从低到高排列；右侧注明某维度在哪里低于适当服务。",
    ),
    "tol_time_title": ("MSA by month, {where}", "各月 MSA，{where}"),
    "tol_time_caption": (
        "Lines are MSA per dimension, bands their 95% intervals; below the zero line perceived "
        "service is under the adequate level. Shaded: a breach lasting two months or more.",
        "线为各维度的 MSA，色带为 95% 置信区间；零线以下表示感知服务低于适当服务。"
        "阴影：连续两个月或更久的跌破。",
    ),
    "tol_persisting": ("{dimension} below the adequate level {since} – {until} ({months} months).",
                       "{dimension}自 {since} 至 {until} 低于适当服务（{months} 个月）。"),
    "tol_breaches_title": ("Where we fall below the adequate level, {month}",
                           "低于适当服务的地方，{month}"),
    "tol_no_breaches": ("Nothing is below the adequate level in {month}.",
                        "{month} 没有低于适当服务的维度或条目。"),
    "tol_multiples_title": ("Zone by {cut}, {month}", "按{cut}的容忍区域，{month}"),
    "tol_hidden_rows": ("{count} rows hidden for too few ratings or so a small group cannot be "
                        "recovered (n still shown).",
                        "{count} 行因评分过少或为防止由合计推算小组而隐藏（仍显示 n）。"),
    "tol_inconsistent": (
        "{count} ratings ({share:.1%}) give an adequate level above the desired one: kept in "
        "the means, left out of the zone width.",
        "{count} 条评分（{share:.1%}）的适当服务高于理想服务：计入平均值，不计入容忍区域宽度。",
    ),
    # the finding
    "tol_finding_spell": (
        "{dimension} has been below the adequate level in {where} for {months} months "
        "(MSA {msa}, n = {n}).",
        "{where}的{dimension}已连续 {months} 个月低于适当服务（MSA {msa}，n = {n}）。",
    ),
    "tol_finding_month": ("{dimension} is below the adequate level in {where} in {month} "
                          "(MSA {msa}, n = {n}).",
                          "{month}，{where}的{dimension}低于适当服务（MSA {msa}，n = {n}）。"),
    "tol_chance": (" Its 95% interval reaches above zero: it may be chance.",
                   "其 95% 置信区间跨过零，可能只是抽样误差。"),
    "tol_finding_none": (
        "In {month} every dimension is at or above the adequate level everywhere; the closest "
        "to it is {dimension} (MSA {msa}).",
        "{month}各地各维度均不低于适当服务；最接近的是{dimension}（MSA {msa}）。",
    ),
    "tol_finding_hidden": ("In {month} too few ratings remain to tell where service stands.",
                           "{month}评分过少，无法判断服务水平。"),
    "tol_everywhere_lower": ("the whole business", "全公司"),
    "tol_item_of": ("{item} ({dimension})", "{item}（{dimension}）"),
    # fields
    "tol_field_row": ("Dimension / item", "维度／条目"),
    "tol_field_dimension": ("Dimension", "维度"),
    "tol_field_item": ("Item", "条目"),
    "tol_field_where": ("Where", "范围"),
    "tol_field_adequate": ("Adequate", "适当服务"),
    "tol_field_desired": ("Desired", "理想服务"),
    "tol_field_perceived": ("Perceived", "感知服务"),
    "tol_field_msa": ("MSA", "MSA"),
    "tol_field_mss": ("MSS", "MSS"),
    "tol_field_msa_interval": ("MSA (95% interval)", "MSA（95% 置信区间）"),
    "tol_field_position": ("Perceived is", "感知服务"),
    "tol_field_month": ("Month", "月份"),
    "tol_field_since": ("Since", "起始月份"),
    "tol_field_months": ("Months", "月数"),
    "tol_field_below_share": ("Below own adequate", "低于自身适当水平"),
    "tol_field_significant": ("Significant", "显著"),
    "tol_field_score": ("Rating (1–9)", "评分（1–9）"),
    "tol_field_breached_in": ("Below adequate in", "低于适当服务的范围"),
    "tol_pos_below": ("below adequate", "低于适当服务"),
    "tol_pos_inside": ("inside the zone", "在容忍区域内"),
    "tol_pos_above": ("above desired", "高于理想服务"),
}
