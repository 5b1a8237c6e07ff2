"""The Satisfaction page's words: controls, sections, chart labels, findings, targets."""

TEXT: dict[str, tuple[str, str]] = {
    # controls
    "sat_intro": (
        "The satisfaction index (0–100), CSAT and NPS over time, by group, and against the "
        "baseline, targets and competitors. Every figure carries its 95% interval and its number "
        "of responses (hover a chart, or download its data).",
        "满意度指数（0–100）、满意率与净推荐值的趋势、分组对比，以及与基准期、目标和竞争对手的比较。"
        "每个数字都附有 95% 区间和样本数（将鼠标悬停在图上，或下载数据）。",
    ),
    "sat_period_kind": ("Periods", "周期"),
    "sat_dimension": ("Cut by", "分组维度"),
    "sat_figure": ("Figure", "指标"),
    "sat_focus": ("Period in focus", "关注周期"),
    "sat_baseline": ("Compare with", "比较对象"),
    "sat_baseline_previous": ("the period before", "上一周期"),
    "sat_baseline_year_before": ("the same period a year before", "去年同期"),
    # sections
    "sat_findings": ("Findings", "发现"),
    "sat_trend": ("Over time", "趋势"),
    "sat_cut": ("By {dimension}", "按{dimension}"),
    "sat_heatmap": ("{dimension} × {period}", "{dimension} × {period}"),
    "sat_distribution": ("Distribution of satisfaction scores", "满意度评分分布"),
    "sat_comparison_table": ("The comparison in numbers", "对比明细"),
    # tiles
    "sat_tiles": ("{period} against {baseline}", "{period} 对比 {baseline}"),
    # findings
    "sat_finding_only_drop": (
        "{figure} fell {delta} in {group} in {period} against {baseline}, the only significant "
        "drop among the {compared} {dims}.",
        "{period} {group} 的{figure}较 {baseline} 下降 {delta}，是 {compared} 个{dims}中唯一显著的下降。",
    ),
    "sat_finding_drop": (
        "{figure} fell {delta} in {group} in {period} against {baseline}: a significant drop.",
        "{period} {group} 的{figure}较 {baseline} 下降 {delta}，下降显著。",
    ),
    "sat_finding_drops": (
        "{figure} fell significantly in {count} of the {compared} {dims} in {period} against "
        "{baseline}: {movers}.",
        "{period}，{compared} 个{dims}中有 {count} 个的{figure}较 {baseline} 显著下降：{movers}。",
    ),
    "sat_finding_only_rise": (
        "{figure} rose {delta} in {group} in {period} against {baseline}, the only significant "
        "rise among the {compared} {dims}.",
        "{period} {group} 的{figure}较 {baseline} 上升 {delta}，是 {compared} 个{dims}中唯一显著的上升。",
    ),
    "sat_finding_rise": (
        "{figure} rose {delta} in {group} in {period} against {baseline}: a significant rise.",
        "{period} {group} 的{figure}较 {baseline} 上升 {delta}，上升显著。",
    ),
    "sat_finding_rises": (
        "{figure} rose significantly in {count} of the {compared} {dims} in {period} against "
        "{baseline}: {movers}.",
        "{period}，{compared} 个{dims}中有 {count} 个的{figure}较 {baseline} 显著上升：{movers}。",
    ),
    "sat_finding_steady": (
        "{figure} changed significantly in none of the {compared} {dims} in {period} against "
        "{baseline}; the largest move was {movers}.",
        "{period}，{compared} 个{dims}的{figure}较 {baseline} 均无显著变化；变化最大的是 {movers}。",
    ),
    "sat_finding_none": (
        "{figure}: no {dims} have enough responses in both {period} and {baseline} to compare.",
        "{figure}：没有{dims}在 {period} 和 {baseline} 都有足够的问卷可供比较。",
    ),
    "sat_finding_untested": (
        "{figure} moved in the {dims} in {period} against {baseline}, but the dates cover only "
        "part of one of the two periods, so no change is tested; the largest move was {movers}.",
        "{period}，各{dims}的{figure}较 {baseline} 有变化，但日期范围只覆盖其中一期的一部分，未作显著性检验；"
        "变化最大的是 {movers}。",
    ),
    "sat_not_compared": (" {count} more not compared: too few responses in one of the two periods.",
                         "另有 {count} 个因其中一期样本不足未作比较。"),
    "sat_stands_out": (" {group} stands out: {delta} against {rest} in the other {dims} together.",
                        "其中 {group} 尤为突出：{delta}，其他{dims}合计为 {rest}。"),
    "sat_none_stands_out": (
        " None of them moved further than the other {dims} together: a change they share.",
        "与其他{dims}合计相比，没有哪个变化更突出：这是共同的变化。",
    ),
    "sat_bench_above": (
        "Our {figure} in {period}, {ours}, was {delta} above {source}'s {theirs}: beyond our 95% "
        "interval.",
        "{period} 我们的{figure}为 {ours}，比 {source} 的 {theirs} 高 {delta}，超出我们的 95% 区间。",
    ),
    "sat_bench_below": (
        "Our {figure} in {period}, {ours}, was {delta} below {source}'s {theirs}: beyond our 95% "
        "interval.",
        "{period} 我们的{figure}为 {ours}，比 {source} 的 {theirs} 低 {delta}，超出我们的 95% 区间。",
    ),
    "sat_bench_level": (
        "Our {figure} in {period}, {ours}, was level with {source}'s {theirs}, which lies within "
        "our 95% interval.",
        "{period} 我们的{figure}为 {ours}，与 {source} 的 {theirs} 持平（对方数值在我们的 95% 区间内）。",
    ),
    # charts
    "sat_trend_caption": (
        "Shaded: 95% interval. A large mark: a significant change from the period before "
        "(green up, orange-red down).",
        "阴影为 95% 区间。大圆点表示较上一周期有显著变化（绿色上升，橙红色下降）。",
    ),
    "sat_trend_caption_target": (" Dashed line: the target.", "虚线为目标。"),
    "sat_trend_caption_competitors": (" Black marks: competitors' benchmarks, one shape per source.",
                                      "黑色标记为竞争对手基准，每个来源一种形状。"),
    "sat_partial": (
        "{periods}: only partly inside the date range, so fewer responses and wider intervals.",
        "{periods}：仅部分在日期范围内，样本较少、区间较宽。",
    ),
    "sat_cut_caption": (
        "Dots: {period}, with 95% intervals; black ticks: {baseline}. Colour: whether the change "
        "is significant. The axis starts near the values, so small gaps show.",
        "圆点为 {period}，带 95% 区间；黑色短线为 {baseline}。颜色表示变化是否显著。坐标轴从数值附近开始，"
        "以便看清小差异。",
    ),
    "sat_hidden_groups": ("Not shown — {groups}", "未显示 — {groups}"),
    "sat_heatmap_caption": (
        "Grey cells are hidden (hover for the reason); the heatmap follows the periods chosen "
        "above.",
        "灰色格为已隐藏（悬停查看原因）；热力图的周期与上方所选一致。",
    ),
    "sat_distribution_caption": (
        "{n:,} responses in the filters' date range. Green: the top two boxes that CSAT counts.",
        "筛选日期范围内共 {n:,} 份问卷。绿色为满意率计入的前两档。",
    ),
    # targets and benchmarks
    "sat_targets": ("Targets and competitor benchmarks", "目标与竞争对手基准"),
    "sat_targets_warning": (
        "Everyone who opens the dashboard sees these values; the Data page records who changed "
        "them, and when.",
        "所有打开仪表盘的人都会看到这些数值；数据页面记录了修改人和修改时间。",
    ),
    "sat_target_input": ("{figure}: target", "{figure}：目标"),
    "sat_target_help": ("Leave empty for no target. CSAT in percent.",
                        "留空表示不设目标。满意率以百分比填写。"),
    "sat_save_targets": ("Save targets", "保存目标"),
    "sat_saved": ("Saved.", "已保存。"),
    "sat_not_saved": ("Not saved: {error}", "未保存：{error}"),
    "sat_benchmarks_intro": (
        "Competitor benchmarks: one row per source, figure and period (the period's first day). "
        "Figures: satisfaction_index (0–100), csat in percent (0–100), nps (−100..100).",
        "竞争对手基准：每行一个来源、指标和周期（周期的第一天）。指标：satisfaction_index（0–100）、"
        "csat 以百分比填写（0–100）、nps（−100..100）。",
    ),
    "sat_out_of_range": ("{figure} must lie between {low} and {high}; got {value}.",
                         "{figure}必须介于 {low} 与 {high} 之间；填写的是 {value}。"),
    "sat_save_benchmarks": ("Save benchmarks", "保存基准"),
}
