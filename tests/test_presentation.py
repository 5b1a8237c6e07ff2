"""Presentation mode, run by AppTest on the demo store: the deck's slides one at a time, the
slide number in the URL, the buttons, auto-advance and the ways out."""

from __future__ import annotations

import html
import time

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction import slides
from satisfaction.i18n import t
from satisfaction.ui import context, presentation


def dashboard(monkeypatch, db, **query) -> AppTest:
    monkeypatch.setenv("SATISFACTION_DB", str(db))
    at = AppTest.from_file("../dashboard.py", default_timeout=180)
    at.query_params.update(query)
    at.run()
    assert not at.exception, at.exception
    return at


def expected_deck(at: AppTest) -> list[slides.Slide]:
    """The deck for the context the app ran with, built outside the app on the same store."""
    return slides.deck(at.session_state["page_context"], context.run_query)


def shown_title(at: AppTest) -> str:
    bodies = [h.value for h in at.html if 'class="slide-title"' in h.value]
    assert len(bodies) == 1, f"{len(bodies)} slide titles shown"
    return bodies[0]


def slide_caption(at: AppTest) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Slide "))


@pytest.fixture
def presenting(monkeypatch, demo_store_path, fresh_streamlit):
    """The app opened on a link to slide 2 of the presentation, and the deck it shows."""
    at = dashboard(monkeypatch, demo_store_path, present="true", slide="2")
    deck = expected_deck(at)
    assert len(deck) >= 3, "the demo deck has a slide for at least three pages"
    return at, deck


def test_a_link_to_a_slide_shows_that_slide_and_no_page(presenting):
    at, deck = presenting
    assert deck[1].title in shown_title(at)
    for finding in deck[1].findings[:3]:
        assert any(html.escape(finding) in h.value for h in at.html)
    assert slide_caption(at).startswith(f"Slide 2 of {len(deck)}")
    assert at.query_params["slide"] == "2"
    assert not at.title, "a page ran under the slide"
    charts = at.get("vega_lite_chart")
    assert len(charts) == (deck[1].chart is not None)


def test_the_buttons_move_through_the_deck_and_the_url_follows(presenting):
    at, deck = presenting
    at.button(key="slide_next").click().run()
    assert deck[2].title in shown_title(at) and at.query_params["slide"] == "3"
    at.button(key="slide_previous").click().run()
    at.button(key="slide_previous").click().run()
    assert deck[0].title in shown_title(at) and at.query_params["slide"] == "1"
    assert at.button(key="slide_previous").disabled, "there is nothing before the first slide"
    for _ in deck[1:]:
        at.button(key="slide_next").click().run()
    assert deck[-1].title in shown_title(at)
    assert at.button(key="slide_next").disabled, "there is nothing after the last slide"
    assert not at.exception


def test_a_slide_number_out_of_range_shows_the_nearest_slide(monkeypatch, demo_store_path,
                                                             fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path, present="true", slide="999")
    deck = expected_deck(at)
    assert deck[-1].title in shown_title(at)
    assert at.query_params["slide"] == str(len(deck))


def test_auto_advance_moves_on_once_the_slide_has_been_up_long_enough(presenting):
    at, deck = presenting
    at.query_params["advance"] = "1"
    at.session_state[presentation.SINCE] = time.monotonic() + 3600  # just shown, however slow
    at.run()
    assert at.query_params["advance"] == str(presentation.MIN_ADVANCE_SECONDS)
    assert deck[1].title in shown_title(at), "moved on before the slide had been read"
    at.session_state[presentation.SINCE] = 0.0  # shown long ago
    at.run()
    assert deck[2].title in shown_title(at) and at.query_params["slide"] == "3"


def test_auto_advance_starts_again_after_the_last_slide(monkeypatch, demo_store_path,
                                                       fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path, present="true", slide="999", advance="30")
    deck = expected_deck(at)
    at.session_state[presentation.SINCE] = 0.0
    at.run()
    assert deck[0].title in shown_title(at) and at.query_params["slide"] == "1"


def test_presenting_starts_on_the_slide_of_the_page_it_is_started_from(
        monkeypatch, demo_store_path, fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path)
    at.switch_page("app_pages/kano.py").run()
    at.toggle(key="present").set_value(True).run()
    deck = expected_deck(at)
    kano = next(number for number, s in enumerate(deck, 1) if s.page == "kano")
    assert at.query_params["slide"] == str(kano)
    assert deck[kano - 1].title in shown_title(at)


def test_leaving_shows_the_page_again_and_clears_the_slide_from_the_url(presenting):
    at, _ = presenting
    at.button(key="leave_presentation").click().run()
    assert not at.exception
    assert "present" not in at.query_params and "slide" not in at.query_params
    assert at.title and at.title[0].value == "Customer satisfaction", "the Overview runs again"
    assert not [h for h in at.html if 'class="slide-title"' in h.value]


def test_the_full_page_button_opens_the_slides_page_with_the_filters(
        monkeypatch, demo_store_path, fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path, present="true", slide="2", region="East",
                   lang="zh")
    page = expected_deck(at)[1].page
    at.button(key="slide_full_page").click().run()
    assert not at.exception
    assert "present" not in at.query_params and "slide" not in at.query_params
    assert at.query_params["region"] == "East" and at.query_params["lang"] == "zh"
    assert at.session_state["page_context"].presentation is False
    title = t("app_title" if page == "overview" else f"page_{page}", "zh")
    assert [h.value for h in at.title] == [title], f"the {page} page did not run"


def test_nothing_to_present_says_so_and_offers_the_way_out(monkeypatch, demo_store_path,
                                                           fresh_streamlit):
    monkeypatch.setattr(slides, "BUILDERS", {})
    at = dashboard(monkeypatch, demo_store_path, present="true")
    assert [i.value for i in at.main.info] == [
        "Nothing to present for these filters: no page has a figure to show."]
    at.button(key="leave_presentation").click().run()
    assert at.title and "present" not in at.query_params
