"""The Employees page's slide: what drives employee satisfaction, and new staff's turnover."""

from __future__ import annotations

from satisfaction import employees
from satisfaction.charts.employees import driver_bars
from satisfaction.slides import Slide, slide


@slide("employees")
def staff(ctx, query) -> Slide | None:
    table = employees.drivers_with_intervals(query, ctx.filters, ctx.min_n)
    lead = employees.lead_driver(table)
    if lead is None:
        return None
    overall, _ = employees.new_staff(query, ctx.filters, ctx.min_n)
    findings = (employees.driver_sentence(ctx, table),
                employees.new_staff_sentence(ctx, overall))
    return Slide(page="employees", title=ctx.t("page_employees"), findings=findings,
                 chart=driver_bars(table, ctx.t, ctx.presentation), data=table,
                 n=int(lead[0]["n"]))
