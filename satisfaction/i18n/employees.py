"""The Employees page's words. Chinese terms follow seed 003 (服务利润链; 影响员工满意的因素: 对工作的
满意度、培训、工资、提升的公平性、别人对自己的尊重、团队合作、公司对员工福利的重视程度) and seed 004
(员工流失率; 新员工入职的前三个月是最危险的)."""

TEXT: dict[str, tuple[str, str]] = {
    "emp_intro": (
        "What drives employee satisfaction, how many staff leave, and whether units with "
        "satisfied staff also have satisfied, loyal customers (the service-profit chain).",
        "影响员工满意的因素、员工流失情况，以及员工满意的单位是否也有满意、忠诚的客户（服务利润链）。"),
    "emp_no_data": ("No employee survey responses for these filters.",
                    "当前筛选条件下没有员工问卷。"),
    # the finding
    "emp_finding": (
        "{top} is the strongest driver of employee satisfaction: {share:.0%} of the explained "
        "variance (95% interval {low:.0%}–{high:.0%}); pay ranks {pay_rank} of {count}.",
        "{top}是影响员工满意度最大的因素：占已解释方差的 {share:.0%}（95% 区间 {low:.0%}–{high:.0%}）；"
        "工资在 {count} 个因素中排第 {pay_rank}。"),
    "emp_drivers_hidden": ("The drivers are hidden: {why}", "驱动因素已隐藏：{why}"),
    # tiles
    "emp_heading_now": ("Latest survey · {period}", "最近一次调查 · {period}"),
    "emp_censored": (
        "Turnover counts the surveyed employees who have left since, so the latest survey's "
        "rate still grows as time passes.",
        "流失率统计的是调查后已离职的员工，因此最近一次调查的流失率会随时间继续上升。"),
    # drivers
    "emp_drivers_heading": ("What drives employee satisfaction", "影响员工满意的因素"),
    "emp_drivers_title": ("Share of R², with 95% intervals", "占 R² 的比例及 95% 区间"),
    "emp_drivers_caption": (
        "Relative importance by the Shapley decomposition of R² (LMG) from {n:,} complete "
        "responses: the seven items together explain R² = {r2:.2f} of the variance of overall "
        "satisfaction, and the shares add up to 100%. Intervals: {replicates} Poisson "
        "bootstrap replicates, seeded, so the same data always gives the same intervals.",
        "相对重要性按 R² 的夏普利分解（LMG）计算，基于 {n:,} 份完整问卷：七个因素共解释总体满意度方差的 "
        "R² = {r2:.2f}，各因素占比合计 100%。区间：{replicates} 次泊松自助抽样（固定种子，相同数据总得到相同区间）。"),
    "emp_item": ("Item", "因素"),
    "emp_share": ("Share of R²", "占 R² 比例"),
    "emp_share_axis": ("Share of the explained variance", "占已解释方差的比例"),
    "emp_item_job": ("The job itself", "对工作的满意度"),
    "emp_item_training": ("Training", "培训"),
    "emp_item_pay": ("Pay", "工资"),
    "emp_item_promotion": ("Fair promotion", "提升的公平性"),
    "emp_item_respect": ("Respect", "别人对自己的尊重"),
    "emp_item_teamwork": ("Teamwork", "团队合作"),
    "emp_item_welfare": ("Welfare", "对员工福利的重视"),
    # importance-performance
    "emp_quadrant_title": ("Importance against performance", "重要性–表现矩阵"),
    "emp_quadrant": ("Quadrant", "象限"),
    "emp_importance_axis": ("Importance: share of the explained variance",
                            "重要性：占已解释方差的比例"),
    "emp_performance_axis": ("Performance: mean score, 0–100", "表现：平均得分（0–100）"),
    "emp_quad_concentrate_here": ("Concentrate here", "重点改进"),
    "emp_quad_keep": ("Keep up the good work", "继续保持"),
    "emp_quad_low_priority": ("Low priority", "次要改进"),
    "emp_quad_possible_overkill": ("Possible overkill", "可能过度投入"),
    "emp_quadrant_caption": (
        "Split at the mean importance and the mean performance of the seven items "
        "(Martilla & James 1977). Concentrate here: {items}.",
        "以七个因素的平均重要性和平均表现划分（Martilla & James 1977）。重点改进：{items}。"),
    "emp_quadrant_none": ("No item is both important and below the mean performance.",
                          "没有既重要又低于平均表现的因素。"),
    # turnover
    "emp_turnover_heading": ("Turnover by unit and tenure", "按单位和司龄的员工流失"),
    "emp_turnover_caption": (
        "Turnover: the share of surveyed employees who have since left. Tenure in months at the "
        "survey. A cell with fewer than {min_n} employees shows its count only, and one more "
        "cell is hidden where a total would give it away.",
        "流失率：调查后已离职的员工占被调查员工的比例。司龄为调查时的月数。员工少于 {min_n} "
        "人的单元格只显示人数；若可由合计推算出被隐藏的单元格，则再隐藏一个单元格。"),
    "emp_tenure_band": ("Tenure (months)", "司龄（月）"),
    "emp_band_all": ("All tenures", "全部司龄"),
    "emp_band_months": ("{band} months", "{band} 个月"),
    "emp_employees": ("Employees", "员工数"),
    "emp_leavers": ("Leavers", "离职人数"),
    "emp_turnover_rate": ("Turnover", "流失率"),
    "emp_every_unit": ("Total", "合计"),
    "emp_new_staff_high": (
        "New staff leave more often: {new:.1%} of those in their first three months have left, "
        "against {rest:.1%} of the others (p = {p:.3f}).",
        "新员工流失更多：入职前三个月的员工中已有 {new:.1%} 离职，其他员工为 {rest:.1%}（p = {p:.3f}）。"),
    "emp_new_staff_same": (
        "New staff leave no more often than the others: {new:.1%} against {rest:.1%} (p = {p:.3f}).",
        "新员工的流失率与其他员工没有显著差别：{new:.1%} 对 {rest:.1%}（p = {p:.3f}）。"),
    "emp_new_staff_hidden": ("New staff's turnover is hidden: fewer than {min_n} of them.",
                             "新员工流失率已隐藏：新员工少于 {min_n} 人。"),
    "emp_units_high": ("Units where new staff leave significantly more often than the others: "
                       "{units}.", "新员工流失显著高于其他员工的单位：{units}。"),
    "emp_units_none": ("In no unit shown do new staff leave significantly more often than "
                       "the others.", "在显示的单位中，新员工流失均未显著高于其他员工。"),
    "emp_units_small": ("Units whose new staff are too few (fewer than {min_n}) to show their "
                        "turnover: {count}.", "新员工少于 {min_n} 人、流失率不予显示的单位：{count} 个。"),
    # the chain
    "emp_chain_heading": ("Service-profit chain: staff and customers, unit by unit",
                          "服务利润链：各单位的员工与客户"),
    "emp_chain_customer_index": ("Customer satisfaction index", "顾客满意度指数"),
    "emp_chain_retention_rate": ("Customer retention, monthly", "客户月留存率"),
    "emp_chain_title_customer_index": ("Staff and customer satisfaction",
                                       "员工满意度与顾客满意度"),
    "emp_chain_title_retention_rate": ("Staff satisfaction and customer retention",
                                       "员工满意度与客户留存率"),
    "emp_chain_what_customer_index": ("customer satisfaction", "顾客满意度"),
    "emp_chain_what_retention_rate": ("customer retention", "客户留存率"),
    "emp_chain_link": (
        "Across {n} units, employee satisfaction and {what} go together: r = {r:.2f} "
        "(95% interval {low:.2f} to {high:.2f}).",
        "在 {n} 个单位中，员工满意度与{what}同向变化：r = {r:.2f}（95% 区间 {low:.2f} 至 {high:.2f}）。"),
    "emp_chain_none": (
        "Across {n} units, no clear link between employee satisfaction and {what}: r = {r:.2f} "
        "(95% interval {low:.2f} to {high:.2f}).",
        "在 {n} 个单位中，员工满意度与{what}之间没有明确关联：r = {r:.2f}（95% 区间 {low:.2f} 至 {high:.2f}）。"),
    "emp_chain_few": ("Too few units to conclude (units with enough responses: {n}; at least "
                      "{needed} are needed).",
                      "单位太少，无法下结论（问卷足够的单位：{n} 个；至少需要 {needed} 个）。"),
    "emp_chain_caution": (
        "A correlation across units is evidence of a link, not proof of cause. Each unit needs "
        "at least {min_n} employee and {min_n} customer responses; customers belong to the unit "
        "they answer surveys at.",
        "单位间的相关是关联的证据，而非因果的证明。每个单位至少需要 {min_n} 份员工问卷和 {min_n} "
        "份顾客问卷；客户归属其填写问卷的单位。"),
    "emp_n_employees": ("Employee responses", "员工问卷数"),
    "emp_n_responses": ("Customer responses", "顾客问卷数"),
}
