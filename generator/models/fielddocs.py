"""What every field of every model means, in Dutch and English, for the field reference pages.

`FIELDS` describes each field as `"Model.field"`; `TYPES` describes the shared value types
(bilingual text, planned dates, ids, …) once. `field_rows` turns a model into table rows and
raises when a field has no description, so a generated page never shows an empty cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.base.i18n import Lang
from generator.models.common import (
    Cpv,
    Email,
    Id,
    LocalizedMarkdown,
    LocalizedText,
    LocalizedTitle,
    PlannedDate,
    Url,
    Year,
)
from generator.models.paths import iter_models
from generator.models.theme import OcdsGoal
from generator.models.typehints import alternatives, ref_marker, unwrap
from generator.source.layout import KINDS

Description = dict[str, str]  # {"nl": …, "en": …}

# --- Shared value types ----------------------------------------------------------------------

TYPES: dict[str, Description] = {
    "Text": {
        "nl": "Tekst zonder opmaak, in het Nederlands (`veld: Tekst`) of in het Nederlands en "
        "Engels (`veld: {nl: …, en: …}`), hoogstens 2000 tekens. Zonder Engels toont de Engelse "
        "site de Nederlandse tekst.",
        "en": "Plain text, in Dutch (`field: Text`) or in Dutch and English "
        "(`field: {nl: …, en: …}`), at most 2,000 characters. Without English, the English site "
        "shows the Dutch text.",
    },
    "Title": {
        "nl": "Een titel of naam, in het Nederlands of als `{nl: …, en: …}`, hoogstens 200 tekens, "
        "zonder opmaak.",
        "en": "A title or name, in Dutch or as `{nl: …, en: …}`, at most 200 characters, without "
        "markup.",
    },
    "Markdown": {
        "nl": "Tekst met eenvoudige opmaak in Markdown: alinea's, *nadruk*, lijsten en links met "
        "https:// of mailto:. Geen HTML. In het Nederlands of als `{nl: …, en: …}`.",
        "en": "Text with simple Markdown formatting: paragraphs, *emphasis*, lists and links with "
        "https:// or mailto:. No HTML. In Dutch or as `{nl: …, en: …}`.",
    },
    "PlannedDate": {
        "nl": "Een geplande datum, zo precies als bekend: een dag (2027-05-14), een maand "
        "(2027-05) of een kwartaal (2027-Q2).",
        "en": "A planned date, as precise as it is known: a day (2027-05-14), a month (2027-05) "
        "or a quarter (2027-Q2).",
    },
    "Date": {
        "nl": "Een datum als jaar-maand-dag, zoals 2027-03-31.",
        "en": "A date as year-month-day, such as 2027-03-31.",
    },
    "Year": {
        "nl": "Een jaartal van 2000 tot en met 2100, zoals 2030.",
        "en": "A year from 2000 to 2100, such as 2030.",
    },
    "Id": {
        "nl": "Een id: alleen kleine letters, cijfers en streepjes, zoals "
        "rws-2027-a12-asfalt-onderhoud, hoogstens 80 tekens.",
        "en": "An id: lower-case letters, digits and hyphens only, such as "
        "rws-2027-a12-asfalt-onderhoud, at most 80 characters.",
    },
    "Ref": {
        "nl": "Een verwijzing naar een ander record door de id ervan, zoals ubr voor "
        "data/organisations/ubr.yaml. De controle meldt een id die niet bestaat.",
        "en": "A reference to another record by its id, such as ubr for "
        "data/organisations/ubr.yaml. The check reports an id that does not exist.",
    },
    "Url": {
        "nl": "Een webadres dat begint met https://, zonder spaties, gebruikersnaam of "
        "wachtwoord. Een adres met http:// geeft een waarschuwing.",
        "en": "A web address starting with https://, without spaces, user name or password. An "
        "address with http:// gives a warning.",
    },
    "Email": {
        "nl": "Een e-mailadres, zoals inkoop@minbzk.nl. Een functionele mailbox is genoeg.",
        "en": "An e-mail address, such as inkoop@minbzk.nl. A functional mailbox is enough.",
    },
    "Cpv": {
        "nl": "Een CPV-code: de Europese code voor het soort product, dienst of werk, als acht "
        "cijfers, een streepje en een controlecijfer, zoals 55520000-1.",
        "en": "A CPV code: the European code for the kind of product, service or work, written "
        "as eight digits, a hyphen and a check digit, such as 55520000-1.",
    },
    "AmbitionLevel": {
        "nl": "Een niveau van het ambitieweb: de id van een niveau in data/ambition-levels.yaml, "
        "zoals basis, significant of ambitieus. Dat bestand zegt wat elk niveau inhoudt en in "
        "welke volgorde de niveaus oplopen.",
        "en": "A level of the ambition web: the id of a level in data/ambition-levels.yaml, such "
        "as basis, significant or ambitieus. That file says what each level means and in which "
        "order the levels rise.",
    },
    "Boolean": {
        "nl": "Ja of nee, geschreven als true of false (niet als ja of nee).",
        "en": "Yes or no, written as true or false (not as yes or no).",
    },
    "Number": {
        "nl": "Een getal in cijfers, met een punt als decimaalteken en zonder scheiding tussen "
        "duizendtallen: 1250000 of 12.5.",
        "en": "A number in digits, with a point as decimal separator and no thousands "
        "separator: 1250000 or 12.5.",
    },
}

# --- Descriptions used by several models -----------------------------------------------------

_EXAMPLE: Description = {
    "nl": "true als het record verzonnen is voor de voorbeeldgegevens; de site meldt dan dat "
    "het een voorbeeld is. Standaard false.",
    "en": "true if the record is invented for the example data; the site then says that it is "
    "an example. Defaults to false.",
}
_THEME: Description = {
    "nl": "Het MVI-thema: de id van een thema in data/themes.yaml, zoals klimaat.",
    "en": "The MVI theme: the id of a theme in data/themes.yaml, such as klimaat.",
}
_LEVEL: Description = {
    "nl": "Het ambitieniveau: de id van een niveau in data/ambition-levels.yaml, zoals basis, "
    "significant of ambitieus.",
    "en": "The ambition level: the id of a level in data/ambition-levels.yaml, such as basis "
    "(basic), significant or ambitieus (ambitious).",
}
_PERIOD: Description = {
    "nl": "De jaren waarvoor het plan geldt, zoals 2025 tot en met 2028.",
    "en": "The years the plan covers, such as 2025 to 2028.",
}
_AMBITIONS: Description = {
    "nl": "Per MVI-thema (de id van een thema in data/themes.yaml) het gekozen ambitieniveau en "
    "de doelen daarachter. Standaard leeg.",
    "en": "For each MVI theme (the id of a theme in data/themes.yaml) the chosen ambition level "
    "and the targets behind it. Empty by default.",
}
_PLAN_LINK: Description = {
    "nl": "Een link naar het volledige plan, als dat gepubliceerd is. Optioneel.",
    "en": "A link to the full plan, if it is published. Optional.",
}


def _file_id(folder: str, example: str) -> Description:
    """The description of an `id` that is the file name in a folder of `data/`."""
    return {
        "nl": f"De id: de bestandsnaam in data/{folder}/ zonder .yaml, zoals {example}. Staat niet "
        "in het bestand zelf; andere records verwijzen ermee naar dit record.",
        "en": f"The id: the file name in data/{folder}/ without .yaml, such as {example}. It is "
        "not written in the file itself; other records refer to this one by it.",
    }


def _key_id(file: str, example: str) -> Description:
    """The description of an `id` that is the key of an entry in a list file of `data/`."""
    return {
        "nl": f"De id: de sleutel waaronder het record in data/{file} staat, zoals {example}. "
        "Andere records verwijzen ermee naar dit record.",
        "en": f"The id: the key the record is listed under in data/{file}, such as {example}. "
        "Other records refer to this one by it.",
    }


def _item_id(what_nl: str, what_en: str) -> Description:
    """The description of an `id` written in the file, unique within its plan."""
    return {
        "nl": f"Een id voor {what_nl}, uniek binnen het plan: kleine letters, cijfers en "
        "streepjes.",
        "en": f"An id for {what_en}, unique within the plan: lower-case letters, digits and "
        "hyphens.",
    }


# --- Every field of every model --------------------------------------------------------------

FIELDS: dict[str, Description] = {
    # Theme (data/themes.yaml)
    "Theme.id": _key_id("themes.yaml", "klimaat"),
    "Theme.name": {
        "nl": "De naam van het thema, zoals Klimaat of Circulair.",
        "en": "The name of the theme, such as Climate or Circular economy.",
    },
    "Theme.summary": {
        "nl": "Een korte samenvatting van het thema, in een of twee zinnen.",
        "en": "A short summary of the theme, in one or two sentences.",
    },
    "Theme.description": {
        "nl": "Een uitgebreidere toelichting op het thema. Optioneel.",
        "en": "A fuller explanation of the theme. Optional.",
    },
    "Theme.ocds_goal": {
        "nl": "Het duurzaamheidsdoel van het thema in de open data (OCDS): een code uit de "
        "codelijst sustainabilityGoal van de OCDS-uitbreiding voor duurzaamheid, zoals "
        "environmental.circularEconomy; de bovenliggende code (environmental, social, economic) "
        "als het thema breder is dan elke subcode. Zonder code noemt OCDS geen doel. Optioneel.",
        "en": "The theme's sustainability goal in the open data (OCDS): a code of the "
        "sustainabilityGoal codelist of the OCDS sustainability extension, such as "
        "environmental.circularEconomy; the parent code (environmental, social, economic) when "
        "the theme is broader than any sub-code. Without a code, OCDS names no goal. Optional.",
    },
    "Theme.order": {
        "nl": "De plaats van het thema in lijsten: een lager getal komt eerder; bij een gelijk "
        "getal telt de id. Standaard 0.",
        "en": "The place of the theme in lists: a lower number comes first; with equal numbers "
        "the id decides. Defaults to 0.",
    },
    "Theme.example": _EXAMPLE,
    # AmbitionLevelInfo (data/ambition-levels.yaml)
    "AmbitionLevelInfo.id": _key_id("ambition-levels.yaml", "basis"),
    "AmbitionLevelInfo.name": {
        "nl": "De naam van het niveau, zoals Niveau 1 – basis.",
        "en": "The name of the level, such as Level 1 – basic.",
    },
    "AmbitionLevelInfo.short_name": {
        "nl": "Het niveau in een woord, zoals Basis: zo tonen labels, grafieken, filters en "
        "downloads het. Zonder korte naam tonen ze de naam. Optioneel.",
        "en": "The level in a word, such as Basic: as labels, charts, filters and downloads "
        "show it. Without a short name they show the name. Optional.",
    },
    "AmbitionLevelInfo.description": {
        "nl": "Wat het niveau inhoudt voor opdrachtgever en inkoper: het instrument, het effect "
        "en wanneer het past.",
        "en": "What the level means for the client and the buyer: the instrument, the effect and "
        "when it fits.",
    },
    "AmbitionLevelInfo.for_bidders": {
        "nl": "Wat het niveau in de praktijk vraagt van een inschrijver, in gewone taal. Staat "
        "bij elke aanbesteding onder 'Wat betekent dit voor u?'.",
        "en": "What the level asks of a bidder in practice, in plain language. Shown with every "
        "tender under 'What does this mean for you?'.",
    },
    "AmbitionLevelInfo.order": {
        "nl": "De plaats van het niveau op de ladder: een lager getal is een lager niveau; bij "
        "een gelijk getal telt de volgorde in het bestand. Bepaalt de volgorde in lijsten, het "
        "aantal stippen bij een niveau en de kleur in grafieken (licht tot donker). Standaard 0.",
        "en": "The level's place on the ladder: a lower number is a lower level; with equal "
        "numbers the order in the file decides. It sets the order in lists, the number of dots "
        "of a level and its colour in charts (light to dark). Defaults to 0.",
    },
    "AmbitionLevelInfo.example": _EXAMPLE,
    # Goal (data/goals.yaml)
    "Goal.id": _key_id("goals.yaml", "klimaatneutraal-2030"),
    "Goal.title": {
        "nl": "Het doel in één zin, zoals Klimaatneutraal zijn in 2030.",
        "en": "The goal in one sentence, such as Climate-neutral by 2030.",
    },
    "Goal.theme": {
        "nl": "Het MVI-thema van het doel: de id van een thema in data/themes.yaml. Leeg bij een "
        "algemeen doel dat niet bij één thema hoort.",
        "en": "The MVI theme of the goal: the id of a theme in data/themes.yaml. Empty for a "
        "general goal that belongs to no single theme.",
    },
    "Goal.kind": {
        "nl": "De soort doel: effect (effectdoel), output (prestatie, een resultaatdoel dat "
        "meestal onderdeel is van een effectdoel) of effort (inspanning).",
        "en": "The kind of goal: effect (an effect goal), output (an output goal, usually part "
        "of an effect goal) or effort (an effort goal).",
    },
    "Goal.description": {
        "nl": "Een toelichting op het doel. Optioneel.",
        "en": "An explanation of the goal. Optional.",
    },
    "Goal.target": {
        "nl": "De meetbare streefwaarde: een getal met een eenheid en eventueel een jaar. Leeg "
        "als het doel geen getal noemt.",
        "en": "The measurable target: a number with a unit and possibly a year. Empty if the "
        "goal names no figure.",
    },
    "Goal.deadline": {
        "nl": "Het jaar waarin het doel uiterlijk gehaald moet zijn, zoals 2030. Optioneel.",
        "en": "The year by which the goal must be met, such as 2030. Optional.",
    },
    "Goal.part_of": {
        "nl": "Het doel waar dit doel onderdeel van is: de id van een ander doel in "
        "data/goals.yaml, zoals het effectdoel boven een prestatie. Optioneel.",
        "en": "The goal this goal is part of: the id of another goal in data/goals.yaml, such as "
        "the effect goal above an output goal. Optional.",
    },
    "Goal.measured_by": {
        "nl": "Voor een inspanningsdoel dat de aanbestedingskalender kan beantwoorden: hoe de "
        "site het meet. criteria-in-product-groups: aanbestedingen in een productgroep passen "
        "een thema van haar criteria toe; significant-level: eisen of gunningscriteria op "
        "significant of ambitieus niveau; social-return: social return bij passende werken en "
        "diensten (loonsom en looptijd); isv: internationale sociale voorwaarden boven de "
        "Europese drempel in risicovolle categorieën; impact-weighting: de weging van "
        "maatschappelijke impact bij categoriemanagement, tegen de streefwaarde van het doel. "
        "social-return en isv vragen om het thema van het doel. Optioneel.",
        "en": "For an effort goal the tender calendar can answer: how the site measures it. "
        "criteria-in-product-groups: tenders in a product group apply a theme of its criteria; "
        "significant-level: requirements or award criteria at the significant or ambitious "
        "level; social-return: social return in suitable works and services (wage bill and "
        "duration); isv: international social conditions above the EU threshold in high-risk "
        "categories; impact-weighting: the weighting of social impact in category management, "
        "against the goal's target. social-return and isv need the goal's theme. Optional.",
    },
    "Goal.source": {
        "nl": "Waar het doel vandaan komt, als tekst, zoals Inkopen met Impact (2019), bijlage. "
        "Optioneel.",
        "en": "Where the goal comes from, as text, such as Procurement with Impact (2019), annex. "
        "Optional.",
    },
    "Goal.measurements": {
        "nl": "De gemeten waarden van het doel, per jaar, elk met de publicatie waarin ze staan. "
        "Standaard leeg.",
        "en": "The measured values of the goal, by year, each with the publication that gives "
        "them. Empty by default.",
    },
    "Goal.order": {
        "nl": "De plaats van het doel in lijsten: een lager getal komt eerder; bij een gelijk "
        "getal telt de id. Standaard 0.",
        "en": "The place of the goal in lists: a lower number comes first; with equal numbers "
        "the id decides. Defaults to 0.",
    },
    "Goal.example": _EXAMPLE,
    # ProductGroup (data/product-groups.yaml)
    "ProductGroup.id": _key_id("product-groups.yaml", "catering"),
    "ProductGroup.name": {
        "nl": "De naam van de productgroep, zoals Catering of Bedrijfskleding.",
        "en": "The name of the product group, such as Catering or Workwear.",
    },
    "ProductGroup.description": {
        "nl": "Een korte toelichting op de productgroep. Optioneel.",
        "en": "A short explanation of the product group. Optional.",
    },
    "ProductGroup.themes": {
        "nl": "De MVI-thema's die de criteria van deze productgroep dekken: id's van thema's in "
        "data/themes.yaml. Een aanbesteding in de groep hoort minstens een ervan toe te passen. "
        "Standaard leeg.",
        "en": "The MVI themes the criteria of this product group cover: ids of themes in "
        "data/themes.yaml. A tender in the group should apply at least one of them. Empty by "
        "default.",
    },
    "ProductGroup.criteria_url": {
        "nl": "Het adres van de pagina van de productgroep in de MVI-criteriatool; het begint "
        "met https://www.mvicriteria.nl/. Optioneel: laat het weg als het adres niet zeker is, "
        "dan verwijst de site naar de criteriatool zelf.",
        "en": "The address of the product group's page in the MVI criteria tool; it starts with "
        "https://www.mvicriteria.nl/. Optional: leave it out when the address is not certain, "
        "and the site links to the criteria tool itself.",
    },
    "ProductGroup.high_impact": {
        "nl": "true voor de high-impactproductgroepen van de strategie (tabel 3.1 van Inkopen "
        "met Impact). Standaard false.",
        "en": "true for the strategy's high-impact product groups (table 3.1 of Procurement "
        "with Impact). Defaults to false.",
    },
    "ProductGroup.source": {
        "nl": "Waar de productgroep en haar thema's vandaan komen, als tekst. Optioneel.",
        "en": "Where the product group and its themes come from, as text. Optional.",
    },
    "ProductGroup.order": {
        "nl": "De plaats van de productgroep in lijsten: een lager getal komt eerder; bij een "
        "gelijk getal telt de id. Standaard 0.",
        "en": "The place of the product group in lists: a lower number comes first; with equal "
        "numbers the id decides. Defaults to 0.",
    },
    "ProductGroup.example": _EXAMPLE,
    "Target.value": {
        "nl": "De streefwaarde als getal, zoals 30.",
        "en": "The target value as a number, such as 30.",
    },
    "Target.unit": {
        "nl": "De eenheid van de streefwaarde, alleen in het Nederlands, zoals % minder "
        "gasverbruik.",
        "en": "The unit of the target value, in Dutch only, such as % minder gasverbruik (% less "
        "gas use).",
    },
    "Target.year": {
        "nl": "Het jaar waarin de streefwaarde bereikt moet zijn. Optioneel.",
        "en": "The year by which the target value must be reached. Optional.",
    },
    "Measurement.year": {
        "nl": "Het jaar waarover de meting gaat.",
        "en": "The year the measurement refers to.",
    },
    "Measurement.value": {
        "nl": "De gemeten waarde als getal, in de eenheid van de streefwaarde van het doel.",
        "en": "The measured value as a number, in the unit of the goal's target.",
    },
    "Measurement.source": {
        "nl": "De publicatie waarin de meting staat: een titel en een webadres.",
        "en": "The publication that gives the measurement: a title and a web address.",
    },
    # Shared parts
    "Link.title": {
        "nl": "De titel van het document of de pagina, zoals die in de link verschijnt.",
        "en": "The title of the document or page, as it appears in the link.",
    },
    "Link.url": {
        "nl": "Het webadres van het document of de pagina, beginnend met https://.",
        "en": "The web address of the document or page, starting with https://.",
    },
    "Contact.name": {
        "nl": "De naam van het team of de persoon, zoals Inkoopteam UBR. Optioneel.",
        "en": "The name of the team or person, such as Inkoopteam UBR. Optional.",
    },
    "Contact.email": {
        "nl": "Het e-mailadres voor vragen; een functionele mailbox van het inkoopteam is genoeg.",
        "en": "The e-mail address for questions; a functional mailbox of the procurement team is "
        "enough.",
    },
    "Contact.phone": {
        "nl": "Een telefoonnummer van 6 tot 20 tekens: cijfers, spaties, haakjes en streepjes, "
        "eventueel met + vooraan. Optioneel.",
        "en": "A telephone number of 6 to 20 characters: digits, spaces, brackets and hyphens, "
        "optionally starting with +. Optional.",
    },
    "Period.start": {
        "nl": "Het eerste jaar van de periode, zoals 2025.",
        "en": "The first year of the period, such as 2025.",
    },
    "Period.end": {
        "nl": "Het laatste jaar van de periode, zoals 2028; niet vóór het eerste jaar.",
        "en": "The last year of the period, such as 2028; not before the first year.",
    },
    # Organisation (data/organisations/)
    "Organisation.id": _file_id("organisations", "rws"),
    "Organisation.abbreviation": {
        "nl": "De gangbare afkorting, zoals RWS of BZK.",
        "en": "The usual abbreviation, such as RWS or BZK.",
    },
    "Organisation.name": {
        "nl": "De volledige naam, zoals Rijkswaterstaat.",
        "en": "The full name, such as Rijkswaterstaat.",
    },
    "Organisation.kind": {
        "nl": "De soort organisatie: ministry (ministerie), agency (uitvoeringsorganisatie) of "
        "other (overig, zoals een gemeente).",
        "en": "The kind of organisation: ministry, agency (executive agency) or other (such as a "
        "municipality).",
    },
    "Organisation.parent": {
        "nl": "De organisatie waar deze onder valt, zoals het ministerie van een "
        "uitvoeringsorganisatie: de id van een organisatie in data/organisations/. Optioneel.",
        "en": "The organisation this one belongs to, such as the ministry of an agency: the id of "
        "an organisation in data/organisations/. Optional.",
    },
    "Organisation.website": {
        "nl": "Het webadres van de organisatie. Optioneel.",
        "en": "The organisation's web address. Optional.",
    },
    "Organisation.example": _EXAMPLE,
    # CategoryPlan (data/category-plans/)
    "CategoryPlan.id": _file_id("category-plans", "bedrijfskleding"),
    "CategoryPlan.name": {
        "nl": "De naam van de rijksbrede inkoopcategorie, zoals Bedrijfskleding.",
        "en": "The name of the government-wide procurement category, such as Workwear.",
    },
    "CategoryPlan.category_manager": {
        "nl": "De organisatie die categoriemanager is: de id van een organisatie in "
        "data/organisations/. Weglaten als geen bron de categoriemanager noemt.",
        "en": "The organisation that is category manager: the id of an organisation in "
        "data/organisations/. Leave it out if no source names the category manager.",
    },
    "CategoryPlan.summary": {
        "nl": "Een korte samenvatting van de categorie en het plan.",
        "en": "A short summary of the category and its plan.",
    },
    "CategoryPlan.scope": {
        "nl": "Wat er onder de categorie valt: de reikwijdte.",
        "en": "What the category covers: its scope.",
    },
    "CategoryPlan.product_groups": {
        "nl": "De productgroepen in de categorie, elk als korte tekst. Standaard leeg.",
        "en": "The product groups in the category, each as a short text. Empty by default.",
    },
    "CategoryPlan.isv_risk": {
        "nl": "true als de categorie risicovol is voor internationale sociale voorwaarden (ISV): "
        "dan gelden ze voor elke aanbesteding boven de Europese drempel. Standaard false.",
        "en": "true if the category is high-risk for international social conditions (ISV): "
        "they then apply to every tender above the EU threshold. Defaults to false.",
    },
    "CategoryPlan.period": _PERIOD,
    "CategoryPlan.ambitions": _AMBITIONS,
    "CategoryPlan.market_developments": {
        "nl": "Ontwikkelingen in de markt die voor de categorie van belang zijn. Optioneel.",
        "en": "Developments in the market that matter for the category. Optional.",
    },
    "CategoryPlan.contact": {
        "nl": "Contactgegevens voor vragen over de categorie. Optioneel.",
        "en": "Contact details for questions about the category. Optional.",
    },
    "CategoryPlan.last_reviewed": {
        "nl": "De datum waarop het plan het laatst is herzien, zoals 2026-03-31. Na twaalf "
        "maanden zonder herziening geeft de controle een waarschuwing.",
        "en": "The date the plan was last reviewed, such as 2026-03-31. After twelve months "
        "without a review the check gives a warning.",
    },
    "CategoryPlan.plan": _PLAN_LINK,
    "CategoryPlan.example": _EXAMPLE,
    "ThemeAmbition.level": _LEVEL,
    "ThemeAmbition.targets": {
        "nl": "De concrete doelen achter het niveau, elk als korte tekst. Standaard leeg.",
        "en": "The concrete targets behind the level, each as a short text. Empty by default.",
    },
    # RouteMap (data/route-maps/)
    "RouteMap.id": _file_id("route-maps", "gww"),
    "RouteMap.title": {
        "nl": "De titel van de routekaart, zoals Routekaart grond-, weg- en waterbouw (GWW).",
        "en": "The title of the route map, such as Route map for civil engineering (GWW).",
    },
    "RouteMap.owner": {
        "nl": "De organisatie die eigenaar is van de routekaart: de id van een organisatie in "
        "data/organisations/, zoals rws.",
        "en": "The organisation that owns the route map: the id of an organisation in "
        "data/organisations/, such as rws.",
    },
    "RouteMap.summary": {
        "nl": "Een korte samenvatting van de routekaart.",
        "en": "A short summary of the route map.",
    },
    "RouteMap.description": {
        "nl": "Een uitgebreidere toelichting op de routekaart. Optioneel.",
        "en": "A fuller explanation of the route map. Optional.",
    },
    "RouteMap.milestones": {
        "nl": "De mijlpalen van de routekaart: per jaar en thema een doel.",
        "en": "The milestones of the route map: a target for a year on one theme each.",
    },
    "RouteMap.sources": {
        "nl": "Links naar de documenten waarop de routekaart steunt. Standaard leeg.",
        "en": "Links to the documents the route map is based on. Empty by default.",
    },
    "RouteMap.example": _EXAMPLE,
    "Milestone.year": {
        "nl": "Het jaar waarin het doel van de mijlpaal gehaald moet zijn.",
        "en": "The year by which the milestone's target must be met.",
    },
    "Milestone.theme": _THEME,
    "Milestone.target": {
        "nl": "Het doel voor dat jaar, in woorden.",
        "en": "The target for that year, in words.",
    },
    "Milestone.value": {
        "nl": "De meetbare waarde van het doel als getal, zoals 20. Optioneel; alleen als het "
        "doel een getal noemt.",
        "en": "The measurable value of the target as a number, such as 20. Optional; only when "
        "the target names a figure.",
    },
    "Milestone.unit": {
        "nl": "De eenheid van de waarde, zoals % minder CO2 per m2 asfalt. Optioneel.",
        "en": "The unit of the value, such as % minder CO2 per m2 asfalt (% less CO2 per m2 of "
        "asphalt). Optional.",
    },
    "Milestone.goal": {
        "nl": "Het rijksbrede doel waaraan de mijlpaal bijdraagt: de id van een doel in "
        "data/goals.yaml. Optioneel.",
        "en": "The government-wide goal the milestone contributes to: the id of a goal in "
        "data/goals.yaml. Optional.",
    },
    # Tender (data/tenders/)
    "Tender.id": {
        "nl": "De id: de bestandsnaam in data/tenders/ zonder .yaml, zoals "
        "rws-2027-a12-asfalt-onderhoud. Staat niet in het bestand zelf en verandert niet meer "
        "zodra de aanbesteding op de site staat.",
        "en": "The id: the file name in data/tenders/ without .yaml, such as "
        "rws-2027-a12-asfalt-onderhoud. It is not written in the file itself and does not change "
        "once the tender is on the site.",
    },
    "Tender.title": {
        "nl": "De titel van de aanbesteding, zoals Vergadercatering rijkskantoren Utrecht.",
        "en": "The title of the tender, such as Meeting catering for government offices in "
        "Utrecht.",
    },
    "Tender.description": {
        "nl": "Wat er wordt ingekocht, in een paar zinnen voor leveranciers.",
        "en": "What will be bought, in a few sentences for suppliers.",
    },
    "Tender.buyer": {
        "nl": "De aanbestedende dienst: de id van een organisatie in data/organisations/, zoals "
        "ubr.",
        "en": "The contracting authority: the id of an organisation in data/organisations/, such "
        "as ubr.",
    },
    "Tender.category": {
        "nl": "De rijksbrede inkoopcategorie: de id van een categorieplan in "
        "data/category-plans/. Optioneel.",
        "en": "The government-wide procurement category: the id of a category plan in "
        "data/category-plans/. Optional.",
    },
    "Tender.cpv": {
        "nl": "Een of meer CPV-codes: de Europese codes voor het soort product, dienst of werk, "
        "zoals 55520000-1.",
        "en": "One or more CPV codes: the European codes for the kind of product, service or "
        "work, such as 55520000-1.",
    },
    "Tender.kind": {
        "nl": "De soort opdracht: works (werken), supplies (leveringen) of services (diensten).",
        "en": "The type of contract: works, supplies (goods) or services.",
    },
    "Tender.procedure": {
        "nl": "De aanbestedingsprocedure: open (openbare procedure), restricted (niet-openbare "
        "procedure), competitive-dialogue (concurrentiegerichte dialoog), "
        "competitive-negotiation (mededingingsprocedure met onderhandeling), "
        "innovation-partnership (innovatiepartnerschap), negotiated-without-notice "
        "(onderhandelingsprocedure zonder aankondiging), multiple-quotation (meervoudig "
        "onderhandse procedure), single-source (enkelvoudig onderhandse procedure) of "
        "national-open (nationale openbare procedure). Weglaten zolang de procedure nog niet "
        "bepaald is.",
        "en": "The procurement procedure: open (open procedure), restricted (restricted "
        "procedure), competitive-dialogue (competitive dialogue), competitive-negotiation "
        "(competitive procedure with negotiation), innovation-partnership (innovation "
        "partnership), negotiated-without-notice (negotiated procedure without prior "
        "publication), multiple-quotation (multiple-quotation procedure, by invitation only), "
        "single-source (single-source direct award) or national-open (national open procedure, "
        "below the EU threshold). Leave it out while the procedure is not yet decided.",
    },
    "Tender.estimated_value": {
        "nl": "De geraamde waarde van de opdracht in euro's zonder btw, als bandbreedte van min "
        "tot max. Optioneel; zonder raming toont de site 'Niet bekend'.",
        "en": "The estimated value of the contract in euros excluding VAT, as a range from min to "
        "max. Optional; without an estimate the site shows 'Not known'.",
    },
    "Tender.above_eu_threshold": {
        "nl": "true als de opdracht naar verwachting boven de Europese drempelwaarde uitkomt, "
        "anders false.",
        "en": "true if the contract is expected to be above the EU threshold, otherwise false.",
    },
    "Tender.expected_publication": {
        "nl": "Wanneer de aanbesteding naar verwachting wordt aangekondigd: een dag "
        "(2027-05-14), een maand (2027-05) of een kwartaal (2027-Q2).",
        "en": "When the tender is expected to be announced: a day (2027-05-14), a month "
        "(2027-05) or a quarter (2027-Q2).",
    },
    "Tender.contract_start": {
        "nl": "Wanneer de opdracht naar verwachting begint: een dag, maand of kwartaal, zoals "
        "2029-04; niet vóór de verwachte publicatie. Optioneel.",
        "en": "When the contract is expected to start: a day, month or quarter, such as 2029-04; "
        "not before the expected publication. Optional.",
    },
    "Tender.duration": {
        "nl": "De looptijd van het contract in maanden, met eventuele verlengingsopties. "
        "Optioneel.",
        "en": "The contract duration in months, with any extension options. Optional.",
    },
    "Tender.lots": {
        "nl": "De percelen waarin de opdracht is verdeeld. Standaard leeg: geen percelen.",
        "en": "The lots the contract is divided into. Empty by default: no lots.",
    },
    "Tender.themes": {
        "nl": "Per MVI-thema (de id van een thema in data/themes.yaml) het ambitieniveau en hoe "
        "het thema wordt toegepast. Ook social return (social-return) en internationale sociale "
        "voorwaarden (internationale-sociale-voorwaarden) staan hier: de site leest ze hieruit. "
        "Standaard leeg.",
        "en": "For each MVI theme (the id of a theme in data/themes.yaml) the ambition level and "
        "how the theme is applied. Social return (social-return) and international social "
        "conditions (internationale-sociale-voorwaarden) go here too: the site reads them from "
        "here. Empty by default.",
    },
    "Tender.product_group": {
        "nl": "De productgroep van de MVI-criteria (mvicriteria.nl) die wordt toegepast: de id "
        "van een productgroep in data/product-groups.yaml, zoals catering. Optioneel.",
        "en": "The product group of the MVI criteria (mvicriteria.nl) that is applied: the id of "
        "a product group in data/product-groups.yaml, such as catering. Optional.",
    },
    "Tender.innovation_instruments": {
        "nl": "De instrumenten voor innovatiegericht inkopen die de strategie noemt en die hier "
        "worden ingezet: challenge, pilot-contract (pilotopdracht), starthubs (aangekondigd op "
        "Starthubs), sbir, startup-in-residence of innovation-partnership. Standaard leeg.",
        "en": "The instruments of innovation-oriented procurement the strategy names that this "
        "tender uses: challenge, pilot-contract, starthubs (announced on Starthubs), sbir, "
        "startup-in-residence or innovation-partnership. Empty by default.",
    },
    "Tender.social_impact_weighting": {
        "nl": "Het deel van de gunning dat op maatschappelijke impact rust, in hele procenten "
        "(0 tot 100). Optioneel; de strategie vraagt minstens 50 bij aanbestedingen via "
        "categoriemanagement.",
        "en": "The share of the award based on social impact, in whole percent (0 to 100). "
        "Optional; the strategy asks for at least 50 in tenders run through category "
        "management.",
    },
    "Tender.estimated_wage_bill": {
        "nl": "De geraamde loonsom van de opdracht in hele euro's zonder btw (het deel van de "
        "waarde dat aan arbeid opgaat). Optioneel; met een loonsom van ten minste € 250.000 en "
        "een looptijd van ten minste zes maanden verwacht de strategie social return.",
        "en": "The estimated wage bill of the contract in whole euros excluding VAT (the part of "
        "the value spent on labour). Optional; with a wage bill of at least € 250,000 and a "
        "duration of at least six months the strategy expects social return.",
    },
    "Tender.sme_suitable": {
        "nl": "true als de aanbestedende dienst verwacht dat de opdracht goed haalbaar is voor "
        "het mkb. Standaard false.",
        "en": "true if the contracting authority expects the contract to be within reach of "
        "SMEs. Defaults to false.",
    },
    "Tender.market_consultation": {
        "nl": "Een geplande marktconsultatie vóór de publicatie. Optioneel.",
        "en": "A planned market consultation before publication. Optional.",
    },
    "Tender.certainty": {
        "nl": "Hoe zeker de planning is: indicative (indicatief: een eerste inschatting), "
        "planned (gepland: in de planning van de dienst, het moment kan nog verschuiven) of "
        "confirmed (bevestigd: de aanbesteding wordt voorbereid en het moment naar verwachting "
        "gehaald).",
        "en": "How certain the planning is: indicative (a first estimate), planned (in the "
        "authority's planning; the date may still move) or confirmed (the tender is being "
        "prepared and the date is expected to hold).",
    },
    "Tender.status": {
        "nl": "De fase van de aanbesteding: planned (gepland, nog niet aangekondigd), "
        "market-consultation (marktconsultatie), published (gepubliceerd op TenderNed), awarded "
        "(gegund) of withdrawn (ingetrokken).",
        "en": "The stage of the tender: planned (not yet announced), market-consultation (market "
        "consultation), published (announced on TenderNed), awarded or withdrawn.",
    },
    "Tender.withdrawal_reason": {
        "nl": "Waarom de aanbesteding is ingetrokken, kort uitgelegd voor leveranciers. "
        "Verplicht bij status withdrawn en alleen dan toegestaan.",
        "en": "Why the tender was withdrawn, briefly explained for suppliers. Required with "
        "status withdrawn and allowed only then.",
    },
    "Tender.tenderned_url": {
        "nl": "De link naar de aankondiging op TenderNed: een adres op www.tenderned.nl dat "
        "eindigt op aankondigingen/overzicht/ en het publicatienummer. Verplicht bij status "
        "published en awarded.",
        "en": "The link to the notice on TenderNed: an address on www.tenderned.nl that ends in "
        "aankondigingen/overzicht/ and the publication number. Required with status published "
        "and awarded.",
    },
    "Tender.published_on": {
        "nl": "De dag waarop de aankondiging op TenderNed verscheen. Verplicht bij status "
        "published en awarded; daarmee meet de site hoe nauwkeurig de planning was.",
        "en": "The day the notice appeared on TenderNed. Required with status published and "
        "awarded; the site measures from it how accurate the planning was.",
    },
    "Tender.awarded_on": {
        "nl": "De dag van de gunning (de definitieve gunningsbeslissing). Verplicht bij status "
        "awarded en alleen dan toegestaan.",
        "en": "The day of the award (the final award decision). Required with status awarded "
        "and allowed only then.",
    },
    "Tender.withdrawn_on": {
        "nl": "De dag waarop de aanbesteding werd ingetrokken. Alleen bij status withdrawn.",
        "en": "The day the tender was withdrawn. Only with status withdrawn.",
    },
    "Tender.contact": {
        "nl": "Waar leveranciers vragen over de planning kunnen stellen, meestal de functionele "
        "mailbox van het inkoopteam.",
        "en": "Where suppliers can ask about the planning, usually the functional mailbox of the "
        "procurement team.",
    },
    "Tender.example": _EXAMPLE,
    "ValueRange.min": {
        "nl": "De ondergrens van de raming in hele euro's zonder btw, alleen cijfers, zoals "
        "3000000.",
        "en": "The lower end of the estimate in whole euros excluding VAT, digits only, such as "
        "3000000.",
    },
    "ValueRange.max": {
        "nl": "De bovengrens van de raming in hele euro's zonder btw, niet lager dan min. Gelijk "
        "aan min bij een puntschatting.",
        "en": "The upper end of the estimate in whole euros excluding VAT, not below min. Equal "
        "to min for a point estimate.",
    },
    "Duration.months": {
        "nl": "De looptijd van het contract in maanden, zonder verlengingen, zoals 36.",
        "en": "The contract duration in months, without extensions, such as 36.",
    },
    "Duration.extension_months": {
        "nl": "Met hoeveel maanden het contract in totaal optioneel kan worden verlengd. "
        "Standaard 0: geen verlenging.",
        "en": "By how many months in total the contract can optionally be extended. Defaults "
        "to 0: no extension.",
    },
    "TenderTheme.level": _LEVEL,
    "TenderTheme.applied_as": {
        "nl": "Hoe het thema wordt toegepast, een of meer van: requirements (eisen, waaraan elke "
        "inschrijving moet voldoen), award-criteria (gunningscriteria, waarmee een inschrijver "
        "punten kan verdienen) en contract-conditions (contractvoorwaarden, die gelden tijdens "
        "de uitvoering).",
        "en": "How the theme is applied, one or more of: requirements (technical specifications "
        "every bid must meet), award-criteria (award criteria that earn a bidder points) and "
        "contract-conditions (contract performance conditions that apply during the contract).",
    },
    "TenderTheme.note": {
        "nl": "Een korte toelichting op hoe het thema in deze aanbesteding wordt toegepast. "
        "Optioneel.",
        "en": "A short note on how the theme is applied in this tender. Optional.",
    },
    "Lot.title": {
        "nl": "De naam van het perceel.",
        "en": "The name of the lot.",
    },
    "Lot.description": {
        "nl": "Wat er onder het perceel valt. Optioneel.",
        "en": "What the lot covers. Optional.",
    },
    "Lot.estimated_value": {
        "nl": "De geraamde waarde van het perceel in euro's zonder btw, als bandbreedte. "
        "Optioneel.",
        "en": "The estimated value of the lot in euros excluding VAT, as a range. Optional.",
    },
    "MarketConsultation.planned": {
        "nl": "Wanneer de marktconsultatie naar verwachting plaatsvindt: een dag, maand of "
        "kwartaal, zoals 2027-Q1; niet na de verwachte publicatie.",
        "en": "When the market consultation is expected to take place: a day, month or quarter, "
        "such as 2027-Q1; not after the expected publication.",
    },
    "MarketConsultation.description": {
        "nl": "Een toelichting op de marktconsultatie, zoals de vorm of het onderwerp. Optioneel.",
        "en": "A note on the market consultation, such as its form or subject. Optional.",
    },
    # ActionPlan (data/action-plans/)
    "ActionPlan.id": _file_id("action-plans", "bzk-2025-2028"),
    "ActionPlan.title": {
        "nl": "De titel van het actieplan, zoals MVI-actieplan BZK 2025–2028.",
        "en": "The title of the action plan, such as MVI action plan of the Ministry of the "
        "Interior and Kingdom Relations 2025–2028.",
    },
    "ActionPlan.organisation": {
        "nl": "De organisatie van het plan, meestal een ministerie: de id van een organisatie in "
        "data/organisations/.",
        "en": "The organisation the plan belongs to, usually a ministry: the id of an "
        "organisation in data/organisations/.",
    },
    "ActionPlan.period": _PERIOD,
    "ActionPlan.summary": {
        "nl": "Een samenvatting van het plan: waar het de nadruk op legt en hoe over de "
        "voortgang wordt gerapporteerd.",
        "en": "A summary of the plan: what it emphasises and how progress is reported.",
    },
    "ActionPlan.ambitions": _AMBITIONS,
    "ActionPlan.actions": {
        "nl": "De concrete acties van het plan. Standaard leeg.",
        "en": "The concrete actions of the plan. Empty by default.",
    },
    "ActionPlan.indicators": {
        "nl": "De indicatoren waarmee de voortgang wordt gemeten. Standaard leeg.",
        "en": "The indicators that measure progress. Empty by default.",
    },
    "ActionPlan.plan": _PLAN_LINK,
    "ActionPlan.example": _EXAMPLE,
    "Action.id": _item_id("de actie", "the action"),
    "Action.title": {
        "nl": "Wat de actie inhoudt, in één zin.",
        "en": "What the action is, in one sentence.",
    },
    "Action.theme": _THEME,
    "Action.owner": {
        "nl": "Wie de actie uitvoert, alleen in het Nederlands, zoals Directie Inkoop.",
        "en": "Who carries out the action, in Dutch only, such as Directie Inkoop.",
    },
    "Action.due": {
        "nl": "Wanneer de actie klaar moet zijn: een dag, maand of kwartaal, zoals 2026-Q3.",
        "en": "When the action is due: a day, month or quarter, such as 2026-Q3.",
    },
    "Action.status": {
        "nl": "De voortgang: not-started (niet gestart), in-progress (loopt), done (gereed), "
        "delayed (vertraagd) of cancelled (geschrapt).",
        "en": "The progress: not-started, in-progress, done, delayed or cancelled.",
    },
    "Indicator.id": _item_id("de indicator", "the indicator"),
    "Indicator.title": {
        "nl": "Wat de indicator meet, zoals Aandeel aanbestedingen op significant of ambitieus "
        "niveau.",
        "en": "What the indicator measures, such as Share of tenders at the significant or "
        "ambitious level.",
    },
    "Indicator.theme": _THEME,
    "Indicator.unit": {
        "nl": "De eenheid van alle waarden van de indicator, alleen in het Nederlands, zoals % "
        "van de aanbestedingen.",
        "en": "The unit of all the indicator's values, in Dutch only, such as % van de "
        "aanbestedingen (% of tenders).",
    },
    "Indicator.baseline": {
        "nl": "De nulmeting: het jaar en de waarde waarmee de meting begint.",
        "en": "The baseline: the year and value the measurement starts from.",
    },
    "Indicator.target": {
        "nl": "Het doel: de waarde die in een bepaald jaar bereikt moet zijn; dat jaar ligt "
        "niet vóór het jaar van de nulmeting.",
        "en": "The target: the value to be reached in a given year; that year is not before the "
        "baseline year.",
    },
    "Indicator.values": {
        "nl": "De gemeten waarden tot nu toe, elk met het jaar. Standaard leeg.",
        "en": "The values measured so far, each with its year. Empty by default.",
    },
    "YearValue.year": {
        "nl": "Het jaar van de waarde.",
        "en": "The year of the value.",
    },
    "YearValue.value": {
        "nl": "De waarde als getal, in de eenheid van de indicator.",
        "en": "The value as a number, in the indicator's unit.",
    },
    # Case (data/cases/)
    "Case.id": _file_id("cases", "logistieke-hub-den-haag"),
    "Case.title": {
        "nl": "De titel van het praktijkvoorbeeld, zoals De Logistieke Hub Den Haag.",
        "en": "The title of the case, such as The Hague Logistics Hub.",
    },
    "Case.summary": {
        "nl": "Een korte samenvatting: wat er gebeurde en wat het opleverde.",
        "en": "A short summary: what was done and what it achieved.",
    },
    "Case.body": {
        "nl": "Het volledige verhaal van het praktijkvoorbeeld.",
        "en": "The full story of the case.",
    },
    "Case.organisations": {
        "nl": "De opdrachtgevers: ids van organisaties in data/organisations/.",
        "en": "The contracting authorities: ids of organisations in data/organisations/.",
    },
    "Case.partners": {
        "nl": "Organisaties buiten de overheid die meewerkten, zoals leveranciers. Standaard leeg.",
        "en": "Organisations outside government that took part, such as suppliers. Empty by "
        "default.",
    },
    "Case.themes": {
        "nl": "De MVI-thema's van het voorbeeld: ids van thema's in data/themes.yaml.",
        "en": "The MVI themes of the case: ids of themes in data/themes.yaml.",
    },
    "Case.categories": {
        "nl": "De inkoopcategorieën van het voorbeeld: ids van categorieplannen in "
        "data/category-plans/. Standaard leeg.",
        "en": "The procurement categories of the case: ids of category plans in "
        "data/category-plans/. Empty by default.",
    },
    "Case.year": {
        "nl": "Het jaar van het praktijkvoorbeeld, zoals 2019.",
        "en": "The year of the case, such as 2019.",
    },
    "Case.place": {
        "nl": "Waar het voorbeeld plaatsvond, zoals Den Haag. Optioneel.",
        "en": "Where the case took place, such as Den Haag. Optional.",
    },
    "Case.key_results": {
        "nl": "De belangrijkste resultaten, elk als getal met uitleg. Standaard leeg.",
        "en": "The main results, each as a figure with an explanation. Empty by default.",
    },
    "Case.quote": {
        "nl": "Een citaat van een betrokkene. Optioneel.",
        "en": "A quote from someone involved. Optional.",
    },
    "Case.sources": {
        "nl": "Links naar bronnen over het voorbeeld. Standaard leeg.",
        "en": "Links to sources about the case. Empty by default.",
    },
    "Case.images": {
        "nl": "Afbeeldingen bij het voorbeeld, elk met een alt-tekst. Standaard leeg.",
        "en": "Images of the case, each with alt text. Empty by default.",
    },
    "Case.example": _EXAMPLE,
    "Partner.name": {
        "nl": "De naam van de organisatie, zoals die zichzelf noemt.",
        "en": "The name of the organisation, as it calls itself.",
    },
    "Partner.website": {
        "nl": "Het webadres van de organisatie. Optioneel.",
        "en": "The organisation's web address. Optional.",
    },
    "KeyResult.label": {
        "nl": "Wat het getal beschrijft, zoals Minder vrachtwagenritten per jaar.",
        "en": "What the figure describes, such as Fewer lorry trips a year.",
    },
    "KeyResult.value": {
        "nl": "Het resultaat als getal, zoals 20000.",
        "en": "The result as a number, such as 20000.",
    },
    "KeyResult.unit": {
        "nl": "De eenheid van het getal, zoals km. Optioneel.",
        "en": "The unit of the figure, such as km. Optional.",
    },
    "Quote.text": {
        "nl": "Het citaat zelf, zonder aanhalingstekens.",
        "en": "The quote itself, without quotation marks.",
    },
    "Quote.speaker": {
        "nl": "De naam van wie het zei.",
        "en": "The name of the person who said it.",
    },
    "Quote.role": {
        "nl": "De functie of rol van de spreker. Optioneel.",
        "en": "The speaker's position or role. Optional.",
    },
    "Image.file": {
        "nl": "De bestandsnaam van de afbeelding in data/images/, zoals afsluitdijk.jpg.",
        "en": "The file name of the image in data/images/, such as afsluitdijk.jpg.",
    },
    "Image.alt": {
        "nl": "Wat er op de afbeelding te zien is, voor wie de afbeelding niet kan zien.",
        "en": "What the image shows, for people who cannot see it.",
    },
    "Image.caption": {
        "nl": "Een onderschrift bij de afbeelding. Optioneel.",
        "en": "A caption for the image. Optional.",
    },
    "Image.credit": {
        "nl": "De maker of rechthebbende, getoond na ©. Optioneel.",
        "en": "The creator or rights holder, shown after ©. Optional.",
    },
}


# --- The reference table ---------------------------------------------------------------------


@dataclass(frozen=True)
class FieldRow:
    """One row of a field reference: what to write, of which type, whether required, and why."""

    name: str
    type_label: str
    required: bool
    description: str


_VALUE_TYPES = (LocalizedText, LocalizedTitle, LocalizedMarkdown)


def documented_models() -> list[type[BaseModel]]:
    """Every model reachable from a kind's model, each once, outer before inner; no text types."""
    found: dict[type[BaseModel], None] = {}
    for kind in KINDS:
        found.update(dict.fromkeys(iter_models(kind.model)))
    return [model for model in found if model not in _VALUE_TYPES]


def field_rows(model: type[BaseModel], lang: Lang) -> list[FieldRow]:
    """One row per field of `model`, in declaration order; KeyError if one is undocumented."""
    return [
        FieldRow(
            name=name,
            type_label=getattr(_words(info.annotation, tuple(info.metadata)), lang),
            required=info.is_required(),
            description=_description(f"{model.__name__}.{name}", lang),
        )
        for name, info in model.model_fields.items()
    ]


def _description(key: str, lang: Lang) -> str:
    text = FIELDS.get(key, {}).get(lang, "").strip()
    if not text:
        raise KeyError(f"no {lang} description for {key}: add it to FIELDS in {__name__}")
    return text


# --- Type labels: derived from the annotation ------------------------------------------------


class _Words(NamedTuple):
    """A type's label for one value and for several (after 'list of'), in both languages."""

    nl: str
    en: str
    nl_many: str
    en_many: str


_PLAIN: dict[Any, _Words] = {
    LocalizedText: _Words("tekst (nl/en)", "text (nl/en)", "teksten (nl/en)", "texts (nl/en)"),
    LocalizedTitle: _Words("titel (nl/en)", "title (nl/en)", "titels (nl/en)", "titles (nl/en)"),
    LocalizedMarkdown: _Words(
        "Markdown-tekst (nl/en)",
        "Markdown text (nl/en)",
        "Markdown-teksten (nl/en)",
        "Markdown texts (nl/en)",
    ),
    PlannedDate: _Words(
        "datum, maand of kwartaal",
        "date, month or quarter",
        "datums, maanden of kwartalen",
        "dates, months or quarters",
    ),
    dt.date: _Words("datum", "date", "datums", "dates"),
    bool: _Words("ja/nee", "yes/no", "ja/nee-waarden", "yes/no values"),
    float: _Words("getal", "number", "getallen", "numbers"),
    int: _Words("geheel getal", "whole number", "gehele getallen", "whole numbers"),
    str: _Words("tekst", "text", "teksten", "texts"),
}
# Value types recognised by their validators and markers, checked in this order.
_MARKED: tuple[tuple[Any, _Words], ...] = (
    (Email, _Words("e-mailadres", "e-mail address", "e-mailadressen", "e-mail addresses")),
    (Url, _Words("webadres", "web address", "webadressen", "web addresses")),
    (Cpv, _Words("CPV-code", "CPV code", "CPV-codes", "CPV codes")),
    (Id, _Words("id", "id", "id's", "ids")),
    (Year, _Words("jaartal", "year", "jaartallen", "years")),
    (OcdsGoal, _Words("OCDS-doelcode", "OCDS goal code", "OCDS-doelcodes", "OCDS goal codes")),
)
# Ref(kind) -> the record's noun: (Dutch, English, Dutch plural, English plural)
_REF_NOUNS: dict[str, _Words] = {
    "organisation": _Words("organisatie", "organisation", "organisaties", "organisations"),
    "theme": _Words("thema", "theme", "thema's", "themes"),
    "category-plan": _Words("categorie", "category", "categorieën", "categories"),
    "goal": _Words("doel", "goal", "doelen", "goals"),
    "ambition-level": _Words(
        "ambitieniveau", "ambition level", "ambitieniveaus", "ambition levels"
    ),
    "product-group": _Words("productgroep", "product group", "productgroepen", "product groups"),
}


def _words(tp: Any, metadata: tuple[Any, ...]) -> _Words:
    """The label of a field type, looking through Annotated, Optional, list and dict."""
    return _either(
        [_unwrapped_words(inner, gathered) for inner, gathered in alternatives(tp, metadata)]
    )


def _unwrapped_words(tp: Any, metadata: tuple[Any, ...]) -> _Words:
    """The label of a type without Annotated and Optional around it."""
    origin, args = get_origin(tp), get_args(tp)
    if origin is list:
        inner = _words(args[0], ())
        nl, en = f"lijst van {inner.nl_many}", f"list of {inner.en_many}"
        return _Words(nl, en, nl, en)
    if origin is dict:
        key, value = _key_noun(args[0]), _words(args[1], ())
        nl, en = f"{value.nl} per {key.nl}", f"{value.en} per {key.en}"
        return _Words(nl, en, nl, en)
    if origin is Literal:
        listed = ", ".join(str(arg) for arg in args)
        return _Words(
            f"een van: {listed}",
            f"one of: {listed}",
            f"waarden uit: {listed}",
            f"values from: {listed}",
        )
    return _scalar(tp, metadata)


def _scalar(tp: Any, metadata: tuple[Any, ...]) -> _Words:
    if isinstance(tp, type) and issubclass(tp, BaseModel) and tp not in _VALUE_TYPES:
        return _Words(tp.__name__, tp.__name__, tp.__name__, tp.__name__)
    flat = list(_flatten(metadata))
    if ref := ref_marker(tp, flat):
        noun = _noun(ref.kind)
        article = "an" if noun.en[0] in "aeiou" else "a"
        return _Words(
            f"id van een {noun.nl}",
            f"id of {article} {noun.en}",
            f"id's van {noun.nl_many}",
            f"ids of {noun.en_many}",
        )
    for alias, words in _MARKED:
        if all(item in flat for item in _flatten(get_args(alias)[1:])):
            return words
    if tp in _PLAIN:
        return _PLAIN[tp]
    raise TypeError(f"no type label for {tp!r}: add one to {__name__}")


def _key_noun(tp: Any) -> _Words:
    """A mapping's key as a noun: 'thema' for theme ids, so a label reads 'X per thema'."""
    key, metadata = unwrap(tp)
    ref = ref_marker(key, _flatten(metadata))
    return _noun(ref.kind) if ref else _words(tp, ())


def _noun(kind: str) -> _Words:
    if kind not in _REF_NOUNS:
        raise KeyError(f"no noun for references to '{kind}': add it to _REF_NOUNS in {__name__}")
    return _REF_NOUNS[kind]


def _either(options: list[_Words]) -> _Words:
    """'a or b' in each form; a single option as it is."""
    separators = (" of ", " or ", " of ", " or ")
    forms = zip(*options, strict=True)  # per form, that form of every option
    return _Words(*(sep.join(words) for sep, words in zip(separators, forms, strict=True)))


def _flatten(metadata: tuple[Any, ...]) -> Iterator[Any]:
    """Metadata with the constraints inside `Field(...)` (such as a year's bounds) laid open."""
    for item in metadata:
        if isinstance(item, FieldInfo):
            yield from item.metadata
        else:
            yield item
