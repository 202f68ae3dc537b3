"""The diff in words for every kind: items in lists matched by their id or key, each change
naming the item and what changed, from what to what, in Dutch and English. Pure: two versions
of one record from the minimal data, edited as an editor would."""

from __future__ import annotations

import textwrap
from typing import get_args

import pytest
import yaml
from conftest import MINIMAL
from pydantic import BaseModel

from generator.history.diff import RecordChange, diff_records, level_scale
from generator.history.items import LISTS, MAPPINGS
from generator.history.words import FIELD_LABELS, MODEL_LABELS
from generator.models.paths import iter_models
from generator.models.route_map import Milestone
from generator.models.theme import AmbitionScale
from generator.source.layout import KIND_BY_NAME, KINDS


def _record(kind: str, file: str, *edits: tuple[str, str], key: str | None = None):
    """The record in MINIMAL's `file` (entry `key` of a mapping file), with `edits` applied."""
    text = textwrap.dedent(MINIMAL[file])
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    data = yaml.safe_load(text)
    record_id = key or file.rsplit("/", 1)[-1].removesuffix(".yaml")
    data = data[key] if key else data
    return KIND_BY_NAME[kind].model.model_validate({**data, "id": record_id})


def _levels() -> AmbitionScale:
    """The ambition levels of the minimal data, which name and rank a level in words."""
    data = yaml.safe_load(textwrap.dedent(MINIMAL["ambition-levels.yaml"]))
    model = KIND_BY_NAME["ambition-level"].model
    return level_scale(
        {key: model.model_validate({**value, "id": key}) for key, value in data.items()}
    )


def _change(kind: str, file: str, *edits: tuple[str, str], key: str | None = None):
    old, new = _record(kind, file, key=key), _record(kind, file, *edits, key=key)
    record_id = old.id
    (change,) = diff_records(kind, {record_id: old}, {record_id: new}, _levels())
    return change


def _items(change: RecordChange) -> list[tuple[str, str, str]]:
    return [(item.field, item.key, item.action) for item in change.items]


PLAN = "action-plans/bzk-2025.yaml"
ROUTE = "route-maps/gww.yaml"
CASE = "cases/logistieke-hub.yaml"
GOAL = "klimaatneutraal-2030"
NEW_ACTION = """\
  - id: a2
    title: {nl: Circulaire meubels, en: Circular furniture}
    theme: circulair
    owner: RVB
    due: 2027-Q2
    status: not-started
indicators:"""


def test_an_action_s_status_from_what_to_what() -> None:
    change = _change("action-plan", PLAN, ("status: in-progress", "status: done"))
    assert _items(change) == [("actions", "a1", "changed")]
    (item,) = change.items
    assert [(f.field, f.old, f.new) for f in item.fields] == [("status", "in-progress", "done")]
    assert change.phrases("nl") == ["Actie 'Actie' (a1): status gewijzigd van loopt naar gereed"]
    assert change.phrases("en") == ["Action 'Action' (a1): status changed from in progress to done"]


def test_an_action_added_and_one_removed_are_matched_by_id() -> None:
    added = _change(
        "action-plan", PLAN, ("indicators:", NEW_ACTION), ("status: in-progress", "status: done")
    )
    assert _items(added) == [("actions", "a1", "changed"), ("actions", "a2", "added")]
    assert added.phrases("nl")[1] == (
        "Actie 'Circulaire meubels' (a2) toegevoegd: niet gestart, datum gereed 2e kwartaal 2027"
    )
    assert added.phrases("en")[1] == (
        "Action 'Circular furniture' (a2) added: not started, due date Q2 2027"
    )
    renamed = _change("action-plan", PLAN, ("id: a1", "id: a9"))
    assert _items(renamed) == [("actions", "a9", "added"), ("actions", "a1", "removed")]
    assert renamed.phrases("nl")[1] == "Actie 'Actie' (a1) verwijderd"


def test_an_action_s_due_date_and_title_as_the_site_shows_them() -> None:
    change = _change(
        "action-plan",
        PLAN,
        ("due: 2026-Q4", "due: 2027-03"),
        ("title: {nl: Actie, en: Action}", "title: {nl: Nieuwe actie, en: New action}"),
        ("owner: Directie Inkoop", "owner: Inkoopcentrum"),
    )
    assert change.phrases("nl") == [
        "Actie 'Nieuwe actie' (a1): titel gewijzigd van 'Actie' naar 'Nieuwe actie', uitvoerder "
        "gewijzigd van 'Directie Inkoop' naar 'Inkoopcentrum', datum gereed verschoven van "
        "4e kwartaal 2026 naar maart 2027"
    ]
    assert change.phrases("en") == [
        "Action 'New action' (a1): title changed from 'Action' to 'New action', owner changed "
        "from 'Directie Inkoop' to 'Inkoopcentrum', due date moved from Q4 2026 to March 2027"
    ]


def test_an_indicator_s_target_raised_and_its_values() -> None:
    change = _change(
        "action-plan",
        PLAN,
        ("target: {year: 2028, value: 50}", "target: {year: 2028, value: 60}"),
        (
            "- {year: 2025, value: 20}",
            "- {year: 2025, value: 18.5}\n      - {year: 2026, value: 35}",
        ),
    )
    (indicator,) = change.items
    assert (indicator.field, indicator.key, indicator.action) == ("indicators", "i1", "changed")
    assert [(i.field, i.key, i.action) for i in indicator.items] == [
        ("values", "2025", "changed"),
        ("values", "2026", "added"),
    ]
    assert change.phrases("nl") == [
        "Indicator 'Indicator' (i1): streefwaarde verhoogd van 50 % (2028) naar 60 % (2028), "
        "meting 2025 verlaagd van 20 % naar 18,5 %, meting 2026 toegevoegd: 35 %"
    ]
    assert change.phrases("en") == [
        "Indicator 'Indicator' (i1): target raised from 50 % (2028) to 60 % (2028), "
        "measurement 2025 lowered from 20 % to 18.5 %, measurement 2026 added: 35 %"
    ]


def test_a_milestone_moved_added_and_removed() -> None:
    later = _change("route-map", ROUTE, ("year: 2030", "year: 2032"), ("value: 100", "value: 90"))
    assert _items(later) == [("milestones", "2032 klimaat", "moved")]
    assert later.phrases("nl") == [
        "Mijlpaal 'Klimaatneutraal.' (klimaat) verschoven van 2030 naar 2032, waarde verlaagd "
        "van 100 % naar 90 %"
    ]
    assert later.phrases("en") == [
        "Milestone 'Climate neutral.' (klimaat) moved from 2030 to 2032, value lowered from "
        "100 % to 90 %"
    ]
    other = _change(
        "route-map",
        ROUTE,
        ("year: 2030", "year: 2032"),
        (
            "{nl: Klimaatneutraal., en: Climate neutral.}",
            "{nl: Nul uitstoot., en: Zero emissions.}",
        ),
    )  # another year and another target: not the same milestone
    assert _items(other) == [
        ("milestones", "2032 klimaat", "added"),
        ("milestones", "2030 klimaat", "removed"),
    ]
    assert other.phrases("nl") == [
        "Mijlpaal 2032 (klimaat) toegevoegd: 'Nul uitstoot.', 100 %",
        "Mijlpaal 2030 (klimaat) verwijderd (was 'Klimaatneutraal.', 100 %)",
    ]


def test_a_milestone_s_value_and_two_in_one_year_and_theme() -> None:
    change = _change("route-map", ROUTE, ("value: 100", "value: 95"))
    assert change.phrases("nl") == ["Mijlpaal 2030 (klimaat): waarde verlaagd van 100 % naar 95 %"]
    second = "- {year: 2030, theme: klimaat, target: {nl: Ook dit., en: This too.}}"
    old = _record("route-map", ROUTE)
    new = old.model_copy(update={"milestones": [*old.milestones, *_milestones(second)]})
    (added,) = diff_records("route-map", {old.id: old}, {new.id: new})
    assert _items(added) == [("milestones", "2030 klimaat#2", "added")]
    assert added.phrases("en") == ["Milestone 2030 (klimaat) added: 'This too.'"]


def _milestones(text: str) -> list[Milestone]:
    return [Milestone.model_validate(item) for item in yaml.safe_load(text)]


def test_a_key_result_s_value_and_a_relabelled_one() -> None:
    change = _change("case", CASE, ("value: 20000", "value: 25000"))
    assert _items(change) == [("key_results", "Minder kilometers", "changed")]
    assert change.phrases("nl") == [
        "Resultaat 'Minder kilometers' verhoogd van 20.000 km per jaar naar 25.000 km per jaar"
    ]
    assert change.phrases("en") == [
        "Result 'Fewer kilometres' raised from 20,000 km a year to 25,000 km a year"
    ]
    relabelled = _change(
        "case",
        CASE,
        ("{nl: Minder kilometers, en: Fewer kilometres}", "{nl: Minder km, en: Fewer km}"),
    )  # matched by its place in the list
    assert _items(relabelled) == [("key_results", "Minder km", "changed")]
    assert relabelled.phrases("nl") == [
        "Resultaat 'Minder km': omschrijving gewijzigd van 'Minder kilometers' naar 'Minder km'"
    ]


def test_a_key_result_added_and_removed() -> None:
    unit = "unit: {nl: km per jaar, en: km a year}"
    more = "\n  - {label: {nl: Minder CO2, en: Less CO2}, value: 12.5, unit: {nl: ton, en: tonnes}}"
    added = _change("case", CASE, (unit, unit + more))
    assert _items(added) == [("key_results", "Minder CO2", "added")]
    assert added.phrases("nl") == ["Resultaat 'Minder CO2' toegevoegd: 12,5 ton"]
    assert added.phrases("en") == ["Result 'Less CO2' added: 12.5 tonnes"]
    old = _record("case", CASE)
    new = old.model_copy(update={"key_results": []})
    (removed,) = diff_records("case", {old.id: old}, {new.id: new})
    assert removed.phrases("nl") == [
        "Resultaat 'Minder kilometers' verwijderd (was 20.000 km per jaar)"
    ]


def test_a_goal_s_target_and_a_measurement() -> None:
    measured = (
        "deadline: 2030",
        "deadline: 2030\n  target: {value: 100, unit: '%', year: 2030}\n  measurements:\n"
        "    - {year: 2025, value: 40, source: {title: Monitor, url: 'https://example.org/m'}}",
    )
    change = _change("goal", "goals.yaml", measured, key=GOAL)
    assert _items(change) == [("measurements", "2025", "added")]
    assert change.phrases("nl") == [
        "Streefwaarde toegevoegd: 100 % (2030)",
        "Meting 2025 toegevoegd: 40 %",
    ]
    assert change.phrases("en") == ["Target added: 100 % (2030)", "Measurement 2025 added: 40 %"]
    old = _record("goal", "goals.yaml", measured, key=GOAL)
    higher = (measured[0], measured[1].replace("value: 40", "value: 45").replace("2030}", "2035}"))
    new = _record("goal", "goals.yaml", higher, key=GOAL)
    (raised,) = diff_records("goal", {GOAL: old}, {GOAL: new})
    assert raised.phrases("nl") == [
        "Streefwaarde gewijzigd van 100 % (2030) naar 100 % (2035)",
        "Meting 2025 verhoogd van 40 % naar 45 %",
    ]


def test_an_ambition_level_raised_and_the_plain_fields() -> None:
    plan = _change(
        "category-plan",
        "category-plans/ict-werkplekken.yaml",
        ("level: significant", "level: ambitieus"),
        ("period: {start: 2025, end: 2028}", "period: {start: 2025, end: 2030}"),
    )
    assert _items(plan) == [("ambitions", "circulair", "changed")]
    assert plan.phrases("nl") == [
        "Periode gewijzigd van 2025–2028 naar 2025–2030",
        "Ambitie voor thema circulair: ambitieniveau verhoogd van significant naar ambitieus",
    ]
    assert plan.phrases("en")[1] == (
        "Ambition for theme circulair: ambition level raised from significant to ambitious"
    )
    unranked = diff_records("category-plan", {plan.id: plan.before}, {plan.id: plan.after})
    assert unranked[0].phrases("en")[1] == (  # without the levels: their ids, and no direction
        "Ambition for theme circulair: ambition level changed from significant to ambitieus"
    )
    case = _change(
        "case", CASE, ("themes: [klimaat]", "themes: [circulair]"), ("year: 2017", "year: 2018")
    )
    assert case.phrases("nl") == [
        "Thema's: circulair toegevoegd, klimaat verwijderd",
        "Jaar gewijzigd van 2017 naar 2018",
    ]
    org = _change("organisation", "organisations/rvb.yaml", ("kind: agency", "kind: other"))
    assert org.phrases("en") == ["Kind changed from agency to other"]


def test_a_long_text_is_said_to_have_changed_without_quoting_it() -> None:
    long = "Een lange samenvatting. " * 10
    change = _change("case", CASE, ("summary: {nl: Minder ritten.", f"summary: {{nl: {long}"))
    assert change.phrases("nl") == ["Samenvatting gewijzigd"]


def test_only_the_order_of_items_changed() -> None:
    old = _record("action-plan", PLAN, ("indicators:", NEW_ACTION))
    new = old.model_copy(update={"actions": list(reversed(old.actions))})
    (change,) = diff_records("action-plan", {old.id: old}, {new.id: new})
    assert change.items == ()
    assert change.phrases("nl") == ["Acties: volgorde gewijzigd"]


def _phrased_models() -> list[type[BaseModel]]:
    """The models whose fields are put in words one by one: each kind's, and the items'."""
    models = {model.__name__: model for kind in KINDS for model in iter_models(kind.model)}
    kinds = [kind.model for kind in KINDS if kind.name != "tender"]
    items = [get_args(models[name].model_fields[field].annotation)[-1] for name, field in LISTS]
    mapped = [get_args(models[name].model_fields[field].annotation)[-1] for name, field in MAPPINGS]
    return [*kinds, *items, *mapped]


@pytest.mark.parametrize("model", _phrased_models(), ids=lambda model: model.__name__)
def test_every_field_put_in_words_has_a_label(model: type[BaseModel]) -> None:
    """A field added to a model without a label would read as its code name in a change."""
    for name in model.model_fields:
        labelled = name in FIELD_LABELS or (model.__name__, name) in MODEL_LABELS
        assert labelled or name == "id", f"{model.__name__}.{name}: add it to FIELD_LABELS"
