"""The tender calendar as one flat table: a row per tender, a typed column per fact.

The column list is the single description of the CSV and XLSX downloads: the writers take their
headers and types from it, and the Open data page takes its field documentation from it. Each
language has its own files: the Dutch ones have Dutch headers and code labels, as suppliers'
spreadsheets in the Netherlands expect (and as `mvi-site import` reads them back); the English
ones have English headers, labels and titles (the Dutch title where there is no English one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from generator.base.i18n import Lang, label
from generator.base.tables import CellKind, Sheet, SheetColumn
from generator.base.urls import record_url
from generator.models import Tender
from generator.models.common import add_months
from generator.models.theme import AmbitionScale

if TYPE_CHECKING:
    from generator.history.git import History
from generator.source.dataset import DataSet

_Value = Callable[[Tender, "_Context"], Any]


@dataclass(frozen=True)
class _Context:
    """What the cells look up, built once per sheet: the data set's indexes are not cached."""

    site_url: str
    lang: Lang
    names: dict[str, dict[str, str]]  # kind → id → name in the sheet's language
    themes: dict[str, str]  # theme id → name in the sheet's language
    theme_order: Callable[[str], tuple[int, str]]
    levels: AmbitionScale  # the ambition levels, which name each level
    changed: dict[str, dt.date]  # tender id → the date of the commit that last changed it


@dataclass(frozen=True)
class CalendarColumn:
    """A column of the calendar table: Dutch header, cell type, meaning in both languages."""

    header: str
    kind: CellKind
    doc: tuple[str, str]  # (Dutch, English)
    value: _Value
    derived: bool = False  # made by the site from other columns: `mvi-site import` skips it

    def description(self, lang: Lang) -> str:
        return self.doc[0] if lang == "nl" else self.doc[1]

    def heading(self, lang: Lang) -> str:
        """The header in the file of that language."""
        return self.header if lang == "nl" else ENGLISH_HEADERS[self.header]


def _name(kind: str, field: str) -> _Value:
    """The name of the record a field refers to (organisation, category), or None."""

    def value(tender: Tender, ctx: _Context) -> str | None:
        ref = getattr(tender, field)
        return ctx.names[kind].get(ref, ref) if ref else None

    return value


def _themes(tender: Tender, ctx: _Context) -> str | None:
    parts = []
    for theme_id in sorted(tender.themes, key=ctx.theme_order):
        name = ctx.themes.get(theme_id, theme_id)
        level = ctx.levels.label(tender.themes[theme_id].level, ctx.lang).lower()
        parts.append(f"{name}: {level}")
    return "; ".join(parts) or None


def _contract_end(tender: Tender) -> dt.date | None:
    """The last day of the contract without extensions, when start and duration are known."""
    if tender.contract_start is None or tender.duration is None:
        return None
    return add_months(tender.contract_start.start, tender.duration.months) - dt.timedelta(days=1)


def _value(attr: str) -> _Value:
    return lambda tender, ctx: getattr(tender, attr)


COLUMNS: tuple[CalendarColumn, ...] = (
    CalendarColumn(
        "Kenmerk",
        "text",
        (
            "Vaste sleutel van de aanbesteding; verandert nooit.",
            "Permanent key of the tender; never changes.",
        ),
        lambda tender, ctx: tender.id,
    ),
    CalendarColumn(
        "Titel",
        "text",
        ("Titel van de aanbesteding.", "Title of the tender (Dutch)."),
        lambda tender, ctx: tender.title.get(ctx.lang),
    ),
    CalendarColumn(
        "Voorbeeld",
        "boolean",
        (
            "Ja: een illustratief record, geen echte planning of toezegging.",
            "Yes: an illustrative record, not a real plan or commitment.",
        ),
        _value("example"),
    ),
    CalendarColumn(
        "Status",
        "text",
        (
            "Gepland, Marktconsultatie, Gepubliceerd, Gegund of Ingetrokken.",
            "Planned (Gepland), market consultation (Marktconsultatie), published (Gepubliceerd), "
            "awarded (Gegund) or withdrawn (Ingetrokken).",
        ),
        lambda tender, ctx: label("status", tender.status, ctx.lang),
    ),
    CalendarColumn(
        "Zekerheid planning",
        "text",
        (
            "Indicatief, Gepland of Bevestigd: hoe vast de planning is.",
            "Indicative (Indicatief), planned (Gepland) or confirmed (Bevestigd): how firm the "
            "planning is.",
        ),
        lambda tender, ctx: label("certainty", tender.certainty, ctx.lang),
    ),
    CalendarColumn(
        "Verwachte publicatie",
        "text",
        (
            "Verwachte publicatie van de aankondiging: een dag (2027-05-14), maand (2027-05) of "
            "kwartaal (2027-Q2).",
            "Expected publication of the contract notice: a day (2027-05-14), a month (2027-05) "
            "or a quarter (2027-Q2).",
        ),
        lambda tender, ctx: str(tender.expected_publication),
    ),
    CalendarColumn(
        "Verwachte publicatie vanaf",
        "date",
        ("Eerste dag van de verwachte publicatie.", "First day of the expected publication."),
        lambda tender, ctx: tender.expected_publication.start,
        derived=True,
    ),
    CalendarColumn(
        "Verwachte publicatie tot en met",
        "date",
        ("Laatste dag van de verwachte publicatie.", "Last day of the expected publication."),
        lambda tender, ctx: tender.expected_publication.end,
        derived=True,
    ),
    CalendarColumn(
        "Marktconsultatie",
        "text",
        (
            "Geplande marktconsultatie: dag, maand of kwartaal; leeg als er geen is gepland.",
            "Planned market consultation: day, month or quarter; empty when none is planned.",
        ),
        lambda tender, ctx: (
            str(tender.market_consultation.planned) if tender.market_consultation else None
        ),
    ),
    CalendarColumn(
        "Inkopende organisatie",
        "text",
        ("Naam van de aanbestedende dienst.", "Name of the contracting authority."),
        _name("organisation", "buyer"),
        derived=True,
    ),
    CalendarColumn(
        "Inkopende organisatie (kenmerk)",
        "text",
        (
            "Vaste sleutel van de aanbestedende dienst.",
            "Permanent key of the contracting authority.",
        ),
        _value("buyer"),
    ),
    CalendarColumn(
        "Inkoopcategorie",
        "text",
        (
            "Rijksbrede inkoopcategorie, als die bekend is.",
            "Government-wide procurement category, when known.",
        ),
        _name("category-plan", "category"),
        derived=True,
    ),
    CalendarColumn(
        "Inkoopcategorie (kenmerk)",
        "text",
        ("Vaste sleutel van de inkoopcategorie.", "Permanent key of the procurement category."),
        _value("category"),
    ),
    CalendarColumn(
        "Soort opdracht",
        "text",
        (
            "Werken, Leveringen of Diensten.",
            "Works (Werken), supplies (Leveringen) or services (Diensten).",
        ),
        lambda tender, ctx: label("kind", tender.kind, ctx.lang),
    ),
    CalendarColumn(
        "Procedure",
        "text",
        (
            "Voorziene aanbestedingsprocedure, als die bekend is.",
            "Intended procurement procedure, when known (Dutch name).",
        ),
        lambda tender, ctx: (
            label("procedure", tender.procedure, ctx.lang) if tender.procedure else None
        ),
    ),
    CalendarColumn(
        "Boven Europese drempel",
        "boolean",
        (
            "Ja als de opdracht Europees wordt aanbesteed.",
            "Yes when the contract is above the EU threshold.",
        ),
        _value("above_eu_threshold"),
    ),
    CalendarColumn(
        "Geraamde waarde minimum (EUR)",
        "integer",
        (
            "Laagste raming van de totale waarde, in euro's exclusief btw.",
            "Lowest estimate of the total value, in euros excluding VAT.",
        ),
        lambda tender, ctx: tender.estimated_value.min if tender.estimated_value else None,
    ),
    CalendarColumn(
        "Geraamde waarde maximum (EUR)",
        "integer",
        (
            "Hoogste raming van de totale waarde, in euro's exclusief btw.",
            "Highest estimate of the total value, in euros excluding VAT.",
        ),
        lambda tender, ctx: tender.estimated_value.max if tender.estimated_value else None,
    ),
    CalendarColumn(
        "CPV-codes",
        "text",
        (
            "CPV-codes van de opdracht, gescheiden door puntkomma's.",
            "CPV codes of the contract, separated by semicolons.",
        ),
        lambda tender, ctx: "; ".join(tender.cpv),
    ),
    CalendarColumn(
        "Start opdracht",
        "date",
        (
            "Eerste dag van de voorziene start van de opdracht.",
            "First day of the planned contract start.",
        ),
        lambda tender, ctx: tender.contract_start.start if tender.contract_start else None,
    ),
    CalendarColumn(
        "Looptijd (maanden)",
        "integer",
        (
            "Looptijd van de opdracht zonder verlengingen, in maanden.",
            "Contract duration without extensions, in months.",
        ),
        lambda tender, ctx: tender.duration.months if tender.duration else None,
    ),
    CalendarColumn(
        "Verlengingsopties (maanden)",
        "integer",
        ("Mogelijke verlenging in totaal, in maanden.", "Possible extensions in total, in months."),
        lambda tender, ctx: tender.duration.extension_months if tender.duration else None,
    ),
    CalendarColumn(
        "Einde opdracht",
        "date",
        (
            "Laatste dag van de opdracht zonder verlengingen, berekend uit start en looptijd.",
            "Last day of the contract without extensions, computed from start and duration.",
        ),
        lambda tender, ctx: _contract_end(tender),
        derived=True,
    ),
    CalendarColumn(
        "Aantal percelen",
        "integer",
        (
            "Aantal percelen; 0 als de opdracht niet in percelen is verdeeld.",
            "Number of lots; 0 when the contract is not divided into lots.",
        ),
        lambda tender, ctx: len(tender.lots),
    ),
    CalendarColumn(
        "MVI-thema's en ambitieniveau",
        "text",
        (
            "Elk MVI-thema met zijn ambitieniveau (zie de pagina Ambitieniveaus), gescheiden "
            "door puntkomma's: Klimaat: ambitieus; Circulair: basis.",
            "Each MVI theme with its ambition level (see the page Ambition levels), separated "
            "by semicolons: Climate: ambitious; Circular economy: basic.",
        ),
        _themes,
    ),
    CalendarColumn(
        "MVI-criteria productgroep",
        "text",
        (
            "De productgroep van de MVI-criteria die wordt toegepast.",
            "The product group of the MVI criteria that will be applied.",
        ),
        _name("product-group", "product_group"),
        derived=True,
    ),
    CalendarColumn(
        "MVI-criteria productgroep (kenmerk)",
        "text",
        ("Vaste sleutel van de productgroep.", "Permanent key of the product group."),
        _value("product_group"),
    ),
    CalendarColumn(
        "Innovatie-instrumenten",
        "text",
        (
            "De instrumenten voor innovatiegericht inkopen (challenge, SBIR, Startup in "
            "Residence, …), gescheiden door puntkomma's.",
            "The instruments of innovation-oriented procurement (challenge, SBIR, Startup in "
            "Residence, …), separated by semicolons.",
        ),
        lambda tender, ctx: (
            "; ".join(label("instrument", code, ctx.lang) for code in tender.innovation_instruments)
            or None
        ),
    ),
    CalendarColumn(
        "Weging maatschappelijke impact (%)",
        "integer",
        (
            "Het deel van de gunning dat op maatschappelijke impact rust, in procenten.",
            "The share of the award based on social impact, as a percentage.",
        ),
        _value("social_impact_weighting"),
    ),
    CalendarColumn(
        "Social return",
        "boolean",
        (
            "Ja als social return wordt gevraagd (het thema social-return).",
            "Yes when social return is required (the theme social-return).",
        ),
        _value("social_return"),
        derived=True,
    ),
    CalendarColumn(
        "Internationale sociale voorwaarden",
        "boolean",
        (
            "Ja als internationale sociale voorwaarden gelden (het thema "
            "internationale-sociale-voorwaarden).",
            "Yes when international social conditions apply (the theme "
            "internationale-sociale-voorwaarden).",
        ),
        _value("international_social_conditions"),
        derived=True,
    ),
    CalendarColumn(
        "Geschikt voor mkb",
        "boolean",
        (
            "Ja als de opdracht geschikt is voor het midden- en kleinbedrijf.",
            "Yes when the contract suits small and medium-sized enterprises.",
        ),
        _value("sme_suitable"),
    ),
    CalendarColumn(
        "Reden intrekking",
        "text",
        (
            "Waarom de aanbesteding is ingetrokken; alleen bij Ingetrokken.",
            "Why the tender was withdrawn; only when withdrawn.",
        ),
        lambda tender, ctx: (
            tender.withdrawal_reason.get(ctx.lang) if tender.withdrawal_reason else None
        ),
    ),
    CalendarColumn(
        "TenderNed",
        "url",
        (
            "De aankondiging op TenderNed, zodra die is gepubliceerd.",
            "The notice on TenderNed, once published.",
        ),
        _value("tenderned_url"),
    ),
    CalendarColumn(
        "Gepubliceerd op",
        "date",
        (
            "De dag waarop de aankondiging op TenderNed verscheen; leeg zolang die niet is "
            "gepubliceerd.",
            "The day the notice appeared on TenderNed; empty until it is published.",
        ),
        _value("published_on"),
    ),
    CalendarColumn(
        "Gegund op",
        "date",
        ("De dag van de gunning; alleen bij Gegund.", "The day of the award; only when awarded."),
        _value("awarded_on"),
    ),
    CalendarColumn(
        "Ingetrokken op",
        "date",
        (
            "De dag waarop de aanbesteding werd ingetrokken, als die is opgegeven.",
            "The day the tender was withdrawn, when given.",
        ),
        _value("withdrawn_on"),
    ),
    CalendarColumn(
        "Contactpersoon",
        "text",
        (
            "Naam van de contactpersoon, als die is opgegeven.",
            "Name of the contact person, when given.",
        ),
        lambda tender, ctx: tender.contact.name,
    ),
    CalendarColumn(
        "Contact e-mail",
        "text",
        (
            "E-mailadres voor vragen over deze aanbesteding.",
            "E-mail address for questions about this tender.",
        ),
        lambda tender, ctx: tender.contact.email,
    ),
    CalendarColumn(
        "Contact telefoon",
        "text",
        ("Telefoonnummer, als dat is opgegeven.", "Telephone number, when given."),
        lambda tender, ctx: tender.contact.phone,
    ),
    CalendarColumn(
        "Laatst gewijzigd",
        "date",
        (
            "Datum van de Git-commit die dit record het laatst wijzigde; leeg als die niet bekend "
            "is (een build zonder Git-geschiedenis).",
            "Date of the Git commit that last changed this record; empty when that is not known "
            "(a build without Git history).",
        ),
        lambda tender, ctx: ctx.changed.get(tender.id),
        derived=True,
    ),
    CalendarColumn(
        "Webpagina",
        "url",
        ("De pagina van deze aanbesteding op deze site.", "This tender's page on this site."),
        lambda tender, ctx: urljoin(ctx.site_url, record_url("tender", tender.id, ctx.lang)),
        derived=True,
    ),
)


ENGLISH_HEADERS: dict[str, str] = {
    "Kenmerk": "Key",
    "Titel": "Title",
    "Voorbeeld": "Example",
    "Status": "Status",
    "Zekerheid planning": "Certainty of planning",
    "Verwachte publicatie": "Expected publication",
    "Verwachte publicatie vanaf": "Expected publication from",
    "Verwachte publicatie tot en met": "Expected publication until",
    "Marktconsultatie": "Market consultation",
    "Inkopende organisatie": "Buyer",
    "Inkopende organisatie (kenmerk)": "Buyer (key)",
    "Inkoopcategorie": "Procurement category",
    "Inkoopcategorie (kenmerk)": "Procurement category (key)",
    "Soort opdracht": "Kind of contract",
    "Procedure": "Procedure",
    "Boven Europese drempel": "Above EU threshold",
    "Geraamde waarde minimum (EUR)": "Estimated value minimum (EUR)",
    "Geraamde waarde maximum (EUR)": "Estimated value maximum (EUR)",
    "CPV-codes": "CPV codes",
    "Start opdracht": "Contract start",
    "Looptijd (maanden)": "Duration (months)",
    "Verlengingsopties (maanden)": "Extension options (months)",
    "Einde opdracht": "Contract end",
    "Aantal percelen": "Number of lots",
    "MVI-thema's en ambitieniveau": "MVI themes and ambition level",
    "MVI-criteria productgroep": "MVI criteria product group",
    "MVI-criteria productgroep (kenmerk)": "MVI criteria product group (key)",
    "Innovatie-instrumenten": "Innovation instruments",
    "Weging maatschappelijke impact (%)": "Social impact weighting (%)",
    "Social return": "Social return",
    "Internationale sociale voorwaarden": "International social conditions",
    "Geschikt voor mkb": "Suitable for SMEs",
    "Reden intrekking": "Reason for withdrawal",
    "TenderNed": "TenderNed",
    "Gepubliceerd op": "Published on",
    "Gegund op": "Awarded on",
    "Ingetrokken op": "Withdrawn on",
    "Contactpersoon": "Contact person",
    "Contact e-mail": "Contact e-mail",
    "Contact telefoon": "Contact telephone",
    "Laatst gewijzigd": "Last changed",
    "Webpagina": "Web page",
}


def calendar_sheet(
    data: DataSet,
    tenders: Sequence[Tender],
    site_url: str,
    name: str,
    history: History,
    lang: Lang = "nl",
) -> Sheet:
    """The tenders, in the order given (calendar order), as a typed table in `lang`."""
    names = {
        kind: {record_id: record.name.get(lang) for record_id, record in data.records(kind).items()}
        for kind in ("organisation", "category-plan", "product-group")
    }
    themes = {theme_id: theme.name.get(lang) for theme_id, theme in data.themes.items()}
    changed = {}
    for tender in tenders:
        if commit := history.last_change("tender", tender.id, tender):
            changed[tender.id] = commit.date
    ctx = _Context(
        site_url, lang, names, themes, data.theme_order(), data.ambition_scale(), changed
    )
    columns = [
        SheetColumn(c.heading(lang), c.kind, c.description(lang), c.description("en"))
        for c in COLUMNS
    ]
    rows = [[column.value(tender, ctx) for column in COLUMNS] for tender in tenders]
    return Sheet(name, columns, rows, lang)
