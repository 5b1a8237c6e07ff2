"""The Retention page's words: churn, cohorts, reasons, loyalty, the pyramid and lifetime value."""

TEXT: dict[str, tuple[str, str]] = {
    "page_retention": ("Retention", "顾客保留"),
    "ret_intro": (
        "Who stays, who leaves and why, and what the customers who stay are worth: loyalty is "
        "behaviour — staying and buying again — not a satisfaction score.",
        "谁留下、谁离开、为什么，以及留下的顾客价值多少：忠诚是行为（留下、再次购买），而不是满意度评分。",
    ),
    "ret_tiles": ("{period} against {baseline}", "{period} 对比 {baseline}"),
    "ret_findings": ("Findings", "发现"),
    "ret_monthly": ("Retention and churn by month", "逐月保留与流失"),
    "ret_rate_chart": ("Customers kept from one month to the next (%)", "月度保留率（%）"),
    "ret_flow_chart": ("Customers lost and won each month", "每月流失与新增客户"),
    "ret_flow_churned": ("churned", "流失"),
    "ret_flow_new": ("new", "新增"),
    "ret_monthly_caption": (
        "Retention: customers active in a month still active the next. The first month has "
        "none to compare with.",
        "保留率：某月活跃的客户在下月仍活跃的比例。第一个月没有可比较的上月。",
    ),
    "ret_cohorts": ("Cohorts", "客户群组（按首次活跃季度）"),
    "ret_cohort_curves": ("Retention of each cohort by quarters since it joined (%)",
                          "各群组自加入起按季度的保留率（%）"),
    "ret_cohort_heatmap": ("Cohort × quarter (%)", "群组 × 季度（%）"),
    "ret_cohort_caption": (
        "A cohort is the customers whose first active month in the dates falls in a quarter; "
        "customers already active when the dates begin form the first cohort. Cohorts of fewer "
        "than {min_n} customers are hidden.",
        "群组为在所选日期内首次活跃月份落在同一季度的客户；日期开始时已活跃的客户归入第一个群组。"
        "少于 {min_n} 名客户的群组不显示。",
    ),
    "ret_reasons": ("Why customers leave", "顾客为何离开"),
    "ret_reasons_chart": ("Churn reasons: ours against the seeds' shares (%)",
                          "流失原因：本企业与培训资料中的比例对比（%）"),
    "ret_reasons_ours": ("our churned customers", "本企业流失客户"),
    "ret_reasons_seeds": ("switchers in the seeds' study", "资料中转换的顾客"),
    "ret_reasons_caption": (
        "{n:,} churned customers gave a reason. The seeds' shares add up to more than 100%: a "
        "switcher may name several reasons.",
        "{n:,} 名流失客户给出了原因。资料中的比例合计超过 100%：一位转换的顾客可能给出多个原因。",
    ),
    "ret_loyalty": ("Loyalty as behaviour, by segment", "按客户群的行为忠诚"),
    "ret_loyalty_caption": (
        "Repurchase intent (4 or 5 of 5) and NPS from the survey beside the retention measured "
        "in the customer records: intent is not behaviour.",
        "调查中的再购意愿（5 分制中的 4 或 5 分）和净推荐值，与客户记录中实测的保留率并列：意愿不等于行为。",
    ),
    "ret_bands": ("Do satisfied customers stay?", "满意的顾客会留下吗？"),
    "ret_bands_chart": ("Still active three months after answering, by satisfaction score (%)",
                        "回答后三个月仍活跃的比例，按满意度评分（%）"),
    "ret_bands_caption": (
        "Survey answers linked to the customer records; bars show 95% intervals. Scores with "
        "fewer than {min_n} answers are hidden.",
        "调查回答与客户记录关联；误差线为 95% 区间。少于 {min_n} 份回答的评分不显示。",
    ),
    "ret_pyramid": ("The customer pyramid in {period}", "{period} 的顾客金字塔"),
    "ret_pyramid_chart": ("Customers and margin by tier", "各层级的客户数与利润"),
    "ret_tier_shares": ("Tier sizes (% of customers, top first)", "层级大小（占客户 %，自上而下）"),
    "ret_tier_diamond_share": ("Diamond %", "钻石 %"),
    "ret_tier_gold_share": ("Gold %", "黄金 %"),
    "ret_tier_brass_share": ("Brass %", "黄铜 %"),
    "ret_tier_shares_bad": (
        "The tier sizes add up to more than 100%: the default 5, 15 and 40% are used.",
        "层级大小合计超过 100%：改用默认的 5%、15% 和 40%。",
    ),
    "ret_pyramid_caption": (
        "Customers are ranked by their margin in the quarter; lead is the rest. Share: the "
        "tier's share of all margin.",
        "客户按其季度利润排序；铅级为其余客户。占比：该层级占全部利润的比例。",
    ),
    "ret_moves": ("From {before} to {after}: moves between tiers", "从 {before} 到 {after}：层级间的流动"),
    "ret_moves_caption": (
        "Rows: the tier in {before}; columns: the tier in {after}, or left (not active). A "
        "business should move customers up.",
        "行：{before} 的层级；列：{after} 的层级，或已离开（不再活跃）。企业应推动顾客向上移动。",
    ),
    "ret_value": ("Lifetime value and customer equity", "顾客终身价值与顾客资产"),
    "ret_discount": ("Annual discount rate (%)", "年贴现率（%）"),
    "ret_discount_help": (
        "CLV = Σ margin × retentionᵗ / (1 + d)ᵗ over the quarters to come, with each group's "
        "quarterly retention measured in the data; the seeds' example: 100 a year for 10 years "
        "at about 9% is worth about 650 today. Kept in the link.",
        "顾客终身价值 = Σ 利润 × 保留率ᵗ / (1 + d)ᵗ（按未来各季度求和），各组的季度保留率取自数据；"
        "资料中的例子：每年 100、持续 10 年，按约 9% 贴现，现值约 650。数值保存在链接中。",
    ),
    "ret_value_caption": (
        "Margin per customer a quarter, quarterly retention measured over the dates, CLV at "
        "{discount}% a year, and equity: CLV × the customers of {period}. Groups with fewer than "
        "{min_n} customers at risk are hidden.",
        "每位客户每季度利润、按所选日期实测的季度保留率、按年贴现率 {discount}% 计算的顾客终身价值，"
        "以及顾客资产：终身价值 × {period} 的客户数。存量客户少于 {min_n} 名的组不显示。",
    ),
    "ret_by_tier": ("By tier", "按层级"),
    "ret_by_segment": ("By segment", "按客户群"),
    "ret_finding_lowest_tier": (
        "{tier}, the lowest tier, churns fastest: {churn} of its customers leave each quarter "
        "against {top_churn} of {top}; a {tier} customer is worth {clv} over their lifetime.",
        "最低层级{tier}流失最快：每季度有 {churn} 的客户离开，而{top}为 {top_churn}；"
        "一位{tier}客户的终身价值为 {clv}。",
    ),
    "ret_finding_fastest_tier": (
        "{tier} churns fastest: {churn} of its customers leave each quarter against {top_churn} "
        "of {top}.",
        "{tier}流失最快：每季度有 {churn} 的客户离开，而{top}为 {top_churn}。",
    ),
    "ret_finding_no_tier": ("No tier has enough customers to compare churn.",
                            "没有足够客户的层级可比较流失。"),
    "ret_finding_equity": (
        "Customer equity at {discount}% a year: {equity}, of which {top} holds {top_share}.",
        "按年贴现率 {discount}% 计算的顾客资产：{equity}，其中{top}占 {top_share}。",
    ),
    "ret_finding_bands": (
        "{low_rate} of customers scoring 1 or 2 were still active three months later, against "
        "{high_rate} of those scoring 5.",
        "评分为 1 或 2 的顾客三个月后仍活跃的比例为 {low_rate}，评分为 5 的为 {high_rate}。",
    ),
    "ret_finding_reason": (
        "The reason churned customers give most: {reason} ({share}; the seeds: {seed}).",
        "流失客户最常给出的原因：{reason}（{share}；资料中为 {seed}）。",
    ),
    # figures, fields, tiers
    "customer_equity": ("Customer equity", "顾客资产"),
    "lowest_tier_churn": ("Quarterly churn of the lowest tier", "最低层级的季度流失率"),
    "n_current_customers": ("{n:,} customers", "{n:,} 名客户"),
    "ret_tier": ("Tier", "层级"),
    "ret_tier_diamond": ("diamond", "钻石"),
    "ret_tier_gold": ("gold", "黄金"),
    "ret_tier_brass": ("brass", "黄铜"),
    "ret_tier_lead": ("lead", "铅"),
    "ret_to_left": ("left", "已离开"),
    "ret_field_up": ("moved up", "上移"),
    "ret_field_stayed": ("stayed", "留在原层级"),
    "ret_field_down": ("moved down", "下移"),
    "ret_field_customers": ("Customers", "客户数"),
    "ret_field_revenue": ("Revenue", "收入"),
    "ret_field_margin": ("Margin", "利润"),
    "ret_field_margin_share": ("Share of margin (%)", "利润占比（%）"),
    "ret_field_retention": ("Retention (%)", "保留率（%）"),
    "ret_field_churn": ("Churn a quarter (%)", "季度流失率（%）"),
    "ret_field_margin_per": ("Margin per customer a quarter", "每位客户季度利润"),
    "ret_field_clv": ("CLV", "顾客终身价值"),
    "ret_field_equity": ("Equity", "顾客资产"),
    "ret_field_at_risk": ("Customers at risk", "存量客户"),
    "ret_field_cohort": ("Cohort", "群组"),
    "ret_field_age": ("Quarters since joining", "加入后的季度数"),
    "ret_field_reason": ("Reason", "原因"),
    "ret_field_source": ("Source", "来源"),
    "ret_field_segment": ("Segment", "客户群"),
    "ret_field_measure": ("Measure", "指标"),
    "ret_field_score": ("Satisfaction score", "满意度评分"),
    "ret_field_churned": ("Customers", "客户数"),
    "ret_measure_repurchase": ("Intend to repurchase (%)", "再购意愿（%）"),
    "ret_measure_nps": ("NPS", "净推荐值"),
    "ret_measure_retention": ("Retained a month (%)", "月保留率（%）"),
}
