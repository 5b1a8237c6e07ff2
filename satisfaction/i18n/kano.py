"""The Kano page's words. Chinese terms follow seed 003 (满足客户需求的魅力曲线: 魅力品质,
当然品质) and the usual Chinese Kano vocabulary (必备品质, 一元品质/期望品质, 无差异品质, 反向品质)."""

TEXT: dict[str, tuple[str, str]] = {
    # categories
    "kano_cat_A": ("Attractive", "魅力品质"),
    "kano_cat_O": ("One-dimensional", "一元品质"),
    "kano_cat_M": ("Must-be", "必备品质"),
    "kano_cat_I": ("Indifferent", "无差异品质"),
    "kano_cat_R": ("Reverse", "反向品质"),
    "kano_cat_Q": ("Questionable", "可疑回答"),
    # chart words
    "kano_feature": ("Feature", "功能／服务项目"),
    "kano_category": ("Category", "类别"),
    "kano_better": ("Better", "满意系数"),
    "kano_worse": ("Worse", "不满意系数"),
    "kano_n": ("Answers", "回答数"),
    "kano_importance": ("Importance (1–9)", "重要性（1–9）"),
    "kano_importance_short": ("Importance", "重要性"),
    "kano_size_importance": ("Importance (1–9)", "重要性（1–9）"),
    "kano_size_n": ("Answers", "回答数"),
    "kano_better_axis": ("Better: satisfaction when present", "满意系数：具备时的满意程度"),
    "kano_worse_axis": ("|Worse|: dissatisfaction when absent", "|不满意系数|：不具备时的不满程度"),
    "kano_scatter_title": ("Better–worse diagram", "满意系数–不满意系数象限图"),
    "kano_diagram_title": ("The Kano curve: satisfaction against fulfilment",
                           "满足客户需求的魅力曲线：满意度与充足程度"),
    "kano_fulfilment": ("Fulfilment", "充足程度"),
    "kano_absent": ("absent", "不充足"),
    "kano_fully_present": ("fully present", "充足"),
    "kano_satisfaction": ("Customer satisfaction", "客户满意度"),
    "kano_dissatisfied": ("dissatisfied", "客户不满意"),
    "kano_neutral": ("neutral", "中性"),
    "kano_delighted": ("delighted", "客户满意"),
    # page
    "kano_intro": (
        "Each customer said how they would feel if a feature were present and if it were absent; "
        "the pair of answers sorts the feature into a category (Kano et al. 1984).",
        "每位顾客分别回答具备和不具备某项功能时的感受，两个回答合起来决定该功能的类别（狩野纪昭 1984）。",
    ),
    "kano_size": ("Point size", "点的大小"),
    "kano_size_by_importance": ("Importance", "重要性"),
    "kano_size_by_n": ("Answers", "回答数"),
    "kano_no_data": ("No Kano answers match these filters.", "没有符合筛选条件的卡诺问卷。"),
    "kano_hidden_features": ("{features} — {note}", "{features}——{note}"),
    "kano_feature_n": ("{feature} ({n:,})", "{feature}（{n:,}）"),
    "kano_not_placed": ("Not on the curve (questionable answers, or no Better/Worse): {features}.",
                        "未画在曲线上（可疑回答，或没有满意系数和不满意系数）：{features}。"),
    "kano_diagram_caption": (
        "Each feature sits on its category's curve: attractive at the height of its Better, "
        "must-be at its Worse, one-dimensional at the mean of Better and |Worse|, indifferent on "
        "the axis.",
        "每项功能画在其类别的曲线上：魅力品质的高度为满意系数，必备品质为不满意系数，"
        "一元品质为满意系数与不满意系数绝对值的平均，无差异品质在横轴上。",
    ),
    "kano_scatter_caption": (
        "Quadrants split at 0.5. The colour is the category counted from the answers; a point "
        "whose quadrant and colour disagree has no clear majority.",
        "象限以 0.5 为界。颜色表示按回答统计的类别；象限与颜色不一致说明没有明显多数。",
    ),
    # finding
    "kano_finding": ("Of {total} features, {parts} — {advice}.", "{total} 项功能中，{parts}——{advice}。"),
    "kano_clause_sep": ("; ", "；"),
    "kano_count_part": ("{count} {name}", "{name} {count} 项"),
    "kano_finding_must_be": (
        "fix {feature} first (without it {share:.0%} are dissatisfied, Worse {worse:.2f})",
        "应首先保证{feature}（缺少时 {share:.0%} 的顾客不满意，不满意系数 {worse:.2f}）",
    ),
    "kano_finding_attractive": ("{feature} delights most when present (Better {better:.2f})",
                                "{feature}具备时最能带来惊喜（满意系数 {better:.2f}）"),
    "kano_finding_none": ("no feature is clearly must-be or attractive",
                          "没有功能明显属于必备品质或魅力品质"),
    # table
    "kano_table_title": ("Per feature", "各项功能"),
    "kano_shares": ("Answers by category", "各类别回答占比"),
    "kano_shares_help": ("Share of answers: attractive, one-dimensional, must-be, indifferent, "
                         "reverse, questionable, in that order.",
                         "回答占比，依次为魅力、一元、必备、无差异、反向、可疑。"),
    "kano_fong": ("Fong test", "Fong 检验"),
    "kano_fong_help": ("Whether the most frequent category beats the runner-up at the 5% level "
                       "(Fong 1996). Not significant: the category is a close call.",
                       "最多的类别是否显著多于第二多的类别（Fong 1996，5% 水平）。不显著表示类别难以判定。"),
    "kano_better_help": ("(A + O) / (A + O + M + I): how much satisfaction rises when present "
                         "(Berger et al. 1993).",
                         "(A + O) / (A + O + M + I)：具备时满意度的提升（Berger 等 1993）。"),
    "kano_worse_help": ("−(O + M) / (A + O + M + I): how much satisfaction falls when absent "
                        "(Berger et al. 1993).",
                        "−(O + M) / (A + O + M + I)：不具备时满意度的下降（Berger 等 1993）。"),
    "kano_legend": ("Bar colours", "条形颜色"),
    # segments
    "kano_segments_title": ("Category by segment", "各客户群的类别"),
    "kano_scores_title": ("Continuous scores (DuMouchel)", "连续评分（DuMouchel 法）"),
    "kano_scores_caption": (
        "Answers scored on Berger et al.'s (1993) asymmetric scale — present: like 4, must-be 2, "
        "neutral 0, live-with −1, dislike −2; absent: like −2, must-be −1, neutral 0, live-with 2, "
        "dislike 4. High on both: one-dimensional; high present only: attractive; high absent "
        "only: must-be; both near 0: indifferent. The spread shows how much customers agree.",
        "按 Berger 等（1993）的非对称量表计分——具备时：喜欢 4、理所当然 2、无所谓 0、能忍受 −1、"
        "不喜欢 −2；不具备时：喜欢 −2、理所当然 −1、无所谓 0、能忍受 2、不喜欢 4。两者都高：一元品质；"
        "仅具备时高：魅力品质；仅不具备时高：必备品质；都接近 0：无差异品质。标准差反映顾客意见是否一致。",
    ),
    "kano_functional_mean": ("Present: mean", "具备时：均值"),
    "kano_functional_sd": ("Present: spread (SD)", "具备时：标准差"),
    "kano_dysfunctional_mean": ("Absent: mean", "不具备时：均值"),
    "kano_dysfunctional_sd": ("Absent: spread (SD)", "不具备时：标准差"),
    "kano_overall": ("All segments", "全部客户群"),
    "kano_ns": ("{name} (n.s.)", "{name}（不显著）"),
    "kano_segments_same": ("The category is the same in every segment shown.",
                           "所显示的各客户群中类别相同。"),
    "kano_segments_differ": ("The category differs by segment for: {features}.",
                             "以下功能的类别因客户群而异：{features}。"),
    "kano_segments_note": (
        "Highlighted: a segment whose category differs from all segments together. “n.s.”: the "
        "category is not significant by Fong's test. “—”: hidden for fewer than {min_n} answers, "
        "or so that a hidden segment cannot be worked out from the total.",
        "高亮：该客户群的类别与全部客户群不同。“不显著”：Fong 检验不显著。“—”：回答少于 {min_n} 份，"
        "或为防止从合计反推被隐藏的客户群而隐藏。",
    ),
    "kano_one_segment": ("Only one segment has answers; there is nothing to compare.",
                         "只有一个客户群有回答，无法比较。"),
    # recommendations
    "kano_recommendations_title": ("What to do", "怎么做"),
    "kano_rec_fix_first": (
        "Fix first, never advertise: customers take these for granted, so failing them "
        "dissatisfies and doing them well earns no praise.",
        "首先保证，不必宣传：顾客认为理所当然，做不到会引起不满，做得好也不会带来称赞。",
    ),
    "kano_rec_more_is_better": (
        "Compete on performance: satisfaction rises and falls with how well these are done.",
        "在表现上竞争：做得越好越满意，做得越差越不满。",
    ),
    "kano_rec_differentiate": (
        "Differentiate: these delight when present and are not missed when absent; use them to "
        "stand out from competitors.",
        "差异化：具备时带来惊喜，不具备时也不会不满，可用来区别于竞争对手。",
    ),
    "kano_rec_do_not_invest": (
        "Do not invest: customers do not care either way.",
        "不必投入：顾客对此无所谓。",
    ),
    "kano_rec_remove_or_optional": (
        "Remove or make optional: having these dissatisfies some customers.",
        "取消或改为可选：具备时反而令部分顾客不满。",
    ),
    "kano_rec_check_question": (
        "Check the question: the answers contradict each other, so it was probably misunderstood.",
        "检查问题：回答自相矛盾，问题可能被误解。",
    ),
}
