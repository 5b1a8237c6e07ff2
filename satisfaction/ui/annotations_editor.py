"""The editor of the notes pinned to the timeline (:mod:`satisfaction.annotations`): add a
note, see every note with who wrote and last changed it, edit or remove one. The Data page
shows it, where analysts manage what the dashboard holds.

Each change is recorded as the signed-in user (:func:`satisfaction.ui.user.current`) and
checked against their role when it is made: an analyst adds notes and edits or removes their
own, an administrator also removes others' (:func:`satisfaction.access.can_change_note`). A
refused note says why in the interface's language and changes nothing. A note's text is data:
it reaches the page only in a table, a widget's value or an option, never in Markdown.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from satisfaction import annotations
from satisfaction.access import Refused
from satisfaction.charts.annotations import short
from satisfaction.exports import annotations_table
from satisfaction.filters import Filters
from satisfaction.page_context import PageContext
from satisfaction.store import Store
from satisfaction.ui import components, context, user

SAID_KEY = "note_said"
#: Characters of a note's text in the list to choose from.
CHOICE_CHARS = 48


def _refusal(ctx: PageContext, refused: annotations.NoteRefused) -> str:
    """Why a note was refused, in the interface's language."""
    values = dict(refused.values)
    if "what" in values:
        values["what"] = ctx.t(f"note_what_{values['what']}")
    return ctx.t(f"note_refused_{refused.code}", **values)


def _done(ctx: PageContext, change, said: str, note_id: int | None = None) -> None:
    """Make ``change`` to note ``note_id`` (a new note's: the id ``change`` returns); on success
    draw the page again with the notes as they now are and say ``said``, else say why nothing
    changed."""
    try:
        made = change()
    except annotations.NoteRefused as refused:
        st.error(ctx.t("note_not_saved", reason=_refusal(ctx, refused)))
        return
    except Refused:
        st.error(ctx.t("access_refused"))
        return
    st.session_state[SAID_KEY] = ctx.t(said, id=made if note_id is None else note_id)
    st.rerun()


def _places(options: dict[str, list[str]], dimension: str, current: object) -> list[str]:
    """A region's or unit's choices: none (the whole business), the data's values, and the
    note's own value when the data no longer has it."""
    values = list(options.get(dimension, []))
    if isinstance(current, str) and current and current not in values:
        values.append(current)
    return ["", *values]


def _fields(ctx: PageContext, options: dict[str, list[str]], key: str,
            note: pd.Series | None = None) -> tuple:
    """The day, text, region and unit inputs of a note (``note``'s values when given)."""
    t = ctx.t
    day_default = note["day"] if note is not None else (ctx.filters.date_to or date.today())
    left, right = st.columns([1, 3])
    day = left.date_input(t("note_day"), value=day_default, key=f"{key}_day")
    text = right.text_input(t("note_text"), value="" if note is None else note["text"],
                            max_chars=annotations.MAX_TEXT, key=f"{key}_text",
                            help=t("note_text_help", limit=annotations.MAX_TEXT))
    places = []
    for column, dimension in zip(st.columns(2), ("region", "unit")):
        current = None if note is None or pd.isna(note[dimension]) else note[dimension]
        choices = _places(options, dimension, current)
        places.append(column.selectbox(
            t(f"note_{dimension}"), choices, index=choices.index(current or ""),
            format_func=lambda v: v or t("note_everywhere"), key=f"{key}_{dimension}"))
    return day, text, *places


def _shown(ctx: PageContext, notes: pd.DataFrame) -> pd.DataFrame:
    """The notes as the page lists them, under translated headers."""
    everywhere = ctx.t("note_everywhere")
    where = [" · ".join(str(v) for v in (r, u) if v is not None and not pd.isna(v)) or everywhere
             for r, u in zip(notes["region"], notes["unit"])]
    edited = [f"{by}, {at}" if isinstance(by, str) else "" for by, at in
              zip(notes["updated_by"], notes["updated_at"])]
    return pd.DataFrame({
        ctx.t("note_field_id"): notes["id"].astype(int), ctx.t("note_field_day"): notes["day"],
        ctx.t("note_field_text"): notes["text"], ctx.t("note_field_where"): where,
        ctx.t("note_field_written"): [f"{by}, {at}" for by, at in
                                      zip(notes["created_by"], notes["created_at"])],
        ctx.t("note_field_edited"): edited})


def annotations_editor(ctx: PageContext, store: Store) -> None:
    """The notes section: add a note, the list of every note, edit or remove one."""
    t = ctx.t
    st.subheader(t("note_heading"))
    st.caption(t("note_intro"))
    said = st.session_state.pop(SAID_KEY, None)
    if said:
        st.success(said)
    options = {dimension: list(group["value"]) for dimension, group in
               context.run_query("filter_options").groupby("dimension")}
    with st.form("note_add_form", clear_on_submit=True):
        st.markdown(f"**{t('note_add_heading')}**")
        day, text, region, unit = _fields(ctx, options, "note_new")
        if st.form_submit_button(t("note_add"), type="primary"):
            _done(ctx, lambda: annotations.add(store, day, text, user.require("annotate").name,
                                               region, unit), "note_added")
    notes = annotations_table(context.run_query, Filters())
    if notes.empty:
        st.caption(t("note_none"))
        return
    components.table(ctx, _shown(ctx, notes), "annotations", download=notes, view="annotations")
    chosen = st.selectbox(t("note_change_heading"), list(notes["id"]), key="note_chosen",
                          format_func=lambda i: _choice(notes, i))
    note = notes[notes["id"] == chosen].iloc[0]
    author = str(note["created_by"])
    if not user.can_change_note(author, removing=True):
        st.caption(t("note_not_yours"))
        return
    with st.form(f"note_edit_form_{chosen}"):
        day, text, region, unit = _fields(ctx, options, f"note_{chosen}", note)
        save, remove = st.columns(2)
        if user.can_change_note(author) and save.form_submit_button(t("note_save")):
            _done(ctx, lambda: annotations.edit(store, chosen, user.require_note(author).name,
                                                day=day, text=text, region=region, unit=unit),
                  "note_saved", chosen)
        if remove.form_submit_button(t("note_remove"), icon=":material/delete:"):
            _done(ctx, lambda: _remove(store, chosen, author), "note_removed", chosen)


def _remove(store: Store, note_id: int, author: str) -> None:
    """Remove the note, unless this session's user may not remove ``author``'s notes."""
    annotations.remove(store, note_id, user.require_note(author, removing=True).name)


def _choice(notes: pd.DataFrame, note_id: int) -> str:
    """A note as the list to choose from names it: its id, day and first words."""
    note = notes[notes["id"] == note_id].iloc[0]
    return f"{note_id} · {note['day']} · {short(note['text'], CHOICE_CHARS)}"
