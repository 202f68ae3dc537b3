"""Who refers to whom: the indexes that make pages link both ways, built once per build.

A category page lists its tenders because the tender names the category; a theme page lists
everything tagged with it. Every list is sorted so the same data gives the same pages.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.models import ActionPlan, Case, CategoryPlan, Goal, RouteMap, Tender
from generator.models.route_map import Milestone
from generator.models.tender import OPEN_STATUSES
from generator.source.dataset import DataSet


def tender_order(tender: Tender) -> tuple[dt.date, dt.date, str]:
    """Calendar order: expected publication, then its end (a day before a quarter), then id."""
    return tender.expected_publication.start, tender.expected_publication.end, tender.id


@dataclass
class CrossRef:
    """Reverse references between records, each list in a stable order."""

    tenders: list[Tender] = field(default_factory=list)  # all, in calendar order
    tenders_by_category: dict[str, list[Tender]] = field(default_factory=dict)
    tenders_by_buyer: dict[str, list[Tender]] = field(default_factory=dict)
    tenders_by_theme: dict[str, list[Tender]] = field(default_factory=dict)
    tenders_by_product_group: dict[str, list[Tender]] = field(default_factory=dict)
    cases: list[Case] = field(default_factory=list)  # newest first
    cases_by_theme: dict[str, list[Case]] = field(default_factory=dict)
    cases_by_category: dict[str, list[Case]] = field(default_factory=dict)
    cases_by_organisation: dict[str, list[Case]] = field(default_factory=dict)
    plans_by_theme: dict[str, list[CategoryPlan]] = field(default_factory=dict)
    plans_by_manager: dict[str, list[CategoryPlan]] = field(default_factory=dict)
    action_plans_by_organisation: dict[str, list[ActionPlan]] = field(default_factory=dict)
    action_plans_by_theme: dict[str, list[ActionPlan]] = field(default_factory=dict)
    route_maps_by_owner: dict[str, list[RouteMap]] = field(default_factory=dict)
    milestones_by_theme: dict[str, list[tuple[RouteMap, Milestone]]] = field(default_factory=dict)
    goals_by_theme: dict[str, list[Goal]] = field(default_factory=dict)
    goal_parts: dict[str, list[Goal]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)  # organisation → its units

    @property
    def open_tenders(self) -> list[Tender]:
        return [tender for tender in self.tenders if tender.status in OPEN_STATUSES]


def build_crossref(data: DataSet) -> CrossRef:
    ref = CrossRef()
    ref.tenders = sorted(data.tenders.values(), key=tender_order)
    by_category, by_buyer, by_theme = defaultdict(list), defaultdict(list), defaultdict(list)
    by_group: defaultdict[str, list[Tender]] = defaultdict(list)
    for tender in ref.tenders:
        if tender.category:
            by_category[tender.category].append(tender)
        by_buyer[tender.buyer].append(tender)
        for theme in sorted(tender.themes):
            by_theme[theme].append(tender)
        if tender.product_group:
            by_group[tender.product_group].append(tender)
    ref.tenders_by_category, ref.tenders_by_buyer = dict(by_category), dict(by_buyer)
    ref.tenders_by_theme, ref.tenders_by_product_group = dict(by_theme), dict(by_group)

    ref.cases = sorted(data.cases.values(), key=lambda case: (-case.year, case.id))
    cases_theme, cases_category, cases_org = defaultdict(list), defaultdict(list), defaultdict(list)
    for case in ref.cases:
        for theme in case.themes:
            cases_theme[theme].append(case)
        for category in case.categories:
            cases_category[category].append(case)
        for organisation in case.organisations:
            cases_org[organisation].append(case)
    ref.cases_by_theme, ref.cases_by_category = dict(cases_theme), dict(cases_category)
    ref.cases_by_organisation = dict(cases_org)

    plans_theme, plans_manager = defaultdict(list), defaultdict(list)
    for plan in sorted(data.category_plans.values(), key=lambda plan: plan.name.nl):
        for theme in plan.ambitions:
            plans_theme[theme].append(plan)
        if plan.category_manager:
            plans_manager[plan.category_manager].append(plan)
    ref.plans_by_theme, ref.plans_by_manager = dict(plans_theme), dict(plans_manager)

    actions_org, actions_theme = defaultdict(list), defaultdict(list)
    for action_plan in sorted(data.action_plans.values(), key=lambda plan: plan.id):
        actions_org[action_plan.organisation].append(action_plan)
        themes = set(action_plan.ambitions) | {action.theme for action in action_plan.actions}
        for theme in sorted(themes):
            actions_theme[theme].append(action_plan)
    ref.action_plans_by_organisation = dict(actions_org)
    ref.action_plans_by_theme = dict(actions_theme)

    routes_owner, milestones = defaultdict(list), defaultdict(list)
    for route_map in sorted(data.route_maps.values(), key=lambda route: route.id):
        routes_owner[route_map.owner].append(route_map)
        for milestone in route_map.milestones:
            milestones[milestone.theme].append((route_map, milestone))
    ref.route_maps_by_owner, ref.milestones_by_theme = dict(routes_owner), dict(milestones)

    goals_theme, parts = defaultdict(list), defaultdict(list)
    for goal in sorted(data.goals.values(), key=lambda goal: (goal.order, goal.id)):
        if goal.theme:
            goals_theme[goal.theme].append(goal)
        if goal.part_of:
            parts[goal.part_of].append(goal)
    ref.goals_by_theme, ref.goal_parts = dict(goals_theme), dict(parts)

    children = defaultdict(list)
    for org in sorted(data.organisations.values(), key=lambda org: org.id):
        if org.parent:
            children[org.parent].append(org.id)
    ref.children = dict(children)
    return ref
