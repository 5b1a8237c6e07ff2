"""Minimum-n suppression: hide figures computed from too few responses, and say why.

Two rules from statistical disclosure control (Hundepool et al. 2012, Statistical Disclosure
Control, Wiley, ch. 4 and 5), as survey platforms apply them to reports with an anonymity
threshold:

- primary suppression: a group with fewer than ``min_n`` responses shows no figures, both
  because an estimate from a handful of answers misleads and because it may identify people;
- complementary (secondary) suppression: when exactly one group is hidden and the total is
  shown, the hidden group could be recovered by subtracting the others from the total, so the
  smallest group still shown is hidden as well. With two or more groups hidden, only their
  combination can be recovered, and nothing more is hidden;
- the rest of the parent: a filtered figure minus the same figure with no filters describes the
  records the filters leave out, so a figure is shown only when the filtered group and the rest
  of its parent (the same group and period with no filters) are both at least ``min_n``, or the
  rest is empty (:func:`too_small`). A frame gives a count's parent in the column
  ``parent_<count>`` (:func:`parent_of`); without it, only the first rule applies.

Both functions return a copy of the frame with the hidden values set to NaN and two columns
added: ``suppressed`` (bool) and ``suppressed_reason`` (text, missing where nothing is hidden).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

RECOVERY_REASON = "hidden so a small group cannot be recovered from the total"


def small_group_reason(min_n: int) -> str:
    """The reason given for a group below the minimum: 'fewer than 30 responses'."""
    return f"fewer than {min_n} responses"


def small_rest_reason(min_n: int) -> str:
    """The reason given for a group whose parent's rest is below the minimum."""
    return f"the filters leave out fewer than {min_n} responses of the unfiltered figure"


def parent_of(n_column: str) -> str:
    """The column holding the parent's count of ``n_column``: ``parent_n`` for ``n``."""
    return f"parent_{n_column}"


def too_small(n, parent_n, min_n: int):
    """Whether a figure from ``n`` records must be hidden: n < min_n, or the rest of its parent
    (``parent_n`` − n, the records of the same group and period that the filters leave out)
    is neither empty nor at least ``min_n``. Otherwise the rest's figure would follow from the
    parent's figure and this one by subtraction (a differencing attack, Hundepool et al. 2012,
    ch. 4.2). A missing ``parent_n`` (None or NaN: no parent known) leaves the first test only.

    Works element-wise on scalars, numpy arrays and pandas Series; 30 of a parent of 45 is too
    small with ``min_n`` 30 (a rest of 15), 30 of 30 or of 60 is not.
    """
    if parent_n is None:
        return n < min_n
    rest = parent_n - n
    small_rest = (rest > 0) & (rest < min_n)
    return (n < min_n) | small_rest


def _check(frame: pd.DataFrame, n_column: str, min_n: int, value_columns: Sequence[str]) -> None:
    missing = [c for c in (n_column, *value_columns) if c not in frame.columns]
    if missing:
        raise ValueError(f"the frame has no column(s) {', '.join(missing)}.")
    if min_n < 0:
        raise ValueError(f"min_n cannot be negative; got {min_n}.")
    if frame[n_column].isna().any():
        raise ValueError(f"the response count column {n_column!r} has missing values.")


def _hide(
    frame: pd.DataFrame, rows: np.ndarray, value_columns: Sequence[str], reason: str
) -> pd.DataFrame:
    """Set ``value_columns`` to NaN on ``rows`` (a boolean array) and mark them with ``reason``."""
    hidden = frame.copy()
    mask = pd.Series(rows, index=hidden.index)
    for column in value_columns:
        hidden[column] = hidden[column].mask(mask)
    hidden["suppressed"] = hidden["suppressed"] | mask
    hidden["suppressed_reason"] = hidden["suppressed_reason"].mask(mask, reason)
    return hidden


def suppress_small(
    frame: pd.DataFrame, n_column: str, min_n: int, value_columns: Sequence[str]
) -> pd.DataFrame:
    """Hide ``value_columns`` of every row whose ``n_column`` is below ``min_n``.

    Primary suppression (Hundepool et al. 2012, ch. 4): a row is hidden when n < min_n, with the
    reason 'fewer than <min_n> responses'. When the frame has the parent's count
    (:func:`parent_of` ``n_column``), a row is also hidden when the rest of its parent is below
    ``min_n`` and not empty (:func:`too_small`), with the reason of :func:`small_rest_reason`.
    Returns a copy with ``suppressed`` and ``suppressed_reason`` added (replacing any already
    there); other columns, ``n_column`` included, are kept as they are, so a reader can see how
    many responses a hidden row had.
    """
    _check(frame, n_column, min_n, value_columns)
    marked = frame.assign(
        suppressed=False, suppressed_reason=pd.Series(None, index=frame.index, dtype=object)
    )
    n = frame[n_column].to_numpy(dtype=float, na_value=np.nan)
    parent = frame.get(parent_of(n_column))
    parent = None if parent is None else parent.to_numpy(dtype=float, na_value=np.nan)
    small = n < min_n
    marked = _hide(marked, small, value_columns, small_group_reason(min_n))
    rest_small = too_small(n, parent, min_n) & ~small
    return _hide(marked, rest_small, value_columns, small_rest_reason(min_n))


def complementary_suppression(
    frame: pd.DataFrame,
    n_column: str,
    min_n: int,
    value_columns: Sequence[str],
    total_known: bool = True,
) -> pd.DataFrame:
    """Primary suppression, then hide one more group if the hidden one could be recovered.

    When exactly one group is below ``min_n`` and the total over all groups is shown elsewhere
    (``total_known``), that group's figures follow from the total and the other groups, so the
    smallest remaining group (by ``n_column``; the first such row on a tie) is hidden too, with
    the reason 'hidden so a small group cannot be recovered from the total' (secondary cell
    suppression, Hundepool et al. 2012, ch. 4). Returns the frame of
    :func:`suppress_small` with that one more row hidden where needed.
    """
    shown = suppress_small(frame, n_column, min_n, value_columns)
    hidden = shown["suppressed"].to_numpy()
    partner = recovery_partner(hidden, shown[n_column].to_numpy()) if total_known else None
    if partner is None:
        return shown
    return _hide(shown, np.arange(len(shown)) == partner, value_columns, RECOVERY_REASON)


def recovery_partner(hidden: np.ndarray, sizes: np.ndarray) -> int | None:
    """The position of the group to hide as well, or None: when exactly one group of a line
    adding up to a known total is hidden (and another is shown), the shown group with the
    smallest size (the first on a tie), so the hidden one cannot be recovered by subtraction."""
    hidden = np.asarray(hidden, dtype=bool)
    if hidden.sum() != 1 or hidden.all():
        return None
    return int(np.argmin(np.where(hidden, np.inf, np.asarray(sizes, dtype=float))))
