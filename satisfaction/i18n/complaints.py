"""The Complaints page's words: sections, the iceberg, resolution, service recovery, findings."""

TEXT: dict[str, tuple[str, str]] = {
    "page_complaints": ("Complaints", "投诉"),
    "cmp_intro": (
        "Complaints per 1,000 active customers a month beside the share of surveyed customers who "
        "are dissatisfied in the same months: a complaint count that falls while dissatisfaction "
        "does not is silence, not good news.",
        "每千名活跃客户的月投诉数，与同月调查中不满意顾客的占比并列：投诉减少而不满意未减少，是沉默，"
        "不是好消息。",
    ),
    "cmp_tiles": ("{period} against {baseline}", "{period} 对比 {baseline}"),
    "cmp_findings": ("Findings", "发现"),
    "cmp_trend": ("Complaints and dissatisfaction, month by month", "投诉与不满意，逐月"),
    "cmp_rate_chart": ("Complaints per 1,000 customers a month", "每千名客户月投诉数"),
    "cmp_dissatisfied_chart": ("Dissatisfied share in the survey (%)", "调查中不满意占比（%）"),
    "cmp_trend_caption": (
        "Bands are 95% intervals. Dissatisfied: satisfaction 1 or 2 of 5. The two charts always "
        "show the same months.",
        "阴影为 95% 区间。不满意：满意度评分为 1 或 2（满分 5）。两图始终显示相同月份。",
    ),
    "cmp_iceberg": ("The iceberg", "冰山"),
    "cmp_multiplier": ("Silent dissatisfied customers per complaint (an assumption)",
                       "每件投诉背后的沉默不满顾客数（假设）"),
    "cmp_multiplier_help": (
        "The seeds cite TARP: 96% of dissatisfied customers never complain, so one complaint "
        "stands for about 24 silent ones. Change it to test the assumption; it stays in the link.",
        "培训资料引用 TARP 研究：96% 的不满顾客从不投诉，因此 1 件投诉约代表 24 名沉默顾客。"
        "可修改以检验这一假设；数值保存在链接中。",
    ),
    "cmp_iceberg_text": (
        "In {period}: {complaints:,} complaints × {multiplier} = about {silent:,} silent "
        "dissatisfied customers, which with the complainants would be {implied} of the "
        "{customers:,} active customers. The survey measured {measured} dissatisfied in the same "
        "month{matching}.",
        "{period}：{complaints:,} 件投诉 × {multiplier} ≈ {silent:,} 名沉默的不满顾客，加上投诉者，"
        "相当于 {customers:,} 名活跃客户的 {implied}。同月调查测得的不满意占比为 {measured}{matching}。",
    ),
    "cmp_iceberg_matching": (
        "; a multiplier of {value} would make the two agree",
        "；乘数为 {value} 时两者一致",
    ),
    "cmp_iceberg_hidden": (
        "The iceberg of {period} — {why}",
        "{period} 的冰山——{why}",
    ),
    "cmp_pareto": ("By category (Pareto)", "按类别（帕累托图）"),
    "cmp_pareto_caption": (
        "Bars: complaints per category, most frequent first; line: their cumulative share. "
        "The default categories are the seeds' reasons customers switch.",
        "柱：各类别投诉数，从多到少；折线：累计占比。默认类别为培训资料中顾客转换的原因。",
    ),
    "cmp_by": ("By {dimension}", "按{dimension}"),
    "cmp_groups": ("Complaints by region, unit and channel", "按区域、单位和渠道的投诉"),
    "cmp_severity": ("Severity mix by quarter", "各季度严重程度构成"),
    "cmp_resolution": ("Resolution", "处理"),
    "cmp_resolution_chart": ("Days to resolve, month by month", "逐月处理天数"),
    "cmp_resolution_caption": (
        "Median and 90th percentile of the days from receipt to resolution of the complaints "
        "received each month; hidden for months with fewer than {min_n} resolved.",
        "每月受理投诉从受理到解决天数的中位数和第 90 百分位数；已解决不足 {min_n} 件的月份不显示。",
    ),
    "cmp_open": ("Open complaints by age on {day}", "{day} 未结投诉的账龄"),
    "cmp_open_caption": ("{n:,} complaints open; age in days since they were received.",
                         "未结投诉 {n:,} 件；账龄为自受理起的天数。"),
    "cmp_recovery": ("Service recovery", "服务补救"),
    "cmp_recovery_caption": (
        "Mean satisfaction (1–5) with 95% intervals: complainants rating how their complaint was "
        "handled, survey answers of complainants after their complaint was resolved, and survey "
        "answers of customers who never complained.",
        "平均满意度（1–5）及 95% 区间：投诉者对投诉处理的评分、投诉解决后投诉者的调查评分、从未投诉顾客的调查评分。",
    ),
    "cmp_recovery_recovery": ("Recovery, rated by complainants", "投诉者对补救的评分"),
    "cmp_recovery_after_recovery": ("Complainants, surveyed after resolution",
                                    "投诉解决后投诉者的调查评分"),
    "cmp_recovery_never": ("Never complained", "从未投诉"),
    "cmp_recovery_lower": (
        "Recovery does not make up for the failure: complainants surveyed after resolution "
        "score {difference} below customers who never complained (p {p}).",
        "服务补救未能弥补失误：投诉解决后，投诉者的调查评分比从未投诉的顾客低 {difference}（p {p}）。",
    ),
    "cmp_recovery_higher": (
        "The service-recovery effect shows: complainants surveyed after resolution score "
        "{difference} above customers who never complained (p {p}).",
        "出现了服务补救效应：投诉解决后，投诉者的调查评分比从未投诉的顾客高 {difference}（p {p}）。",
    ),
    "cmp_recovery_same": (
        "Complainants surveyed after resolution score no differently from customers who never "
        "complained ({difference}, p {p}): recovery restores, it does not surpass.",
        "投诉解决后投诉者的调查评分与从未投诉的顾客无显著差异（{difference}，p {p}）：补救恢复了满意，但未超越。",
    ),
    "cmp_finding_spike": (
        "{unit} received {complaints} complaints in {month}, {ratio:.1f} times its usual "
        "{usual:g} a month (p {p}): the most unusual month of any unit shown.",
        "{unit} 在 {month} 收到 {complaints} 件投诉，是其平常每月 {usual:g} 件的 {ratio:.1f} 倍（p {p}），"
        "是所显示单位中最反常的月份。",
    ),
    "cmp_finding_spike_days": (
        " They took a median {days:g} days to resolve, {days_ratio:.1f} times its usual {usual_days:g}.",
        "其处理天数中位数为 {days:g} 天，是平常 {usual_days:g} 天的 {days_ratio:.1f} 倍。",
    ),
    "cmp_finding_spike_days_hidden": (
        " How fast they were resolved is not shown: {why}.",
        "其处理速度未显示：{why}。",
    ),
    "cmp_finding_no_spike": (
        "No unit had a month with significantly more complaints than usual.",
        "没有哪个单位的某月投诉数显著高于平常。",
    ),
    "cmp_finding_top_category": (
        "{category} is the most frequent category: {share} of complaints.",
        "{category}是最常见的类别：占投诉的 {share}。",
    ),
    "cmp_warning": (
        "Do not reward fewer complaints: it teaches staff to hide them. Read the complaint rate "
        "with the dissatisfied share beside it.",
        "不要奖励投诉减少：那会让员工隐瞒投诉。阅读投诉率时，请同时看不满意占比。",
    ),
    "cmp_uneven": (
        "Complaints per customer are hidden: customers have no {dims}, so the rate would set "
        "the chosen complaints against every customer.",
        "每位客户的投诉率未显示：客户记录没有{dims}，该比率会把所选投诉与全部客户相比。",
    ),
    # figures and fields
    "dissatisfied_share": ("Dissatisfied in the survey", "调查不满意占比"),
    "resolution_days": ("Median days to resolve", "处理天数中位数"),
    "resolution_days_p90": ("Days to resolve, 90th percentile", "处理天数第 90 百分位"),
    "open_complaints": ("Open complaints", "未结投诉"),
    "n_resolved": ("{n:,} resolved", "已解决 {n:,} 件"),
    "days": ("{value:+.1f} days", "{value:+.1f} 天"),
    "days_size": ("{value:.1f} days", "{value:.1f} 天"),
    "cmp_field_category": ("Category", "类别"),
    "cmp_field_complaints": ("Complaints", "投诉数"),
    "cmp_field_cumulative": ("Cumulative share (%)", "累计占比（%）"),
    "cmp_field_rate": ("Per 1,000 customers a month", "每千名客户月投诉"),
    "cmp_field_dissatisfied": ("Dissatisfied (%)", "不满意（%）"),
    "cmp_field_days_median": ("Median days", "天数中位数"),
    "cmp_field_days_p90": ("90th percentile days", "第 90 百分位天数"),
    "cmp_field_days": ("Days to resolve", "处理天数"),
    "cmp_field_severity": ("Severity", "严重程度"),
    "cmp_field_age": ("Age (days)", "账龄（天）"),
    "cmp_field_open": ("Open", "未结"),
    "cmp_field_mean": ("Mean satisfaction (1–5)", "平均满意度（1–5）"),
    "cmp_field_recovery": ("Recovery satisfaction (1–5)", "补救满意度（1–5）"),
    "cmp_field_measure": ("Measure", "指标"),
    "cmp_field_share_of_period": ("Share of the quarter (%)", "占季度比例（%）"),
    # the seeds' reasons customers switch (the demo's categories) and severities
    "cmp_cat_service failure": ("service failure", "服务失误"),
    "cmp_cat_price": ("price", "价格"),
    "cmp_cat_inconvenience": ("inconvenience", "不便"),
    "cmp_cat_response to failure": ("response to failure", "对失误的反应"),
    "cmp_cat_competitor": ("competitor", "竞争对手"),
    "cmp_cat_ethics": ("ethics", "道德问题"),
    "cmp_cat_involuntary": ("involuntary", "非自愿"),
    "cmp_sev_low": ("low", "低"),
    "cmp_sev_medium": ("medium", "中"),
    "cmp_sev_high": ("high", "高"),
    "cmp_none": ("(none)", "（无）"),
}
