"""Words of the review pack (PDF and PowerPoint) and of its download buttons."""

TEXT = {
    "report_title": ("Customer satisfaction review", "顾客满意度评审"),
    "report_filters": ("Filters: {filters}", "筛选条件：{filters}"),
    "report_made": ("Made on {day}", "制作日期：{day}"),
    "report_min_n": ("Figures resting on fewer than {min_n} records are hidden.",
                     "少于 {min_n} 条记录的数字不予显示。"),
    "report_n": ("n = {n:,}", "样本量 n = {n:,}"),
    "report_pdf": ("Review pack (PDF)", "评审资料（PDF）"),
    "report_pptx": ("Review pack (PowerPoint)", "评审资料（PowerPoint）"),
    "report_help": ("Every page's key chart and findings for these filters, one slide each, "
                    "built when you click.",
                    "按当前筛选条件，每个页面的关键图表和结论各占一页，点击时生成。"),
}
