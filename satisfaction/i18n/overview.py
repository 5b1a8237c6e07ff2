"""The Overview's first glance: its views, the headline when nothing stands out, the ranking."""

TEXT = {
    "glance_view": ("View", "视图"),
    "glance_view_period": ("Latest period", "最近完整周期"),
    "glance_view_qtd": ("Quarter to date", "本季度至今"),
    "glance_view_ytd": ("Year to date", "本年至今"),
    "glance_rank_by": ("Rank", "排名"),
    "glance_quiet": (
        "Nothing stands out in {period}: no significant change of the satisfaction index, CSAT "
        "or NPS against {previous}, no significant breach of the adequate level and no "
        "complaint spike.",
        "{period}没有突出变化：满意度指数、满意率和净推荐值较 {previous} 均无显著变化，没有显著低于"
        "适当服务的情况，也没有投诉激增。",
    ),
    "glance_ranking_title": ("Satisfaction index of the {dims}, {period}",
                             "各{dims}满意度指数，{period}"),
    "glance_ranking_subtitle": (
        "At the right: change against {previous} / against {year_before}; ▼ ▲ a significant "
        "change.",
        "右侧：较 {previous} / 较 {year_before} 的变化；▼ ▲ 表示变化显著。",
    ),
    "glance_ranking_subtitle_one": (
        "At the right: change against {previous}; ▼ ▲ a significant change.",
        "右侧：较 {previous} 的变化；▼ ▲ 表示变化显著。",
    ),
    "glance_change_against": ("Change against {baseline}", "较 {baseline} 的变化"),
    "glance_legend": ("Against {previous}", "较 {previous}"),
    "glance_not_ranked": ("Not ranked: {groups} — {why}", "未排名：{groups}——{why}"),
    "glance_chain_units": ("Unit by unit", "逐个单位"),
    "glance_rule": (
        "The headline is the finding that matters most among the significant changes of the "
        "index, CSAT and NPS (of the whole business and of each region), the worst significant "
        "breach of the adequate level and the complaint spike of the period: bad news before "
        "good; what belongs to one place (a region that moved further than the others, a "
        "breach in one group, a spike in one unit) before what the whole business shares; then "
        "the strongest evidence (the largest z of its test).",
        "要点从以下发现中选出：满意度指数、满意率和净推荐值（全公司及各区域）的显著变化、最严重的显著"
        "低于适当服务的情况、本期的投诉激增。先坏消息后好消息；先看属于某一处的变化（变化明显大于其他"
        "区域的区域、某一组别低于适当服务、某一单位投诉激增），再看全公司共同的变化；最后按证据强度"
        "（检验的 z 值）排序。",
    ),
}
