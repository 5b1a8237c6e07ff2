"""The tables behind the pages: one public builder per table, used by the page that shows
it, by its download button and by ``python -m satisfaction export``.

Every builder is ``name_table(run_query, filters, by=None, min_n=30, **options)``, registered
with :func:`~satisfaction.exports.registry.view`, which checks ``by`` and rounds the result:
a named query (aggregated in DuckDB) run for the filters, then a pure method, then
suppression, always on this one path. ``run_query(name, params)`` is ``Store.query`` or a
page's cached runner. Columns are English and plain numbers whatever the interface language:
shares are fractions 0–1, indices 0–100, NPS −100..100, each rounded to the decimals the screen
shows (:func:`~satisfaction.precision.export_precision`); a figure suppressed for too few
responses is empty, and so is one whose filters leave out fewer than the minimum of the
unfiltered figure (:func:`~satisfaction.methods.suppression.too_small`), and one more group's
where a hidden one could otherwise be worked out from a total. A page may dress a builder's
frame for display (translated headers, shown units, bars); it downloads the frame.

One module per area registers its views, in the order of :data:`VIEWS`: ``indices``, ``kano``,
``tolerance``, ``employees``, ``complaints``, ``retention``, ``gaps`` (with the scorecard),
``annotations`` (the notes on the timeline).
"""

from satisfaction.exports.registry import VIEWS, RunQuery, View, export_view, groupings, view
from satisfaction.exports.formats import neutralise_formulas, to_csv, to_json
from satisfaction.exports.indices import (PERIODS, comparison_frames, indices_comparison_table,
                                          indices_grid_table, indices_table, indices_trend_table)
from satisfaction.exports.kano import KANO_COLUMNS, kano_scores_table, kano_table
from satisfaction.exports.tolerance import tolerance_breaches_table, tolerance_table
from satisfaction.exports.employees import chain_table, drivers_table, turnover_table
from satisfaction.exports.complaints import (complaint_groups_table, complaint_severity_table,
                                             complaint_trend_table, complaints_table,
                                             open_complaints_table, service_recovery_table)
from satisfaction.exports.retention import (churn_reasons_table, clv_segments_table,
                                            clv_tiers_table, cohorts_table, focus_quarters,
                                            loyalty_table, pyramid_table,
                                            retention_by_score_table,
                                            retention_table, tier_moves_table)
from satisfaction.exports.gaps import GAP_COLUMNS, gaps_table, scorecard_frames, scorecard_table
from satisfaction.exports.annotations import annotations_table

__all__ = [
    "VIEWS", "RunQuery", "View", "export_view", "groupings", "view",
    "neutralise_formulas", "to_csv", "to_json",
    "PERIODS", "comparison_frames", "indices_comparison_table", "indices_grid_table",
    "indices_table", "indices_trend_table",
    "KANO_COLUMNS", "kano_scores_table", "kano_table",
    "tolerance_breaches_table", "tolerance_table",
    "chain_table", "drivers_table", "turnover_table",
    "complaint_groups_table", "complaint_severity_table", "complaint_trend_table",
    "complaints_table", "open_complaints_table", "service_recovery_table",
    "churn_reasons_table", "clv_segments_table", "clv_tiers_table", "cohorts_table",
    "focus_quarters", "loyalty_table", "pyramid_table", "retention_by_score_table", "retention_table",
    "tier_moves_table",
    "GAP_COLUMNS", "gaps_table", "scorecard_frames", "scorecard_table",
    "annotations_table",
]
