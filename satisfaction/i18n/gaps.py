"""The Gap model page's words. Chinese terms follow seed 000 (诊断差距, 处方差距, 药房差距,
疗效差距; the eight elements 态度、技术、责任心、硬件、管理、亮点、投诉、差错) and seed 003
(服务质量差距模型; GAP 5 = 客户期望与客户感知的服务之间的差距); the RATER dimensions as the
tolerance contract accepts them (可靠性, 响应性, 保证性, 移情性, 有形性)."""

TEXT: dict[str, tuple[str, str]] = {
    "gap_intro": (
        "Where a quality shortfall starts. Customers' expectation and perception come from the "
        "tolerance ratings (desired, perceived); management's estimate, the standard, delivery "
        "and the promise from the gap model inputs, all on the same 1–9 scale. Every gap is the "
        "later stage minus the earlier one, so a negative gap is a shortfall.",
        "质量差距从哪里开始。顾客期望与感知来自容忍区域评分（理想服务、感知服务）；管理层估计、"
        "服务标准、实际交付与对外承诺来自差距模型输入，均为同一 1–9 分尺度。每个差距都是后一环节"
        "减前一环节，负值即为不足。",
    ),
    "gap_no_data": ("No tolerance ratings or gap model inputs in these dates: load them on the "
                    "Data page.", "所选日期内没有容忍区域评分或差距模型输入：请在数据页面加载。"),
    "gap_period": ("Period", "期间"),
    "gap_period_all": ("All the dates ({start} to {end})", "全部日期（{start} 至 {end}）"),
    "gap_period_from": ("Inputs of {period} ({start} to {end})",
                        "{period} 的输入（{start} 至 {end}）"),
    "gap_company_wide": (
        " Gap model inputs describe the whole company, so the ratings are taken for the whole "
        "company too.",
        "差距模型输入描述的是整个公司，因此顾客评分也按整个公司计算。",
    ),
    # levels
    "gap_level_expected": ("Customers' expectation", "顾客期望"),
    "gap_level_management_estimate": ("Management's estimate", "管理层估计"),
    "gap_level_standard": ("Service standard", "服务标准"),
    "gap_level_delivered": ("Service delivered", "实际交付"),
    "gap_level_promised": ("Service promised", "对外承诺"),
    "gap_level_perceived": ("Customers' perception", "顾客感知"),
    # gaps
    "gap_name_gap1": ("diagnosis gap", "诊断差距"),
    "gap_name_gap2": ("prescription gap", "处方差距"),
    "gap_name_gap3": ("pharmacy gap", "药房差距"),
    "gap_name_gap4": ("efficacy gap", "疗效差距"),
    "gap_name_gap5": ("customers' gap", "顾客感知差距"),
    "gap_label": ("GAP {number} · {name}", "GAP {number} · {name}"),
    "gap_short": ("GAP {number}", "GAP {number}"),
    "gap_meaning_gap1": ("management's estimate − customers' expectation",
                         "管理层估计 − 顾客期望"),
    "gap_meaning_gap2": ("standard − management's estimate", "服务标准 − 管理层估计"),
    "gap_meaning_gap3": ("delivered − standard", "实际交付 − 服务标准"),
    "gap_meaning_gap4": ("delivered − promised", "实际交付 − 对外承诺"),
    "gap_meaning_gap5": ("perceived − expected", "顾客感知 − 顾客期望"),
    # dimensions
    "gap_dim_reliability": ("reliability", "可靠性"),
    "gap_dim_responsiveness": ("responsiveness", "响应性"),
    "gap_dim_assurance": ("assurance", "保证性"),
    "gap_dim_empathy": ("empathy", "移情性"),
    "gap_dim_tangibles": ("tangibles", "有形性"),
    "gap_whole_dimension": ("whole dimension", "整个维度"),
    # the diagnosis
    "gap_diagnosis": ("The largest shortfall in {dimension} starts at the {gap} (GAP {number}): "
                      "{clause}.", "{dimension}的最大不足始于{gap}（GAP {number}）：{clause}。"),
    "gap_clause_gap1": ("management estimates customers' expectation {value:.1f} below what "
                        "customers expect", "管理层对顾客期望的估计比顾客实际期望低 {value:.1f}"),
    "gap_clause_gap2": ("the standard is set {value:.1f} below management's estimate",
                        "服务标准比管理层的估计低 {value:.1f}"),
    "gap_clause_gap3": ("staff deliver {value:.1f} below the standard",
                        "员工交付的服务比标准低 {value:.1f}"),
    "gap_clause_gap4": ("staff deliver {value:.1f} below what was promised",
                        "实际交付比对外承诺低 {value:.1f}"),
    "gap_customers_below": (" Customers perceive {value:.1f} below what they expect (GAP 5).",
                            "顾客感知比期望低 {value:.1f}（GAP 5）。"),
    "gap_customers_above": (" Customers perceive {value:.1f} above what they expect (GAP 5).",
                            "顾客感知比期望高 {value:.1f}（GAP 5）。"),
    "gap_no_shortfall": ("No internal gap is a shortfall in these dates.",
                         "所选日期内，公司内部的四个差距都没有不足。"),
    "gap_others": ("Elsewhere: {parts}.", "其他维度：{parts}。"),
    "gap_other_part": ("{dimension} at the {gap} ({value:+.1f})", "{dimension}始于{gap}（{value:+.1f}）"),
    # the overview and the ladder
    "gap_overview_title": ("Every gap of every dimension", "各维度的全部差距"),
    "gap_overview_caption": (
        "Each cell is a gap, later stage minus earlier; ▼ and orange a shortfall, ▲ and blue a "
        "surplus, = and grey none; the framed cell of each row is where its largest shortfall "
        "starts.",
        "每格是一个差距（后一环节减前一环节）；▼ 橙色为不足，▲ 蓝色为超出，= 灰色为无差距；每行加框的"
        "格子是其最大不足的起点。",
    ),
    "gap_ladder_title": ("The gap ladder", "差距阶梯"),
    "gap_dimension": ("Dimension", "维度"),
    "gap_item": ("Item", "项目"),
    "gap_level": ("Level", "层级"),
    "gap_score": ("Score (1–9)", "分值（1–9）"),
    "gap_gap": ("Gap", "差距"),
    "gap_kind_shortfall": ("shortfall", "不足"),
    "gap_kind_surplus": ("surplus", "超出"),
    "gap_kind_even": ("no gap", "无差距"),
    "gap_ladder_caption": (
        "The six levels on one scale, left to right along the service chain; each step is a "
        "gap, drawn down (▼, orange) for a shortfall and up (▲, blue) for a surplus; the "
        "largest shortfall is the thick step. GAP 5 runs from customers' expectation (the dashed "
        "line) to their perception.",
        "六个层级在同一尺度上，自左向右沿服务链排列；每一级台阶是一个差距，向下（▼ 橙色）为不足，"
        "向上（▲ 蓝色）为超出；最粗的台阶是最大不足。GAP 5 从顾客期望（虚线）到顾客感知。",
    ),
    "gap_items_expander": ("The items of {dimension}", "{dimension}的各项目"),
    "gap_missing_survey": (
        "{what}: no tolerance ratings in these dates; load tolerance ratings (desired and "
        "perceived) to complete the ladder.",
        "{what}：所选日期内没有容忍区域评分；加载容忍区域评分（理想服务与感知服务）即可补全阶梯。",
    ),
    "gap_missing_inputs": (
        "{what}: no gap model inputs in these dates; load management's estimate, the standard, "
        "delivery and the promise (gap model inputs) to complete the ladder.",
        "{what}：所选日期内没有差距模型输入；加载管理层估计、服务标准、实际交付与对外承诺"
        "（差距模型输入）即可补全阶梯。",
    ),
    "gap_hidden_protect": ("Hidden so that a few {what} cannot be worked out from other figures "
                           "by subtraction.", "已隐藏：以免通过相减推算出少量{what}。"),
    "gap_hidden_survey": ("{what}, customers' expectation and perception: {note}",
                          "{what}，顾客期望与感知：{note}"),
    # the table
    "gap_table_title": ("Gaps per item, largest shortfall first",
                        "各项目的差距（最大不足在前）"),
    "gap_starts_at": ("Starts at", "起点"),
    "gap_n": ("Ratings", "评分数"),
    "gap_none": ("—", "—"),
    # the scorecard
    "gap_scorecard_title": ("Service-quality scorecard", "服务质量记分卡"),
    "gap_scorecard_caption": (
        "Seed 000 counts service quality as eight elements: six that add, audited 1–5 and shown "
        "0–100, and two that deduct. Composite = weighted mean of the six − complaints per "
        "1,000 customers a month × its weight − errors per 1,000 transactions × its weight. "
        "A customer belongs to the unit where they answered most surveys.",
        "种子文档 000 把服务质量看作八个要素之和：六个加分要素（审核 1–5 分，换算为 0–100）与两个"
        "扣分要素。综合分 = 六个要素的加权平均 − 每千名客户每月投诉数 × 权重 − 每千笔业务差错数 × "
        "权重。客户归属于其回答问卷最多的单位。",
    ),
    "gap_weights": ("Weights (equal by default)", "权重（默认相等）"),
    "gap_weights_help": ("Each element's weight in the composite; a deduction's weight is the "
                         "points deducted per one complaint or error per 1,000.",
                         "各要素在综合分中的权重；扣分要素的权重是每千人（笔）每多一次投诉或差错扣除的分数。"),
    "gap_weights_now": ("Weights: {weights}.", "权重：{weights}。"),
    "gap_weight_part": ("{name} {weight:g}", "{name} {weight:g}"),
    "gap_el_attitude": ("Attitude", "态度"),
    "gap_el_skill": ("Skill", "技术"),
    "gap_el_responsibility": ("Responsibility", "责任心"),
    "gap_el_hardware": ("Hardware", "硬件"),
    "gap_el_management": ("Management", "管理"),
    "gap_el_highlights": ("Highlights", "亮点"),
    "gap_el_complaints_per_1000": ("− Complaints per 1,000", "− 投诉（每千客户）"),
    "gap_el_errors_per_1000": ("− Errors per 1,000", "− 差错（每千笔）"),
    "gap_composite": ("Composite", "综合分"),
    "gap_rank": ("Rank", "排名"),
    "gap_trend": ("Composite by quarter", "各季度综合分"),
    "gap_trend_slope": ("Trend (points a quarter)", "趋势（每季度分）"),
    "gap_no_audits": ("No service audits in these dates.", "所选日期内没有服务质量审核。"),
    "gap_scorecard_finding": (
        "{best} leads the scorecard with {composite:.1f}; {worst} is last with {last:.1f}.",
        "{best} 以 {composite:.1f} 分居记分卡首位；{worst} 以 {last:.1f} 分垫底。",
    ),
    "gap_scorecard_hidden": ("Complaints per 1,000 and the composite of {units}: {why}",
                             "{units} 的每千客户投诉数与综合分：{why}"),
}
