"""Interface strings, dates and amounts in the page's language (Dutch first, English second).

Every word the generator itself puts on a page comes from here, so a translation is one edit and
a missing translation is a test failure rather than a Dutch word on an English page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

from generator.models.common import PlannedDate

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

_MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}
MONTHS: dict[str, list[str]] = {lang: names.split() for lang, names in _MONTHS.items()}

# key: (Dutch, English). Keys are grouped by the page that uses them.
STRINGS: dict[str, tuple[str, str]] = {
    # Site-wide
    "site.name": ("Inkopen met Impact", "Inkopen met Impact"),
    "site.tagline": (
        "Maatschappelijk verantwoord inkopen door het Rijk",
        "Socially responsible procurement by the Dutch central government",
    ),
    "lang.name": ("Nederlands", "English"),
    "lang.switch": ("English", "Nederlands"),
    "lang.switch.label": ("Deze pagina in het Engels", "This page in Dutch"),
    "breadcrumbs": ("Kruimelpad", "Breadcrumbs"),
    "home": ("Home", "Home"),
    "example.notice": (
        "Dit is een illustratief record, geen echte planning of toezegging.",
        "This is an illustrative record, not a real plan or commitment.",
    ),
    "example.badge": ("Voorbeeld", "Example"),
    # What a chart or a count made from example records says (generator/base/examples.py)
    "examples.all": (
        "Alle {total} {what} die hier zijn meegeteld, zijn voorbeelden: illustratieve records, "
        "geen echte planning.",
        "All {total} {what} counted here are examples: illustrative records, not real plans.",
    ),
    "examples.some": (
        "{n} van de {total} {what} die hier zijn meegeteld, zijn voorbeelden: illustratieve "
        "records, geen echte planning.",
        "{n} of the {total} {what} counted here are examples: illustrative records, not real "
        "plans.",
    ),
    "examples.one": (
        "1 van de {total} {what} die hier zijn meegeteld, is een voorbeeld: een illustratief "
        "record, geen echte planning.",
        "1 of the {total} {what} counted here is an example: an illustrative record, not a real "
        "plan.",
    ),
    "examples.single": (
        "Wat hier staat, is een voorbeeld: een illustratief record, geen echte planning.",
        "What is shown here is an example: an illustrative record, not a real plan.",
    ),
    "noun.tender": ("aanbestedingen", "tenders"),
    "noun.plan": ("plannen", "plans"),
    "noun.case": ("praktijkvoorbeelden", "cases"),
    "noun.goal": ("doelen", "goals"),
    "noun.route-map": ("routekaarten", "route maps"),
    "untranslated": (
        "Deze tekst is nog niet in het Engels beschikbaar; hieronder staat de Nederlandse tekst.",
        "This text is not yet available in English; the Dutch text is shown below.",
    ),
    "none.yet": ("Nog niets gepubliceerd.", "Nothing published yet."),
    "unknown": ("onbekend", "unknown"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "more": ("Meer", "More"),
    "sources": ("Bronnen", "Sources"),
    "contact": ("Contact", "Contact"),
    "period": ("Periode", "Period"),
    "summary": ("Samenvatting", "Summary"),
    "document": ("Document", "Document"),
    "count": ("Aantal", "Number"),
    # Sections (overview titles)
    "section.calendar": ("Aanbestedingskalender", "Tender calendar"),
    "section.category-plans": ("Categorieplannen", "Category plans"),
    "section.route-maps": ("Routekaarten", "Route maps"),
    "section.action-plans": ("MVI-actieplannen", "MVI action plans"),
    "section.cases": ("Praktijkvoorbeelden", "Cases"),
    "section.themes": ("Thema's", "Themes"),
    "section.organisations": ("Organisaties", "Organisations"),
    "section.goals": ("Rijksbrede doelen", "Government-wide goals"),
    "section.ambition-levels": ("Ambitieniveaus", "Ambition levels"),
    "section.open-data": ("Open data", "Open data"),
    # Home
    "home.title": ("Inkopen met Impact", "Inkopen met Impact"),
    "home.lead": (
        "Het Rijk kocht in 2024 voor ongeveer € 18 miljard in. Met de strategie "
        "Inkopen met Impact zet het die inkoopkracht in op de thema's {themes}. Hier ziet u "
        "welke aanbestedingen eraan komen, wat het Rijk daarin vraagt en wie u kunt benaderen.",
        "The Dutch central government bought about €18 billion in 2024. Through its strategy "
        "Inkopen met Impact (Procurement with Impact) it uses that purchasing power on the "
        "themes {themes}. Here you can see which tenders are coming, what the government will "
        "ask in them, and whom to contact.",
    ),
    "home.coming": ("Wat komt eraan?", "What is coming?"),
    "home.coming.lead": (
        "Aanbestedingen met verwachte publicatie in de komende twee kwartalen.",
        "Tenders expected to be published in the next two quarters.",
    ),
    "home.coming.none": (
        "Er staan in deze periode geen aanbestedingen gepland.",
        "No tenders are planned in this period.",
    ),
    "home.all-tenders": ("Alle geplande aanbestedingen", "All planned tenders"),
    "home.by-category": ("Geplande aanbestedingen per categorie", "Planned tenders by category"),
    "home.by-theme": ("Geplande aanbestedingen per thema", "Planned tenders by theme"),
    "home.goals": ("Rijksbrede doelen", "Government-wide goals"),
    "home.cases": ("Nieuwste praktijkvoorbeelden", "Latest cases"),
    "home.about": ("Over Inkopen met Impact", "About Inkopen met Impact"),
    "home.about.text": (
        "Inkopen met Impact is de inkoopstrategie van het Rijk. Per inkoopcategorie staat in een "
        "categorieplan welke ambitie het Rijk heeft op elk thema, op de niveaus {levels}. "
        "Routekaarten leggen de ambities voor grond-, weg- en waterbouw en vastgoed uit over de "
        "jaren; elk ministerie heeft een MVI-actieplan.",
        "Inkopen met Impact is the procurement strategy of the Dutch central government. For "
        "each procurement category, a category plan states the government's ambition on each "
        "theme, at the levels {levels}. Route maps lay out the ambitions for civil works and "
        "real estate over the years; each ministry has an MVI action plan.",
    ),
    "home.read-more": ("Lees meer over de strategie", "Read more about the strategy"),
    # Calendar and tenders
    "calendar.lead": (
        "De geplande aanbestedingen van het Rijk, per kwartaal van verwachte publicatie, en "
        "daaronder die al zijn gepubliceerd, gegund of ingetrokken. Data zijn verwachtingen: "
        "een kwartaal of maand is geen toezegging.",
        "The central government's planned tenders, by quarter of expected publication, and "
        "below them those already published, awarded or withdrawn. Dates are expectations: a "
        "quarter or month is not a commitment.",
    ),
    "calendar.how-to": ("Zo leest u de kalender", "How to read the calendar"),
    "calendar.quarters": ("Kwartalen", "Quarters"),
    "calendar.empty": ("Er staan geen aanbestedingen gepland.", "No tenders are planned."),
    "calendar.closed": (
        "Gepubliceerd, gegund of ingetrokken",
        "Published, awarded or withdrawn",
    ),
    "tender": ("Aanbesteding", "Tender"),
    "tender.title": ("Titel", "Title"),
    "tender.buyer": ("Aanbestedende dienst", "Contracting authority"),
    "tender.category": ("Categorie", "Category"),
    "tender.kind": ("Soort opdracht", "Type of contract"),
    "tender.procedure": ("Procedure", "Procedure"),
    "tender.procedure.unknown": ("Nog niet bepaald", "Not yet decided"),
    "tender.value": ("Geraamde waarde (excl. btw)", "Estimated value (excl. VAT)"),
    "tender.value.short": ("Waarde", "Value"),
    "tender.value.unknown": ("Niet bekend", "Not known"),
    "tender.threshold": ("Boven Europese drempel", "Above EU threshold"),
    "tender.publication": ("Verwachte publicatie", "Expected publication"),
    "tender.contract-start": ("Verwachte start opdracht", "Expected contract start"),
    "tender.duration": ("Looptijd", "Contract duration"),
    "tender.months": ("{n} maanden", "{n} months"),
    "tender.extension": ("plus {n} maanden optioneel", "plus {n} months optional"),
    "tender.cpv": ("CPV-codes", "CPV codes"),
    "tender.lots": ("Percelen", "Lots"),
    "tender.themes": ("MVI-thema's en ambitieniveau", "MVI themes and ambition level"),
    "tender.themes.none": (
        "Voor deze aanbesteding zijn nog geen MVI-thema's vastgelegd.",
        "No MVI themes have been recorded for this tender yet.",
    ),
    "tender.theme": ("Thema", "Theme"),
    "tender.level": ("Ambitieniveau", "Ambition level"),
    "tender.applied-as": ("Toegepast als", "Applied as"),
    "tender.for-bidders": ("Wat betekent dit voor u?", "What does this mean for you?"),
    "tender.criteria": ("MVI-criteria productgroep", "MVI criteria product group"),
    "tender.social-return": ("Social return", "Social return"),
    "tender.isv": ("Internationale sociale voorwaarden", "International social conditions"),
    "tender.sme": ("Geschikt voor mkb", "Suitable for SMEs"),
    "tender.consultation": ("Marktconsultatie", "Market consultation"),
    "tender.certainty": ("Zekerheid van de planning", "Certainty of the planning"),
    "tender.status": ("Status", "Status"),
    "tender.withdrawn": ("Reden van intrekking", "Reason for withdrawal"),
    "tender.tenderned": ("Bekijk de aankondiging op TenderNed", "See the notice on TenderNed"),
    "tender.last-updated": ("Laatst gewijzigd", "Last changed"),
    "tender.last-updated.unknown": ("niet bekend", "not known"),
    "tender.related-cases": ("Verwante praktijkvoorbeelden", "Related cases"),
    "tender.facts": ("Kerngegevens", "Key facts"),
    "tender.description": ("Omschrijving", "Description"),
    "tender.sustainability": (
        "Duurzaamheid en sociale voorwaarden",
        "Sustainability and social terms",
    ),
    "tender.count": ("{n} aanbestedingen", "{n} tenders"),
    "tender.count.one": ("1 aanbesteding", "1 tender"),
    # Category plans
    "plan.manager": ("Categoriemanager", "Category manager"),
    "plan.scope": ("Reikwijdte", "Scope"),
    "plan.product-groups": ("Productgroepen", "Product groups"),
    "plan.ambitions": ("Ambities per thema", "Ambitions per theme"),
    "plan.targets": ("Doelen", "Targets"),
    "plan.market": ("Marktontwikkelingen", "Market developments"),
    "plan.tenders": (
        "Geplande aanbestedingen in deze categorie",
        "Planned tenders in this category",
    ),
    "plan.cases": ("Praktijkvoorbeelden in deze categorie", "Cases in this category"),
    "plan.reviewed": ("Laatst herzien", "Last reviewed"),
    "plan.full": ("Volledig plan", "Full plan"),
    "plans.lead": (
        "Per rijksbrede inkoopcategorie: de ambitie op elk MVI-thema en de geplande "
        "aanbestedingen.",
        "For each government-wide procurement category: the ambition on each MVI theme and the "
        "planned tenders.",
    ),
    # Route maps
    "route.owner": ("Eigenaar", "Owner"),
    "route.milestones": ("Mijlpalen", "Milestones"),
    "route.year": ("Jaar", "Year"),
    "route.target": ("Doel", "Target"),
    "route.value": ("Waarde", "Value"),
    "route.goal": ("Draagt bij aan", "Contributes to"),
    "routes.lead": (
        "Routekaarten leggen de ambities voor grond-, weg- en waterbouw en voor vastgoed uit over "
        "de jaren.",
        "Route maps lay out the ambitions for civil works and for real estate over the years.",
    ),
    # Action plans
    "action.organisation": ("Organisatie", "Organisation"),
    "action.ambitions": ("Ambities per thema", "Ambitions per theme"),
    "action.actions": ("Acties", "Actions"),
    "action.owner": ("Uitvoerder", "Owner"),
    "action.due": ("Gereed", "Due"),
    "action.indicators": ("Indicatoren", "Indicators"),
    "action.baseline": ("Nulmeting", "Baseline"),
    "action.target": ("Doel", "Target"),
    "action.latest": ("Laatste meting", "Latest value"),
    "actions.lead": (
        "Elk ministerie legt in een MVI-actieplan vast welke ambitie het per thema heeft en met "
        "welke acties het die waarmaakt.",
        "Each ministry sets out in an MVI action plan its ambition per theme and the actions "
        "that deliver it.",
    ),
    # Cases
    "case.year": ("Jaar", "Year"),
    "case.place": ("Plaats", "Place"),
    "case.organisations": ("Opdrachtgevers", "Contracting authorities"),
    "case.partners": ("Partners", "Partners"),
    "case.results": ("Resultaten", "Results"),
    "case.themes": ("Thema's", "Themes"),
    "case.categories": ("Categorieën", "Categories"),
    "case.tenders": (
        "Geplande aanbestedingen in dezelfde categorie",
        "Planned tenders in the same category",
    ),
    "cases.lead": (
        "Voorbeelden van inkopen met impact: wat het Rijk deed en wat het opleverde.",
        "Examples of procurement with impact: what the government did and what it achieved.",
    ),
    # Themes
    "theme.tenders": ("Geplande aanbestedingen met dit thema", "Planned tenders with this theme"),
    "theme.plans": ("Categorieplannen", "Category plans"),
    "theme.goals": ("Doelen", "Goals"),
    "theme.cases": ("Praktijkvoorbeelden", "Cases"),
    "theme.route-maps": ("Mijlpalen in routekaarten", "Milestones in route maps"),
    "theme.action-plans": ("Actieplannen", "Action plans"),
    "themes.lead": (
        "De thema's van maatschappelijk verantwoord inkopen, met alles wat erbij hoort.",
        "The themes of socially responsible procurement, with everything tagged with them.",
    ),
    # Organisations
    "org.kind": ("Soort", "Kind"),
    "org.parent": ("Onderdeel van", "Part of"),
    "org.children": ("Onderdelen", "Units"),
    "org.website": ("Website", "Website"),
    "org.tenders": ("Geplande aanbestedingen", "Planned tenders"),
    "org.action-plans": ("MVI-actieplan", "MVI action plan"),
    "org.category-plans": ("Categoriemanager van", "Category manager of"),
    "org.route-maps": ("Routekaarten", "Route maps"),
    "org.cases": ("Praktijkvoorbeelden", "Cases"),
    "orgs.lead": (
        "Ministeries en uitvoeringsorganisaties die aanbesteden of een MVI-plan hebben.",
        "Ministries and agencies that tender or have an MVI plan.",
    ),
    # Goals and levels
    "goal.kind": ("Soort doel", "Kind of goal"),
    "goal.target": ("Streefwaarde", "Target"),
    "goal.deadline": ("Uiterlijk", "By"),
    "goal.part-of": ("Onderdeel van", "Part of"),
    "goal.measured-by": ("Gemeten uit de kalender", "Measured from the calendar"),
    "goal.source": ("Bron", "Source"),
    "goal.measurements": ("Metingen", "Measurements"),
    "goal.no-measurements": (
        "Voor dit doel zijn nog geen metingen gepubliceerd.",
        "No measurements have been published for this goal yet.",
    ),
    "goal.theme": ("Thema", "Theme"),
    "goal.general": ("Algemeen", "General"),
    "goals.lead": (
        "De rijksbrede doelen uit de bijlage bij Inkopen met Impact: effectdoelen, prestaties en "
        "inspanningen.",
        "The government-wide goals from the annex to Inkopen met Impact: effects, outputs and "
        "efforts.",
    ),
    "levels.lead": (
        "Het ambitieweb kent per thema oplopende niveaus: {levels}. Het niveau in een "
        "categorieplan of aanbesteding zegt wat een inschrijver kan verwachten.",
        "The ambition web has rising levels per theme: {levels}. The level in a category plan "
        "or tender tells a bidder what to expect.",
    ),
    "level.for-bidders": ("Voor inschrijvers", "For bidders"),
    # --- Charts: captions, axes, table headers and the summary sentence under each chart ------
    # --- Calendar filters (shown by the script) ---------------------------------------------
    "filter.title": ("Filter de kalender", "Filter the calendar"),
    "filter.search": ("Zoek op woord of CPV-code", "Search by word or CPV code"),
    "filter.any": ("Alle", "All"),
    "filter.more": (
        "Filter op categorie, inkoper, thema, niveau, periode en meer",
        "Filter by category, buyer, theme, level, period and more",
    ),
    "filter.from": ("Publicatie vanaf", "Publication from"),
    "filter.to": ("Publicatie tot en met", "Publication up to"),
    "filter.eu": ("Europese drempel", "EU threshold"),
    "filter.eu.above": ("Boven de drempel", "Above the threshold"),
    "filter.eu.below": ("Onder de drempel", "Below the threshold"),
    "filter.sme": ("Geschikt voor mkb", "Suitable for SMEs"),
    "filter.sme.yes": ("Ja", "Yes"),
    "filter.sort": ("Sorteer", "Sort"),
    "filter.sort.publication": ("Verwachte publicatie", "Expected publication"),
    "filter.sort.value": ("Hoogste waarde eerst", "Highest value first"),
    "filter.sort.updated": ("Laatst gewijzigd eerst", "Last changed first"),
    "filter.sort.value-low": ("Laagste waarde eerst", "Lowest value first"),
    # A sort other than by quarter shows the open tenders as one list, named by these.
    "calendar.sorted.value": (
        "Open aanbestedingen, hoogste waarde eerst",
        "Open tenders, highest value first",
    ),
    "calendar.sorted.value-low": (
        "Open aanbestedingen, laagste waarde eerst",
        "Open tenders, lowest value first",
    ),
    "calendar.sorted.updated": (
        "Open aanbestedingen, laatst gewijzigd eerst",
        "Open tenders, last changed first",
    ),
    "filter.download.csv": ("Deze weergave als CSV", "This view as CSV"),
    "filter.download.ics": ("Deze weergave als agenda (.ics)", "This view as a calendar (.ics)"),
    "filter.download.lead": (
        "Alleen de aanbestedingen die u nu ziet, in deze volgorde; de agenda bevat alleen de "
        "open aanbestedingen.",
        "Only the tenders shown now, in this order; the calendar holds only the open tenders.",
    ),
    "filter.download.failed": (
        "Downloaden is mislukt. Probeer het opnieuw of gebruik de downloads onder aan de pagina.",
        "The download failed. Try again, or use the downloads at the bottom of the page.",
    ),
    "filter.clear": ("Filters wissen", "Clear filters"),
    "filter.count": ("{n} van {total} aanbestedingen", "{n} of {total} tenders"),
    "filter.none": (
        "Geen aanbesteding past bij deze filters.",
        "No tender matches these filters.",
    ),
    # --- Subscriptions ------------------------------------------------------------------------
    "feed.all": (
        "Inkopen met Impact: alle geplande aanbestedingen",
        "Inkopen met Impact: all planned tenders",
    ),
    "feed.of": (
        "Inkopen met Impact: aanbestedingen – {name}",
        "Inkopen met Impact: tenders – {name}",
    ),
    "feed.subtitle": (
        "Nieuwe en gewijzigde aanbestedingen in de aanbestedingskalender van het Rijk",
        "New and changed tenders in the central government's tender calendar",
    ),
    "feed.event.publication": ("Verwachte publicatie", "Expected publication"),
    "feed.event.consultation": ("Marktconsultatie", "Market consultation"),
    "feed.when": ("Gepland", "Planned"),
    "feed.example": (
        "VOORBEELD: deze aanbesteding is een voorbeeld, geen echte planning.",
        "EXAMPLE: this tender is an example, not a real plan.",
    ),
    "feed.subscribe": ("Abonneren", "Subscribe"),
    "feed.subscribe.lead": (
        "Volg deze aanbestedingen zonder account: zet de agenda in uw agenda-app (bijvoorbeeld "
        "Outlook of Google Agenda: agenda toevoegen via internet-adres) of volg de feed in een "
        "feedlezer.",
        "Follow these tenders without an account: add the calendar to your calendar app (e.g. "
        "Outlook or Google Calendar: add a calendar from a web address) or follow the feed in a "
        "feed reader.",
    ),
    "section.subscribe": ("Abonneren", "Subscribe"),
    "subscribe.lead": (
        "Volg de aanbestedingskalender zonder account: als agenda in uw agenda-app, of als "
        "nieuws-feed in een feedlezer. Er is een agenda en een feed van alle aanbestedingen, en "
        "van elke inkoopcategorie, inkopende organisatie en elk thema. Elke aanbesteding heeft "
        "op haar eigen pagina ook een agenda-bestand en een feed van haar wijzigingen.",
        "Follow the tender calendar without an account: as a calendar in your calendar app, or "
        "as a news feed in a feed reader. There is a calendar and a feed of all tenders, and of "
        "each procurement category, buyer and theme. Each tender also has a calendar file and a "
        "feed of its changes on its own page.",
    ),
    "subscribe.how": ("Zo abonneert u zich", "How to subscribe"),
    "subscribe.how.lead": (
        "Kopieer het adres van de link (rechtsklikken, 'Link kopiëren' of 'Adres van link "
        "kopiëren') en plak het in uw app. Klikt u op een agenda-link, dan voegen de meeste "
        "apps één keer een kopie toe, die niet meer wordt bijgewerkt: een abonnement via het "
        "adres blijft wel bij.",
        "Copy the link's address (right-click, 'Copy link' or 'Copy link address') and paste "
        "it into your app. Clicking a calendar link makes most apps add a copy once, which is "
        "not updated again; a subscription by its address stays up to date.",
    ),
    "subscribe.outlook": (
        "Kies in de agenda 'Agenda toevoegen' en dan 'Abonneren via internet' (in de klassieke "
        "Outlook: 'Agenda toevoegen', 'Van internet'), plak het adres en geef de agenda een "
        "naam.",
        "In the calendar, choose 'Add calendar' and then 'Subscribe from web' (in classic "
        "Outlook: 'Add Calendar', 'From Internet'), paste the address and name the calendar.",
    ),
    "subscribe.google": (
        "Klik in Google Agenda op de computer naast 'Andere agenda's' op het plusteken, kies "
        "'Via URL' en plak het adres. Google werkt geabonneerde agenda's op eigen tijden bij, "
        "soms maar één keer per dag.",
        "In Google Calendar on a computer, click the plus sign next to 'Other calendars', "
        "choose 'From URL' and paste the address. Google refreshes subscribed calendars on its "
        "own schedule, sometimes only once a day.",
    ),
    "subscribe.apple": (
        "Op een Mac: in Agenda 'Archief', 'Nieuw agenda-abonnement', en plak het adres. Op een "
        "iPhone of iPad: in Instellingen bij Agenda, 'Accounts', 'Voeg account toe', 'Anders', "
        "'Voeg agenda-abonnement toe'.",
        "On a Mac: in Calendar, 'File', 'New Calendar Subscription', and paste the address. On "
        "an iPhone or iPad: in Settings under Calendar, 'Accounts', 'Add Account', 'Other', "
        "'Add Subscribed Calendar'.",
    ),
    "subscribe.reader": ("Een feedlezer", "A feed reader"),
    "subscribe.reader.how": (
        "Plak het adres van een Atom-feed in uw feedlezer (bijvoorbeeld die van Thunderbird). "
        "Elke nieuwe of gewijzigde aanbesteding verschijnt dan als bericht, gedateerd op de dag "
        "van de wijziging.",
        "Paste the address of an Atom feed into your feed reader (for example Thunderbird's). "
        "Each new or changed tender then appears as an item, dated by the day of the change.",
    ),
    "subscribe.events": (
        "In de agenda staat elke verwachte publicatie en marktconsultatie als één dag: de dag "
        "zelf als die bekend is, anders de eerste dag van de maand of het kwartaal, met die "
        "maand of dat kwartaal in de titel. Zo vult een kwartaal niet weken van uw agenda. De "
        "afspraken zijn 'voorlopig' tot de planning is bevestigd, en maken u nooit 'bezet'.",
        "In the calendar each expected publication and market consultation is one day: the "
        "day itself when it is known, otherwise the first day of the month or quarter, with "
        "that month or quarter in its title. So a quarter does not fill weeks of your "
        "calendar. Events are 'tentative' until the planning is confirmed, and never make you "
        "'busy'.",
    ),
    "subscribe.all": ("Alle aanbestedingen", "All tenders"),
    "subscribe.category": ("Per inkoopcategorie", "Per procurement category"),
    "subscribe.buyer": ("Per inkopende organisatie", "Per buyer"),
    "subscribe.theme": ("Per thema", "Per theme"),
    "subscribe.changes": ("Wijzigingen", "Changes"),
    "subscribe.col.category": ("Categorie", "Category"),
    "subscribe.col.buyer": ("Organisatie", "Organisation"),
    "subscribe.col.theme": ("Thema", "Theme"),
    "subscribe.col.ics": ("Agenda", "Calendar"),
    "subscribe.col.atom": ("Feed", "Feed"),
    "subscribe.none": ("Er zijn nog geen aanbestedingen.", "There are no tenders yet."),
    "subscribe.more": ("Alle abonnementen", "All subscriptions"),
    "feed.ics": ("Agenda (.ics)", "Calendar (.ics)"),
    "feed.atom": ("Nieuws-feed (Atom)", "News feed (Atom)"),
    "feed.add-tender": ("Zet in mijn agenda (.ics)", "Add to my calendar (.ics)"),
    "feed.follow-tender": ("Volg deze aanbesteding (Atom)", "Follow this tender (Atom)"),
    # --- Open data ----------------------------------------------------------------------------
    "data.lead": (
        "Alle gegevens van deze site zijn vrij te gebruiken, zonder account en zonder "
        "voorwaarden. De bestanden worden bij elke wijziging opnieuw gemaakt uit dezelfde "
        "gegevens als de pagina's.",
        "All data on this site are free to use, without an account and without conditions. "
        "The files are made again at every change, from the same data as the pages.",
    ),
    "data.licence": (
        "De gegevens staan in het publieke domein onder de verklaring",
        "The data are dedicated to the public domain under",
    ),
    "data.examples": (
        "Records met Voorbeeld = ja zijn illustratief, geen echte planning of toezegging.",
        "Records with Example = yes are illustrative, not a real plan or commitment.",
    ),
    "data.calendar": ("De aanbestedingskalender", "The tender calendar"),
    "data.calendar.lead": (
        "Eén rij per aanbesteding, in kalendervolgorde, in drie formaten. Het Excel-bestand "
        "(XLSX) heeft getypeerde kolommen (bedragen als getallen, datums als datums), een filter "
        "op de kopregel en een tabblad Toelichting. De CSV voor Excel opent met een dubbelklik "
        "in kolommen in een Nederlandse Excel: puntkomma's en een byte-order mark, zodat "
        "letters als ë goed blijven. De gewone CSV (UTF-8, komma's, zonder byte-order mark) is "
        "voor programma's zoals Python, R, LibreOffice en databases. Ja/nee staat in elk formaat "
        "als ja of nee; tekst die een spreadsheet als formule zou uitvoeren, begint met een "
        "apostrof.",
        "One row per tender, in calendar order, in three formats, with English headers and "
        "labels (the Dutch site has the same files in Dutch). The Excel file (XLSX) has typed "
        "columns (amounts as numbers, dates as dates), a filter on the header row and a Notes "
        "sheet. The CSV for Excel opens in columns with a double-click in an English Excel: "
        "commas and a byte-order mark, so letters such as ë stay intact. The plain CSV (UTF-8, "
        "commas, no byte-order mark) is for programs such as Python, R, LibreOffice and "
        "databases. Yes/no is yes or no in every format; text a spreadsheet would run as a "
        "formula starts with an apostrophe.",
    ),
    "data.file": ("Bestand", "File"),
    "data.format": ("Formaat", "Format"),
    "data.size": ("Grootte", "Size"),
    "data.records": ("Records", "Records"),
    "data.all-tenders": ("Alle aanbestedingen", "All tenders"),
    "data.per-category": ("Per inkoopcategorie", "Per procurement category"),
    "data.per-category.caption": (
        "Downloads per inkoopcategorie",
        "Downloads per procurement category",
    ),
    "data.category": ("Categorie", "Category"),
    "data.template": ("Sjabloon voor de planning", "Planning template"),
    "data.template.lead": (
        "Een leeg Excel-bestand met de kolommen van de kalender en een tabblad Toelichting in het "
        "Nederlands en Engels. Inkopers kunnen hun planning erin bijhouden; de redactie leest een "
        "ingevuld sjabloon of een bijgewerkte kalender in met mvi-site import.",
        "An empty Excel file with the calendar's columns and a sheet Toelichting (notes) in Dutch "
        "and English. Buyers can keep their planning in it; the editors read a filled-in template "
        "or an updated calendar in with mvi-site import.",
    ),
    "data.columns": ("Kolommen van de kalender", "Columns of the calendar"),
    "data.column": ("Kolom", "Column"),
    "data.type": ("Type", "Type"),
    "data.meaning": ("Betekenis", "Meaning"),
    "data.type.text": ("tekst", "text"),
    "data.type.integer": ("geheel getal", "whole number"),
    "data.type.date": ("datum (JJJJ-MM-DD)", "date (YYYY-MM-DD)"),
    "data.type.boolean": ("ja/nee", "yes/no"),
    "data.type.url": ("webadres", "web address"),
    "data.json": ("Alle records als JSON", "All records as JSON"),
    "data.json.lead": (
        "Per soort record één JSON-bestand in ons eigen formaat, met een JSON Schema dat uit "
        "dezelfde modellen komt als de controle van de gegevens. Tekst staat er in het "
        "Nederlands en, waar vertaald, in het Engels: {example}. Geplande datums zijn een dag, "
        "maand of kwartaal (2027-05-14, 2027-05 of 2027-Q2); velden zonder waarde ontbreken.",
        "One JSON file per kind of record in our own format, with a JSON Schema made from the "
        "same models that check the data. Text is in Dutch and, where translated, in English: "
        "{example}. Planned dates are a day, month or quarter (2027-05-14, 2027-05 or 2027-Q2); "
        "fields without a value are left out.",
    ),
    "data.kind": ("Soort", "Kind"),
    "data.schema": ("Schema", "Schema"),
    "data.fields": ("Velden: {name}", "Fields: {name}"),
    "data.field": ("Veld", "Field"),
    "data.required": ("Verplicht", "Required"),
    "data.ocds": ("Open Contracting (OCDS)", "Open Contracting (OCDS)"),
    "data.ocds.lead": (
        "De kalender volgens de Open Contracting Data Standard 1.1. Het release package heeft "
        "per aanbesteding één release voor elke wijziging, gedateerd met de commit die haar "
        "wijzigde; het record package heeft per aanbesteding die releases met de huidige stand "
        "(compiled release) en de geschiedenis van elk veld (versioned release). Het "
        "ambitieniveau per MVI-thema en de inkoopcategorie staan in een kleine eigen extensie, "
        "die in de pakketten is gedeclareerd.",
        "The calendar in the Open Contracting Data Standard 1.1. The release package has one "
        "release per tender for each change, dated by the commit that made it; the record "
        "package has, per tender, those releases with the current state (compiled release) and "
        "the history of each field (versioned release). The ambition level per MVI theme and "
        "the procurement category are in a small extension of our own, declared in the "
        "packages.",
    ),
    "data.ocds.count": ("{count} aanbestedingen", "{count} tenders"),
    "data.ocds.extension": ("OCDS-extensie", "OCDS extension"),
    "data.feeds": ("Abonnementen", "Subscriptions"),
    "data.feeds.lead": (
        "Wie wil weten wat er verandert, kan de kalender volgen als agenda (.ics) of als "
        "nieuws-feed (Atom): voor alle aanbestedingen en per categorie, inkoper en thema, op de "
        "pagina van die categorie, inkoper of dat thema.",
        "To follow what changes, subscribe to the calendar as a calendar (.ics) or a news feed "
        "(Atom): for all tenders, and per category, buyer and theme on the page of that "
        "category, buyer or theme.",
    ),
    "data.download": ("Download de kalender", "Download the calendar"),
    "data.format.xlsx": ("Excel-werkmap (.xlsx)", "Excel workbook (.xlsx)"),
    "data.format.excel-csv": ("CSV voor Excel", "CSV for Excel"),
    "data.format.csv": ("CSV voor andere programma's", "CSV for other programs"),
    "data.download.lead": (
        "Alle formaten en de uitleg van elke kolom staan op de pagina",
        "Every format, and what each column means, is on the page",
    ),
    # --- Changes ------------------------------------------------------------------------------
    "section.changes": ("Wijzigingen", "Changes"),
    "change.added": ("Toegevoegd", "Added"),
    "change.removed": ("Verwijderd", "Removed"),
    "change.withdrawn": ("Ingetrokken: {reason}", "Withdrawn: {reason}"),
    "change.status": ("Status: {status}", "Status: {status}"),
    "change.see-tenderned": ("zie TenderNed", "see TenderNed"),
    "change.moved": ("{what} verschoven van {old} naar {new}", "{what} moved from {old} to {new}"),
    "change.planned": ("{what} gepland: {new}", "{what} planned: {new}"),
    "change.from-to": ("{what}: {old} → {new}", "{what}: {old} → {new}"),
    "change.field": ("{what} gewijzigd", "{what} changed"),
    "change.value.dropped": ("{what} niet meer vermeld", "{what} no longer given"),
    "change.value.known": ("{what}: {new}", "{what}: {new}"),
    "change.value.raised": (
        "{what} verhoogd naar {new} (was {old})",
        "{what} raised to {new} (was {old})",
    ),
    "change.value.lowered": (
        "{what} verlaagd naar {new} (was {old})",
        "{what} lowered to {new} (was {old})",
    ),
    "change.value.changed": (
        "{what} gewijzigd naar {new} (was {old})",
        "{what} changed to {new} (was {old})",
    ),
    "change.kind.tender": ("Aanbestedingen", "Tenders"),
    "change.none": ("Geen wijzigingen in de gegevens.", "No changes to the data."),
    "change.title": ("Wijzigingen in de gegevens ({n})", "Changes to the data ({n})"),
    # Changes in words for every kind (generator/history/words.py): items named as on their page
    "change.changed": (
        "{what} gewijzigd van {old} naar {new}",
        "{what} changed from {old} to {new}",
    ),
    "change.raised": ("{what} verhoogd van {old} naar {new}", "{what} raised from {old} to {new}"),
    "change.lowered": (
        "{what} verlaagd van {old} naar {new}",
        "{what} lowered from {old} to {new}",
    ),
    "change.given": ("{what} toegevoegd: {new}", "{what} added: {new}"),
    "change.order": ("{what}: volgorde gewijzigd", "{what}: order changed"),
    "change.list.added": ("{names} toegevoegd", "{names} added"),
    "change.list.removed": ("{names} verwijderd", "{names} removed"),
    "change.item": ("{item}: {changes}", "{item}: {changes}"),
    "change.item.added": ("{item} toegevoegd", "{item} added"),
    "change.item.added.value": ("{item} toegevoegd: {value}", "{item} added: {value}"),
    "change.item.removed": ("{item} verwijderd", "{item} removed"),
    "change.item.removed.value": (
        "{item} verwijderd (was {value})",
        "{item} removed (was {value})",
    ),
    "change.item.moved": (
        "{item} verschoven van {old} naar {new}",
        "{item} moved from {old} to {new}",
    ),
    "change.item.action": ("Actie '{title}' ({id})", "Action '{title}' ({id})"),
    "change.item.indicator": ("Indicator '{title}' ({id})", "Indicator '{title}' ({id})"),
    "change.item.milestone": ("Mijlpaal {year} ({theme})", "Milestone {year} ({theme})"),
    "change.item.milestone.named": (
        "Mijlpaal '{target}' ({theme})",
        "Milestone '{target}' ({theme})",
    ),
    "change.item.result": ("Resultaat '{label}'", "Result '{label}'"),
    "change.item.measurement": ("Meting {year}", "Measurement {year}"),
    "change.item.ambition": ("Ambitie voor thema {theme}", "Ambition for theme {theme}"),
    "change.label.abbreviation": ("Afkorting", "Abbreviation"),
    "change.label.body": ("Tekst", "Text"),
    "change.label.deadline": ("Uiterste jaar", "Deadline"),
    "change.label.due": ("Datum gereed", "Due date"),
    "change.label.goal": ("Rijksbreed doel", "Government-wide goal"),
    "change.label.images": ("Afbeeldingen", "Images"),
    "change.label.isv-risk": (
        "Hoog risico voor internationale sociale voorwaarden",
        "High risk for international social conditions",
    ),
    "change.label.label": ("Omschrijving", "Label"),
    "change.label.name": ("Naam", "Name"),
    "change.label.ocds-goal": ("Duurzaamheidsdoel in OCDS", "Sustainability goal in OCDS"),
    "change.label.order": ("Volgorde", "Order"),
    "change.label.quote": ("Citaat", "Quote"),
    "change.label.short-name": ("Korte naam", "Short name"),
    # A record deleted in the pull request: the editor confirms it (mvi-site diff only)
    "change.confirm": ("Ingetrokken of verwijderd — bevestig", "Withdrawn or deleted — confirm"),
    "change.confirm.tender": (
        "Het bestand is verwijderd, dus de aanbesteding verdwijnt zonder uitleg van de site. "
        "Gaat de aanbesteding niet door, trek haar dan in: zet status: withdrawn met een "
        "withdrawal_reason en laat het bestand staan, zodat leveranciers zien waarom. Verwijder "
        "het bestand alleen als het nooit gepubliceerd had mogen worden, en bevestig dat in de "
        "pull request.",
        "The file was deleted, so the tender disappears from the site without an explanation. If "
        "the tender will not go ahead, withdraw it: set status: withdrawn with a "
        "withdrawal_reason and keep the file, so suppliers can see why. Delete the file only if "
        "it should never have been published, and confirm that in the pull request.",
    ),
    "change.confirm.record": (
        "Het record is verwijderd: het verdwijnt van de site, en verwijzingen ernaar uit andere "
        "bestanden werken niet meer. Bevestig in de pull request dat dit de bedoeling is.",
        "The record was deleted: it disappears from the site, and references to it from other "
        "files stop working. Confirm in the pull request that this is intended.",
    ),
    "change.confirm.one": (
        "Bevestig: 1 record is verwijderd (zie hieronder).",
        "Confirm: 1 record was deleted (see below).",
    ),
    "change.confirm.many": (
        "Bevestig: {n} records zijn verwijderd (zie hieronder).",
        "Confirm: {n} records were deleted (see below).",
    ),
    "change.invalid": (
        "Niet vergeleken, want een van beide versies heeft fouten (mvi-site validate noemt ze)",
        "Not compared, because one of the two versions has errors (mvi-site validate lists them)",
    ),
    "change.first": (
        "{base} heeft nog geen map data/: dit zijn de eerste gegevens, elk record is nieuw.",
        "{base} has no data/ folder yet: these are the first data, every record is new.",
    ),
    "changes.lead": (
        "Elke wijziging in de gegevens van deze site, per datum, uit de Git-geschiedenis waarin "
        "de redactie werkt. Bij elke wijziging staat waarom die is gedaan.",
        "Every change to the data on this site, per date, from the Git history the editors work "
        "in. Each change says why it was made.",
    ),
    "changes.why": ("Reden", "Reason"),
    "changes.more": (
        "Hier staan de laatste {n} wijzigingen; de volledige geschiedenis staat in de "
        "Git-repository van deze site.",
        "These are the latest {n} changes; the full history is in this site's Git repository.",
    ),
    "changes.unavailable.shallow": (
        "De wijzigingsgeschiedenis is niet beschikbaar in deze versie van de site: die is "
        "gebouwd zonder de volledige Git-geschiedenis.",
        "The change history is not available in this version of the site: it was built without "
        "the full Git history.",
    ),
    "changes.unavailable.no-git": (
        "De wijzigingsgeschiedenis is niet beschikbaar in deze versie van de site: de gegevens "
        "komen niet uit een Git-repository.",
        "The change history is not available in this version of the site: the data do not come "
        "from a Git repository.",
    ),
    "changes.subscribe": ("Volg de wijzigingen", "Follow the changes"),
    "changes.feed": ("Wijzigingen (Atom)", "Changes (Atom)"),
    "changes.feed.all": (
        "Inkopen met Impact: wijzigingen in de aanbestedingskalender",
        "Inkopen met Impact: changes to the tender calendar",
    ),
    "changes.feed.of": (
        "Inkopen met Impact: wijzigingen – {name}",
        "Inkopen met Impact: changes – {name}",
    ),
    "tender.history": ("Geschiedenis", "History"),
    "tender.history.none": (
        "Nog geen wijzigingen bekend sinds deze aanbesteding op de kalender kwam.",
        "No changes known since this tender was added to the calendar.",
    ),
    # --- Staleness ----------------------------------------------------------------------------
    "stale.badge": ("Planning verlopen", "Planning overdue"),
    "consultation.badge": ("Marktconsultatie loopt", "Market consultation open"),
    "stale.tender": (
        "De verwachte publicatie ({date}) is voorbij, maar de planning is niet bijgewerkt. Vraag "
        "de contactpersoon naar de actuele stand.",
        "The expected publication ({date}) has passed, but the planning has not been updated. "
        "Ask the contact for the current state.",
    ),
    "stale.plan": (
        "Dit categorieplan is sinds {date} niet herzien: langer dan een jaar geleden. Het kan "
        "verouderd zijn.",
        "This category plan has not been reviewed since {date}: more than a year ago. It may be "
        "out of date.",
    ),
    "stale.home": ("Planning verlopen", "Planning overdue"),
    "stale.home.lead": (
        "Geplande aanbestedingen waarvan de verwachte publicatie voorbij is zonder dat de "
        "planning is bijgewerkt, per categorie.",
        "Planned tenders whose expected publication has passed without the planning being "
        "updated, per category.",
    ),
    "stale.no-category": ("Zonder categorie", "No category"),
    # --- Search -----------------------------------------------------------------------------
    "search.title": ("Zoeken", "Search"),
    "search.open": ("Zoeken op deze site", "Search this site"),
    "search.lead": (
        "Zoek in de aanbestedingskalender, de categorieplannen, routekaarten, actieplannen en "
        "praktijkvoorbeelden. De zoekindex staat op deze site zelf: uw zoekvraag gaat nergens "
        "anders heen.",
        "Search the tender calendar, category plans, route maps, action plans and cases. The "
        "search index is part of this site: your query goes nowhere else.",
    ),
    "search.noscript": (
        "Zoeken werkt met JavaScript. Zonder JavaScript vindt u alle aanbestedingen in de "
        "aanbestedingskalender en alle gegevens als open data.",
        "Search needs JavaScript. Without it, you find every tender in the tender calendar and "
        "all data as open data.",
    ),
    # --- Editors' references ------------------------------------------------------------------
    "ref.fields": ("Veldenlijst", "Field reference"),
    "ref.guide": ("Terug naar de handleiding voor redacteuren", "Back to the guide for editors"),
    "ref.fields.lead": (
        "Elk veld van elke soort record: wat u invult, in welke vorm, of het verplicht is en wat "
        "het betekent. Deze lijst wordt gemaakt uit dezelfde modellen die uw bestanden "
        "controleren, dus hij loopt nooit achter.",
        "Every field of every kind of record: what to write, in which form, whether it is "
        "required and what it means. This list is made from the same models that check your "
        "files, so it is never out of date.",
    ),
    "ref.fields.file": ("Bestand: {path}", "File: {path}"),
    "ref.types": ("Soorten waarden", "Kinds of values"),
    "ref.type": ("Soort", "Kind"),
    "ref.messages": ("Meldingen en oplossingen", "Messages and fixes"),
    "ref.messages.lead": (
        "Elke melding die de controle kan geven, met de code tussen vierkante haken zoals in de "
        "uitvoer, wat ze betekent en hoe u het oplost. Een fout houdt publicatie tegen; een "
        "waarschuwing niet, maar los ook die op. Een … staat voor de waarde uit uw bestand.",
        "Every message the check can give, with its code in square brackets as in the output, "
        "what it means and how to fix it. An error stops publication; a warning does not, but "
        "fix warnings too. A … stands for the value from your file.",
    ),
    "ref.errors": ("Fouten", "Errors"),
    "ref.warnings": ("Waarschuwingen", "Warnings"),
    "ref.code": ("Code", "Code"),
    "ref.message": ("Melding", "Message"),
    "ref.fix": ("Oplossing", "Fix"),
    "ref.policy": ("Beleidscontroles", "Policy checks"),
    "ref.policy.lead": (
        "Deze waarschuwingen melden waar een record afwijkt van een regel die de strategie "
        "Inkopen met Impact letterlijk stelt. Het zijn nooit fouten: de strategie vraagt de regel "
        "toe te passen waar die past. Elke controle berust op de passage hieronder; geen "
        "controle gebruikt een grens die niet in de bron staat.",
        "These warnings report where a record departs from a rule that the strategy Inkopen met "
        "Impact states in so many words. They are never errors: the strategy asks for the rule "
        "to be applied where it fits. Each check rests on the passage below (quoted in Dutch, "
        "as written); no check uses a threshold that is not in the source.",
    ),
    "ref.source": ("Bron", "Source"),
    "ref.passage": ("Passage", "Passage"),
    "chart.and": ("en", "and"),
    "calendar.pipeline": ("De pijplijn in grafieken", "The pipeline in charts"),
    "themes.matrix": ("Ambities per categorie en thema", "Ambitions per category and theme"),
    "themes.matrix.lead": (
        "Zo leest u het ambitieweb over het hele Rijk: per categorieplan het gekozen niveau per "
        "thema. Een leeg vak betekent dat het plan voor dat thema geen niveau kiest.",
        "The ambition web read across the whole government: for each category plan the level "
        "chosen per theme. An empty cell means the plan sets no level for that theme.",
    ),
    "goals.progress": ("Voortgang", "Progress"),
    "chart.data": ("De cijfers van deze grafiek", "The figures behind this chart"),
    "chart.csv": ("Download de cijfers (CSV)", "Download the figures (CSV)"),
    "chart.quarter": ("Kwartaal", "Quarter"),
    "chart.year": ("Jaar", "Year"),
    "chart.category": ("Categorie", "Category"),
    "chart.no-category": ("Geen categorie", "No category"),
    "chart.tender": ("Aanbesteding", "Tender"),
    "chart.tenders": ("Aantal aanbestedingen", "Number of tenders"),
    "chart.theme": ("Thema", "Theme"),
    "chart.level": ("Ambitieniveau", "Ambition level"),
    "chart.level.none": ("Geen niveau gekozen", "No level chosen"),
    "chart.value": ("Waarde", "Value"),
    "chart.unit": ("Eenheid", "Unit"),
    "chart.status": ("Status", "Status"),
    "chart.actions": ("Aantal acties", "Number of actions"),
    "chart.cases": ("Aantal praktijkvoorbeelden", "Number of cases"),
    "chart.pipeline.title": (
        "Geplande aanbestedingen per kwartaal van verwachte publicatie, per categorie",
        "Planned tenders per quarter of expected publication, by category",
    ),
    "chart.pipeline.summary": (
        "{total} geplande aanbestedingen in {quarters} kwartalen; de meeste, {top}, in {busiest}.",
        "{total} planned tenders in {quarters} quarters; most of them, {top}, in {busiest}.",
    ),
    "chart.pipeline.summary.even": (
        "{total} geplande aanbestedingen in {quarters} kwartalen, {top} per kwartaal.",
        "{total} planned tenders in {quarters} quarters, {top} in each.",
    ),
    "chart.value.title": (
        "Geraamde waarde per kwartaal: de som van de laagste (donker) en de hoogste (gearceerd) "
        "ramingen, in miljoenen euro",
        "Estimated value per quarter: the sum of the lowest (dark) and the highest (hatched) "
        "estimates, in millions of euros",
    ),
    "chart.value.axis": ("Miljoen euro", "Million euros"),
    "chart.value.summary": (
        "De hoogste geraamde waarde, {value}, valt in {quarter}.",
        "The highest estimated value, {value}, falls in {quarter}.",
    ),
    "chart.value.unknown": (
        "Aanbestedingen zonder raming (niet meegeteld): {count}.",
        "Tenders without an estimate (not counted): {count}.",
    ),
    "chart.value.low": ("Laagste raming", "Lowest estimate"),
    "chart.value.high": ("Hoogste raming", "Highest estimate"),
    "chart.value.with": ("Met raming", "With an estimate"),
    "chart.value.without": ("Zonder raming", "Without an estimate"),
    "chart.timeline.title": (
        "Tijdlijn per aanbesteding: marktconsultatie, verwachte publicatie en start van het "
        "contract",
        "Timeline of each tender: market consultation, expected publication and contract start",
    ),
    "chart.timeline.summary": (
        "{count} geplande aanbestedingen; de eerste verwachte publicatie is {first}, de laatste "
        "{last}.",
        "{count} planned tenders; the first expected publication is {first}, the last {last}.",
    ),
    "chart.timeline.first": (
        "De grafiek toont de eerste {shown}; de tabel hierboven noemt ze allemaal.",
        "The chart shows the first {shown}; the table above lists them all.",
    ),
    "chart.timeline.consultation": ("Marktconsultatie", "Market consultation"),
    "chart.timeline.publication": ("Verwachte publicatie", "Expected publication"),
    "chart.timeline.contract_start": ("Start contract", "Contract start"),
    "chart.matrix.title": (
        "Ambitieniveau per categorie en thema (het ambitieweb van het Rijk)",
        "Ambition level per category and theme (the government's ambition web)",
    ),
    "chart.matrix.summary": (
        "{plans} categorieplannen kiezen samen {cells} ambitieniveaus, waarvan {ambitious} "
        "{level}.",
        "{plans} category plans set {cells} ambition levels between them, {ambitious} of them "
        "{level}.",
    ),
    "chart.matrix.most": (
        "De meeste ambitieuze keuzes ({count}) gelden voor {themes}.",
        "Most ambitious choices ({count}) concern {themes}.",
    ),
    "chart.profile.title": ("Ambitieniveau per thema", "Ambition level per theme"),
    "chart.profile.summary": (
        "Een niveau gekozen voor {chosen} van de {themes} thema's; het hoogste ({level}) voor "
        "{names}.",
        "A level chosen for {chosen} of the {themes} themes; the highest ({level}) for {names}.",
    ),
    "chart.route.title": (
        "Mijlpalen per thema en jaar, met de meetbare waarde waar de routekaart die geeft",
        "Milestones per theme and year, with the measurable value where the route map gives one",
    ),
    "chart.route.summary": (
        "{count} mijlpalen van {first} tot en met {last}, waarvan {measurable} met een meetbare "
        "waarde (ruit).",
        "{count} milestones from {first} to {last}, {measurable} of them with a measurable "
        "value (diamond).",
    ),
    "chart.route.summary.one-year": (
        "{count} mijlpalen in {last}, waarvan {measurable} met een meetbare waarde (ruit).",
        "{count} milestones in {last}, {measurable} of them with a measurable value (diamond).",
    ),
    "chart.route.target": ("Doel", "Target"),
    "chart.actions.title": ("Acties per thema, naar status", "Actions per theme, by status"),
    "chart.actions.summary": (
        "{done} van de {total} acties zijn gereed; vertraagd: {delayed}.",
        "{done} of the {total} actions are done; delayed: {delayed}.",
    ),
    "chart.indicators.title": (
        "Indicatoren: nulmeting, gemeten waarden en streefwaarde per jaar",
        "Indicators: baseline, measured values and target per year",
    ),
    "chart.indicators.summary": ("Aantal indicatoren: {count}.", "Number of indicators: {count}."),
    "chart.indicators.best": (
        "Het verst op weg van nulmeting naar streefwaarde: {name}, op {share}%.",
        "Furthest along from baseline to target: {name}, at {share}%.",
    ),
    "chart.progress.series": ("Indicator", "Indicator"),
    "chart.progress.kind": ("Soort waarde", "Kind of value"),
    "chart.progress.baseline": ("Nulmeting", "Baseline"),
    "chart.progress.measured": ("Gemeten", "Measured"),
    "chart.progress.target": ("Streefwaarde", "Target"),
    "chart.goals.title": (
        "Voortgang van de rijksbrede doelen: gemeten waarden en streefwaarde",
        "Progress toward the government-wide goals: measured values and target",
    ),
    "chart.goals.summary": (
        "Voor {count} van de {total} doelen zijn meetwaarden gepubliceerd.",
        "Measured values are published for {count} of the {total} goals.",
    ),
    "chart.goals.none": (
        "Voor deze doelen zijn nog geen meetwaarden gepubliceerd, dus er is geen voortgang te "
        "tonen. Zodra een meting in de bronnen staat, verschijnt hier een grafiek.",
        "No measured values have been published for these goals yet, so there is no progress to "
        "show. Once a measurement appears in the sources, a chart appears here.",
    ),
    "chart.cases.title": (
        "Praktijkvoorbeelden per thema en jaar",
        "Cases per theme and year",
    ),
    "chart.cases.summary": (
        "{count} praktijkvoorbeelden uit {first}–{last}; de meeste ({most}) over {themes}.",
        "{count} cases from {first}–{last}; most of them ({most}) on {themes}.",
    ),
    # --- Forecast accuracy: a tender's planning history and the accuracy page -----------------
    "section.forecast": ("Nauwkeurigheid van de planning", "Forecast accuracy"),
    "section.product-groups": ("Productgroepen", "Product groups"),
    "product-groups.lead": (
        "De MVI-criteria zijn per productgroep opgesteld: eisen, gunningscriteria en "
        "contractvoorwaarden op drie ambitieniveaus. Inkopen met Impact vraagt ze toe te passen "
        "bij alle aanbestedingen in de relevante productgroepen. Per productgroep ziet u hier "
        "welke aanbestedingen gepland zijn.",
        "The MVI criteria are set per product group: requirements, award criteria and contract "
        "conditions at three ambition levels. Procurement with Impact asks for them in every "
        "tender in the relevant product groups. For each product group you see here which "
        "tenders are planned.",
    ),
    "product-groups.tool": (
        "De criteria zelf staan in de",
        "The criteria themselves are in the",
    ),
    "product-groups.tool.link": (
        "MVI-criteriatool (mvicriteria.nl)",
        "MVI criteria tool (mvicriteria.nl, in Dutch)",
    ),
    "product-groups.high-impact": ("High-impactproductgroepen", "High-impact product groups"),
    "product-groups.high-impact.badge": ("High impact", "High impact"),
    "product-groups.high-impact.lead": (
        "De strategie noemt acht productgroepen waarin het Rijk de meeste impact kan maken en "
        "waaraan het extra aandacht geeft in voorbereiding, communicatie en rapportage "
        "(Inkopen met Impact, tabel 3.1).",
        "The strategy names eight product groups in which central government can make the most "
        "impact and to which it gives extra attention in preparation, communication and "
        "reporting (Procurement with Impact, table 3.1).",
    ),
    "product-groups.other": ("Andere productgroepen", "Other product groups"),
    "product-group.criteria": ("De MVI-criteria", "The MVI criteria"),
    "product-group.criteria.lead": (
        "Lees de criteria van deze productgroep in de criteriatool:",
        "Read the criteria of this product group in the criteria tool:",
    ),
    "product-group.criteria.link": (
        "{name} op mvicriteria.nl",
        "{name} at mvicriteria.nl (in Dutch)",
    ),
    "product-group.criteria.unknown": (
        "Het adres van deze productgroep in de criteriatool staat niet in de bronnen van deze "
        "site; zoek de productgroep op in de",
        "The address of this product group in the criteria tool is not in this site's sources; "
        "look the product group up in the",
    ),
    "product-group.themes": (
        "De criteria van deze productgroep dekken deze thema's:",
        "The criteria of this product group cover these themes:",
    ),
    "product-group.tenders": (
        "Geplande aanbestedingen in deze productgroep",
        "Planned tenders in this product group",
    ),
    "tender.instruments": ("Innovatie-instrumenten", "Innovation instruments"),
    "tender.impact-weighting": (
        "Weging maatschappelijke impact bij de gunning",
        "Social impact weighting of the award",
    ),
    "tender.published-on": ("Gepubliceerd op TenderNed", "Published on TenderNed"),
    "tender.awarded-on": ("Gegund op", "Awarded on"),
    "tender.withdrawn-on": ("Ingetrokken op", "Withdrawn on"),
    "forecast.planning": ("Planning", "Planning"),
    "forecast.announced": (
        "Eerst aangekondigd op {date}, met als verwachte publicatie {window}.",
        "First announced on {date}, with expected publication {window}.",
    ),
    "forecast.moved.0": (
        "Niet verschoven sinds de eerste aankondiging",
        "Not moved since first announced",
    ),
    "forecast.moved.0.refined": (
        "Niet verschoven sinds de eerste aankondiging, wel nader bepaald",
        "Not moved since first announced, only made more precise",
    ),
    "forecast.moved.1": (
        "Eén keer verschoven sinds de eerste aankondiging",
        "Moved once since first announced",
    ),
    "forecast.moved.2": (
        "Twee keer verschoven sinds de eerste aankondiging",
        "Moved twice since first announced",
    ),
    "forecast.moved.n": (
        "{n} keer verschoven sinds de eerste aankondiging",
        "Moved {n} times since first announced",
    ),
    "forecast.step": ("{window} (op {date})", "{window} (on {date})"),
    "forecast.step.refined": (
        "{window} (preciezer, op {date})",
        "{window} (more precise, on {date})",
    ),
    "forecast.published": ("Gepubliceerd op {date}.", "Published on {date}."),
    "forecast.slip.later": (
        "{n} maanden later dan eerst aangekondigd ({window}).",
        "{n} months later than first announced ({window}).",
    ),
    "forecast.slip.later.one": (
        "1 maand later dan eerst aangekondigd ({window}).",
        "1 month later than first announced ({window}).",
    ),
    "forecast.slip.earlier": (
        "{n} maanden eerder dan eerst aangekondigd ({window}).",
        "{n} months earlier than first announced ({window}).",
    ),
    "forecast.slip.earlier.one": (
        "1 maand eerder dan eerst aangekondigd ({window}).",
        "1 month earlier than first announced ({window}).",
    ),
    "forecast.slip.later.same-month": (
        "Later dan eerst aangekondigd ({window}), in dezelfde maand.",
        "Later than first announced ({window}), in the same month.",
    ),
    "forecast.slip.earlier.same-month": (
        "Eerder dan eerst aangekondigd ({window}), in dezelfde maand.",
        "Earlier than first announced ({window}), in the same month.",
    ),
    "forecast.slip.within": (
        "Gepubliceerd binnen de eerst aangekondigde periode ({window}).",
        "Published within the window first announced ({window}).",
    ),
    "forecast.after-publication": (
        "Pas op of na de dag van publicatie in de kalender opgenomen: er was geen voorspelling "
        "om aan te toetsen.",
        "Entered in the calendar only on or after the day of its publication: there was no "
        "forecast to check.",
    ),
    "forecast.unknown.no-history": (
        "Niet bekend: zonder de Git-geschiedenis is niet te zien wanneer deze aanbesteding eerst "
        "werd aangekondigd en of ze daarna verschoof.",
        "Not known: without the Git history there is no telling when this tender was first "
        "announced or whether it moved since.",
    ),
    "forecast.unknown.not-committed": (
        "Nog niet bekend: deze aanbesteding is nog niet vastgelegd in de geschiedenis.",
        "Not known yet: this tender has not been committed to the history yet.",
    ),
    "forecast.see": (
        "Hoe nauwkeurig is de planning van alle aanbestedingen?",
        "How accurate is the planning of all tenders?",
    ),
    "forecast.lead": (
        "Hoe goed voorspelde de aanbestedingskalender wanneer een aanbesteding op TenderNed "
        "verscheen? Per aanbestedende dienst en per categorie: hoe vaak de verwachte publicatie "
        "verschoof sinds de eerste aankondiging, en hoe ver de publicatie afweek van de periode "
        "die eerst werd aangekondigd. Alles komt uit de Git-geschiedenis van de gegevens.",
        "How well did the tender calendar predict when a tender would appear on TenderNed? Per "
        "contracting authority and per category: how often the expected publication moved "
        "since it was first announced, and how far the publication fell from the window first "
        "announced. Everything comes from the Git history of the data.",
    ),
    "forecast.method": ("Zo wordt geteld", "How it is counted"),
    "forecast.method.announced": (
        "De eerste aankondiging is de eerste versie van de aanbesteding in de geschiedenis; de "
        "periode van verwachte publicatie daarin (een kwartaal, maand of dag) is de eerst "
        "aangekondigde periode.",
        "The first announcement is the tender's first version in the history; its window of "
        "expected publication (a quarter, month or day) is the window first announced.",
    ),
    "forecast.method.move": (
        "Een verschuiving is een nieuwe periode die niet binnen de vorige valt (later, eerder of "
        "ruimer). Een periode binnen de vorige, zoals 2e kwartaal 2027 naar mei 2027, maakt de "
        "planning alleen preciezer en telt niet als verschuiving. Wijzigingen op of na de dag "
        "van publicatie tellen niet mee.",
        "A move is a new window that does not lie inside the one before (later, earlier or "
        "wider). A window inside the one before, such as Q2 2027 to May 2027, only makes the "
        "planning more precise and is not a move. Changes on or after the day of publication "
        "are not counted.",
    ),
    "forecast.method.slip": (
        "De afwijking is het aantal kalendermaanden tussen de publicatiedatum en de eerst "
        "aangekondigde periode: 0 binnen de periode, positief (+) als de publicatie later kwam "
        "(geteld vanaf de laatste maand van de periode), negatief als ze eerder kwam; de "
        "tabellen geven de mediaan van de gepubliceerde aanbestedingen. Een "
        "aanbesteding die pas op of na haar publicatie in de kalender kwam, telt niet als "
        "gepubliceerd: er was geen voorspelling.",
        "The slip is the number of calendar months between the day of publication and the "
        "window first announced: 0 inside the window, positive (+) when the publication came "
        "later (counted from the window's last month), negative when it came earlier; the "
        "tables give the median over the published tenders. A tender "
        "entered in the calendar only on or after its publication does not count as published: "
        "there was no forecast.",
    ),
    "forecast.counted": (
        "Deze cijfers tellen {n} aanbestedingen uit de kalender waarvan de eerste aankondiging "
        "bekend is.",
        "These figures count {n} tenders in the calendar whose first announcement is known.",
    ),
    "forecast.counted.one": (
        "Deze cijfers tellen 1 aanbesteding uit de kalender waarvan de eerste aankondiging "
        "bekend is.",
        "These figures count 1 tender in the calendar whose first announcement is known.",
    ),
    "forecast.examples.all": (
        "Het zijn allemaal voorbeelden: illustratieve records, geen echte planning. De cijfers "
        "laten zien hoe deze pagina werkt, niet hoe nauwkeurig het Rijk plant.",
        "All of them are examples: illustrative records, not real plans. The figures show how "
        "this page works, not how accurately the government plans.",
    ),
    "forecast.examples.some": (
        "Daarvan zijn er {n} voorbeelden: illustratieve records, geen echte planning.",
        "{n} of them are examples: illustrative records, not real plans.",
    ),
    "forecast.examples.one": (
        "Daarvan is er 1 een voorbeeld: een illustratief record, geen echte planning.",
        "1 of them is an example: an illustrative record, not a real plan.",
    ),
    "forecast.not-counted": (
        "Niet meegeteld: {n} aanbestedingen die nog niet in de geschiedenis zijn vastgelegd.",
        "Not counted: {n} tenders not yet committed to the history.",
    ),
    "forecast.none-published": (
        "Nog geen van deze aanbestedingen is gepubliceerd. Hoe vaak een publicatie binnen de "
        "eerst aangekondigde periode viel en hoeveel ze afweek, is dus nog niet bekend.",
        "None of these tenders has been published yet, so how often a publication fell within "
        "the window first announced, and how far it slipped, is not known yet.",
    ),
    "forecast.no-moves": (
        "Geen van deze aanbestedingen is verschoven sinds de eerste aankondiging.",
        "None of these tenders has moved since it was first announced.",
    ),
    "forecast.no-history": (
        "Zonder de geschiedenis is niet bekend hoe nauwkeurig de planning was.",
        "Without the history, how accurate the planning was is not known.",
    ),
    "forecast.no-tenders": (
        "Er is nog geen aanbesteding waarvan de eerste aankondiging bekend is.",
        "There is no tender yet whose first announcement is known.",
    ),
    "forecast.all": ("Alle aanbestedingen", "All tenders"),
    "forecast.by-buyer": ("Per aanbestedende dienst", "By contracting authority"),
    "forecast.by-category": ("Per categorie", "By category"),
    "forecast.announced.column": ("Aangekondigd", "Announced"),
    "forecast.published.column": ("Gepubliceerd", "Published"),
    "forecast.within.column": ("Binnen eerste periode", "Within first window"),
    "forecast.within.cell": (
        "{share} ({within} van {published})",
        "{share} ({within} of {published})",
    ),
    "forecast.median.column": ("Mediane afwijking (mnd)", "Median slip (months)"),
    "forecast.moves.column": ("Verschuivingen per aanbesteding", "Moves per tender"),
    "forecast.examples.column": ("Voorbeelden", "Examples"),
    "chart.buyer": ("Aanbestedende dienst", "Contracting authority"),
    "chart.forecast.share": (
        "Binnen eerste periode (% van gepubliceerd)",
        "Within first window (% of published)",
    ),
    "chart.forecast.within": ("Binnen eerste periode", "Within first window"),
    "chart.forecast.published": ("Gepubliceerd", "Published"),
    "chart.forecast.per-tender": ("Verschuivingen per aanbesteding", "Moves per tender"),
    "chart.forecast.moves": ("Verschuivingen", "Moves"),
    "chart.forecast.announced": ("Aangekondigd", "Announced"),
    "chart.forecast.counted.published": (
        "Geteld: {n} aanbestedingen uit de kalender die na hun eerste aankondiging zijn "
        "gepubliceerd.",
        "Counted: {n} tenders in the calendar published after they were first announced.",
    ),
    "chart.forecast.counted.announced": (
        "Geteld: {n} aanbestedingen uit de kalender waarvan de eerste aankondiging bekend is.",
        "Counted: {n} tenders in the calendar whose first announcement is known.",
    ),
    "chart.forecast-within.title": (
        "Gepubliceerd binnen de eerst aangekondigde periode, per aanbestedende dienst",
        "Published within the window first announced, by contracting authority",
    ),
    "chart.forecast-within.summary": (
        "{within} van de {published} gepubliceerde aanbestedingen verschenen binnen de eerst "
        "aangekondigde periode ({share}).",
        "{within} of the {published} published tenders appeared within the window first "
        "announced ({share}).",
    ),
    "chart.forecast-moves.title": (
        "Verschuivingen van de verwachte publicatie per aanbesteding, per aanbestedende dienst",
        "Moves of the expected publication per tender, by contracting authority",
    ),
    "chart.forecast-moves.summary": (
        "{moves} verschuivingen bij {tenders} aanbestedingen, gemiddeld {average} per "
        "aanbesteding; de meeste bij {most} ({top} per aanbesteding).",
        "{moves} moves across {tenders} tenders, {average} per tender on average; most at "
        "{most} ({top} per tender).",
    ),
    # --- The monitor (generator/monitor/): effort goals from the calendar, and each theme -----
    "section.dashboard": ("Monitor Inkopen met Impact", "Procurement with Impact monitor"),
    "monitor.lead": (
        "Hoe ver is het Rijk met Inkopen met Impact? Deze monitor rekent de inspanningsdoelen "
        "na uit de aanbestedingskalender en zet per thema op een rij wat de geplande "
        "aanbestedingen, de MVI-actieplannen, de praktijkvoorbeelden en de doelen laten zien.",
        "How far has central government come with Procurement with Impact? This monitor "
        "works out the effort goals from the tender calendar and sets out, theme by theme, "
        "what the planned tenders, the MVI action plans, the cases and the goals show.",
    ),
    "monitor.compare": (
        "De MVI-brief van 6 juli 2017 vraagt om een overzicht per thema waarin overheden zich "
        "kunnen vergelijken met andere overheden en met hun eigen ambities. Daarom staan de "
        "cijfers hier ook per organisatie.",
        "The MVI letter of 6 July 2017 asks for an overview by theme in which public bodies "
        "can compare themselves with others and with their own ambitions. That is why the "
        "figures here are also given per organisation.",
    ),
    "monitor.effort": ("Inspanningsdoelen in de kalender", "Effort goals in the calendar"),
    "monitor.effort.lead": (
        "Vijf inspanningsdoelen uit de bijlage van Inkopen met Impact zijn na te gaan in de "
        "kalender. Alleen geplande aanbestedingen tellen mee (gepland of in marktconsultatie). "
        "Per doel: hoeveel aanbestedingen eraan voldoen, hoeveel niet, en bij hoeveel de "
        "gegevens het nog niet zeggen.",
        "Five effort goals from the annex to Procurement with Impact can be checked in the "
        "calendar. Only planned tenders count (planned or in market consultation). For each "
        "goal: how many tenders meet it, how many do not, and for how many the data cannot "
        "tell yet.",
    ),
    "monitor.effort.terms": (
        "Niet te beoordelen: het doel geldt, maar de gegevens zeggen niet of de aanbesteding "
        "eraan voldoet. Onbekend of het doel geldt: de gegevens zeggen niet of de aanbesteding "
        "onder het doel valt. Het aandeel telt alleen de aanbestedingen die te beoordelen zijn; "
        "naar waarde telt het midden van de geraamde waarde.",
        "Cannot tell: the goal applies, but the data do not say whether the tender meets it. "
        "Not known whether the goal applies: the data do not say whether the tender falls under "
        "the goal. The share counts only the tenders that can be judged; by value it counts "
        "the middle of the estimated value.",
    ),
    "effort.measure.criteria-in-product-groups": (
        "MVI-criteria in productgroepen",
        "MVI criteria in product groups",
    ),
    "effort.measure.significant-level": (
        "Significant of ambitieus niveau",
        "Significant or ambitious level",
    ),
    "effort.measure.social-return": ("Social return", "Social return"),
    "effort.measure.isv": ("Internationale sociale voorwaarden", "International social conditions"),
    "effort.measure.impact-weighting": ("Weging impact bij gunning", "Social impact weighting"),
    "effort.scope.criteria-in-product-groups": (
        "Het doel geldt voor aanbestedingen in een productgroep met MVI-criteria. Een "
        "aanbesteding voldoet als ze een thema toepast dat de criteria van die productgroep "
        "dekken.",
        "The goal applies to tenders in a product group with MVI criteria. A tender meets it "
        "when it applies a theme that the criteria of that product group cover.",
    ),
    "effort.scope.significant-level": (
        "Het doel geldt voor aanbestedingen in een productgroep met MVI-criteria. Een "
        "aanbesteding voldoet als ze eisen of gunningscriteria op significant of ambitieus "
        "niveau toepast.",
        "The goal applies to tenders in a product group with MVI criteria. A tender meets it "
        "when it applies requirements or award criteria at the significant or ambitious level.",
    ),
    "effort.scope.social-return": (
        "Het doel geldt voor werken en diensten met een loonsom van ten minste € 250.000 en "
        "een looptijd van ten minste zes maanden. Een aanbesteding voldoet als ze social "
        "return toepast.",
        "The goal applies to works and services with a wage bill of at least €250,000 and a "
        "duration of at least six months. A tender meets it when it applies social return.",
    ),
    "effort.scope.isv": (
        "Het doel geldt voor aanbestedingen boven de Europese drempel in een categorie die "
        "als risicovol is aangemerkt. Een aanbesteding voldoet als ze de internationale "
        "sociale voorwaarden toepast.",
        "The goal applies to tenders above the EU threshold in a category marked as high-risk. "
        "A tender meets it when it applies the international social conditions.",
    ),
    "effort.scope.impact-weighting": (
        "Het doel geldt voor aanbestedingen via categoriemanagement (met een categorie). Een "
        "aanbesteding voldoet als maatschappelijke impact voor ten minste {target}% meeweegt "
        "bij de gunning.",
        "The goal applies to tenders run through category management (with a category). A "
        "tender meets it when social impact weighs at least {target}% in the award.",
    ),
    "effort.met": ("Voldoet", "Meets the goal"),
    "effort.not-met": ("Voldoet niet", "Does not meet it"),
    "effort.unknown": ("Niet te beoordelen", "Cannot tell"),
    "effort.scope-unknown": ("Onbekend of het doel geldt", "Not known whether the goal applies"),
    "effort.missing": ("Gegevens ontbreken", "Data missing"),
    "effort.share": ("Aandeel dat voldoet", "Share that meets it"),
    "effort.value-share": ("Aandeel naar geraamde waarde", "Share by estimated value"),
    "effort.value-share.short": ("Naar waarde", "By value"),
    "effort.share.cell": ("{share} ({met} van {judged})", "{share} ({met} of {judged})"),
    "effort.without-value": ("{n} zonder geraamde waarde", "{n} without an estimated value"),
    "effort.counted": (
        "Geteld: {n} geplande aanbestedingen waarvoor het doel geldt of waarvan dat niet "
        "bekend is.",
        "Counted: {n} planned tenders the goal applies to, or may apply to.",
    ),
    "effort.counted.one": (
        "Geteld: 1 geplande aanbesteding waarvoor het doel geldt of waarvan dat niet bekend is.",
        "Counted: 1 planned tender the goal applies to, or may apply to.",
    ),
    "effort.csv.name": ("Inspanningsdoelen", "Effort goals"),
    "effort.csv.goal.header": ("Doel (kenmerk)", "Goal (key)"),
    "effort.csv.goal": (
        "Vaste sleutel van het inspanningsdoel.",
        "Permanent key of the effort goal.",
    ),
    "effort.csv.goal-title.header": ("Doel", "Goal"),
    "effort.csv.goal-title": ("Het inspanningsdoel.", "The effort goal."),
    "effort.csv.tender.header": ("Aanbesteding (kenmerk)", "Tender (key)"),
    "effort.csv.tender": ("Vaste sleutel van de aanbesteding.", "Permanent key of the tender."),
    "effort.csv.title.header": ("Titel", "Title"),
    "effort.csv.title": ("Titel van de aanbesteding.", "Title of the tender."),
    "effort.csv.buyer.header": ("Inkopende organisatie (kenmerk)", "Buyer (key)"),
    "effort.csv.buyer": ("Vaste sleutel van de aanbestedende dienst.", "Key of the buyer."),
    "effort.csv.category.header": ("Inkoopcategorie (kenmerk)", "Procurement category (key)"),
    "effort.csv.category": ("Vaste sleutel van de inkoopcategorie.", "Key of the category."),
    "effort.csv.verdict.header": ("Oordeel", "Verdict"),
    "effort.csv.verdict": (
        "Voldoet, Voldoet niet, Niet te beoordelen of Onbekend of het doel geldt.",
        "Meets the goal, does not meet it, cannot tell, or not known whether the goal applies.",
    ),
    "effort.csv.missing.header": ("Wat ontbreekt", "What is missing"),
    "effort.csv.missing": (
        "Wat de gegevens missen om te oordelen, gescheiden door puntkomma's.",
        "What the data lack to judge, separated by semicolons.",
    ),
    "effort.csv.example.header": ("Voorbeeld", "Example"),
    "effort.csv.example": (
        "Ja als de aanbesteding een voorbeeldrecord is, geen echte planning.",
        "Yes if the tender is an example record, not real planning.",
    ),
    "effort.csv.page.header": ("Webpagina", "Web page"),
    "effort.csv.page": ("De pagina van de aanbesteding.", "The tender's page."),
    "data.effort": ("Inspanningsdoelen", "Effort goals"),
    "data.effort.lead": (
        "Elke geplande aanbesteding tegen elk inspanningsdoel dat voor haar geldt, met het "
        "oordeel en wat de gegevens missen, zoals de monitor ze telt:",
        "Every planned tender against every effort goal that applies to it, with the verdict "
        "and what the data lack, as the monitor counts them:",
    ),
    "monitor.download": (
        "Alle aanbestedingen per inspanningsdoel, met het oordeel en wat er ontbreekt:",
        "Every tender per effort goal, with the verdict and what is missing:",
    ),
    "monitor.more": (
        "En nog {n}: alle staan in het CSV-bestand bovenaan de pagina.",
        "And {n} more: all are in the CSV file at the top of the page.",
    ),
    "effort.gap.wage-bill": ("geen loonsom", "no wage bill"),
    "effort.gap.duration": ("geen looptijd", "no duration"),
    "effort.gap.category": ("geen categorie", "no category"),
    "effort.gap.weighting": ("geen weging", "no weighting"),
    "monitor.levels": (
        "Geplande aanbestedingen per ambitieniveau",
        "Planned tenders by ambition level",
    ),
    "monitor.levels.none": (
        "Geen geplande aanbesteding past dit thema toe.",
        "No planned tender applies this theme.",
    ),
    "monitor.total": ("Totaal", "Total"),
    "monitor.tenders": ("Aanbestedingen", "Tenders"),
    "monitor.theme-efforts": ("Inspanningsdoelen", "Effort goals"),
    "monitor.effort.own": (
        "Een doel van dit thema, geteld over alle geplande aanbestedingen waarvoor het geldt.",
        "A goal of this theme, counted over every planned tender it applies to.",
    ),
    "monitor.effort.within": (
        "Geteld over de geplande aanbestedingen die dit thema betreffen (zelf of via de "
        "criteria van hun productgroep).",
        "Counted over the planned tenders concerning this theme (themselves or through the "
        "criteria of their product group).",
    ),
    "monitor.effort.share": (
        "{share} voldoet: {met} van de {judged} aanbestedingen die te beoordelen zijn.",
        "{share} meet it: {met} of the {judged} tenders that can be judged.",
    ),
    "monitor.effort.value": (
        "Naar geraamde waarde: {share}.",
        "By estimated value: {share}.",
    ),
    "monitor.effort.none-judged": (
        "Nog geen aanbesteding is te beoordelen: de gegevens ontbreken.",
        "No tender can be judged yet: the data are missing.",
    ),
    "monitor.effort.nothing": (
        "Geen geplande aanbesteding met dit thema valt onder dit doel.",
        "No planned tender concerning this theme falls under this goal.",
    ),
    "monitor.effort.groups": (
        "Per categorie en per aanbestedende dienst",
        "By category and by contracting authority",
    ),
    "monitor.by-category": ("Per categorie", "By category"),
    "monitor.by-buyer": ("Per aanbestedende dienst", "By contracting authority"),
    "monitor.not-met": ("Voldoen niet ({n})", "Do not meet it ({n})"),
    "monitor.not-met.none": (
        "Alle aanbestedingen die te beoordelen zijn, voldoen.",
        "Every tender that can be judged meets it.",
    ),
    "monitor.cannot-tell": (
        "Niet te beoordelen ({n}): wat ontbreekt",
        "Cannot be judged ({n}): what is missing",
    ),
    "monitor.actions": (
        "Acties uit de MVI-actieplannen, per organisatie",
        "Actions from the MVI action plans, per organisation",
    ),
    "monitor.actions.none": (
        "Geen actieplan heeft een actie voor dit thema.",
        "No action plan has an action for this theme.",
    ),
    "monitor.indicators": ("Indicatoren tegen hun doel", "Indicators against their target"),
    "monitor.indicators.none": (
        "Geen actieplan meet een indicator voor dit thema.",
        "No action plan measures an indicator for this theme.",
    ),
    "monitor.progress": ("Op weg naar doel", "Toward target"),
    "monitor.cases": ("Praktijkvoorbeelden", "Cases"),
    "monitor.cases.none": (
        "Nog geen praktijkvoorbeeld bij dit thema.",
        "No case for this theme yet.",
    ),
    "monitor.goals": ("Doelen en metingen", "Goals and measurements"),
    "monitor.goals.none": (
        "Geen rijksbreed doel bij dit thema.",
        "No government-wide goal for this theme.",
    ),
    "monitor.no-measurement": ("nog geen meting gepubliceerd", "no measurement published yet"),
    "monitor.actions.counted": (
        "Geteld: de acties voor dit thema ({actions}) uit de actieplannen ({plans}).",
        "Counted: the actions for this theme ({actions}) in the action plans ({plans}).",
    ),
    "monitor.theme-page": (
        "Alles over {name} op de themapagina",
        "Everything on {name} on the theme page",
    ),
    "monitor.goals.unmeasured": (
        "{n} doelen waarvoor nog geen meting is gepubliceerd",
        "{n} goals with no measurement published yet",
    ),
    "monitor.goals.unmeasured.one": (
        "1 doel waarvoor nog geen meting is gepubliceerd",
        "1 goal with no measurement published yet",
    ),
    "monitor.goals.none-measured": (
        "Voor geen van deze doelen is al een meting gepubliceerd.",
        "No measurement has been published yet for any of these goals.",
    ),
    "chart.effort.title": (
        "Aandeel geplande aanbestedingen dat aan het inspanningsdoel voldoet",
        "Share of planned tenders that meet the effort goal",
    ),
    "chart.effort.goal": ("Doel", "Goal"),
    "chart.effort.share": ("Voldoet (%)", "Meets it (%)"),
    "chart.effort.axis": ("Voldoet (% van te beoordelen)", "Meets it (% of those judged)"),
    "chart.effort.value-share": ("Naar waarde (%)", "By value (%)"),
    "chart.effort.none": ("nog niet te beoordelen", "cannot tell yet"),
    "chart.effort.nothing": ("geen aanbesteding valt eronder", "no tender falls under it"),
    "chart.effort.summary": (
        "{judged} van de {goals} doelen zijn te beoordelen: van {low} bij {lowest} tot {high} "
        "bij {highest}.",
        "{judged} of the {goals} goals can be judged: from {low} for {lowest} to {high} for "
        "{highest}.",
    ),
    "chart.effort.summary.even": (
        "{judged} van de {goals} doelen zijn te beoordelen; bij elk voldoet {high}.",
        "{judged} of the {goals} goals can be judged; {high} meet each of them.",
    ),
    "chart.effort.summary.one": (
        "1 van de {goals} doelen is te beoordelen: bij {highest} voldoet {high}.",
        "1 of the {goals} goals can be judged: {high} meet {highest}.",
    ),
    "chart.effort.summary.none": (
        "Nog geen van de doelen is te beoordelen: de gegevens ontbreken.",
        "None of the goals can be judged yet: the data are missing.",
    ),
    # `_counted` in figures.py reads chart.forecast.counted.<what>.
    "chart.forecast.counted.planned": (
        "Geteld: {n} geplande aanbestedingen uit de kalender.",
        "Counted: {n} planned tenders in the calendar.",
    ),
}

ENUMS: dict[str, dict[str, tuple[str, str]]] = {
    "kind": {
        "works": ("Werken", "Works"),
        "supplies": ("Leveringen", "Supplies"),
        "services": ("Diensten", "Services"),
    },
    "procedure": {
        "open": ("Openbare procedure", "Open procedure"),
        "restricted": ("Niet-openbare procedure", "Restricted procedure"),
        "competitive-dialogue": ("Concurrentiegerichte dialoog", "Competitive dialogue"),
        "competitive-negotiation": (
            "Mededingingsprocedure met onderhandeling",
            "Competitive procedure with negotiation",
        ),
        "innovation-partnership": ("Innovatiepartnerschap", "Innovation partnership"),
        "negotiated-without-notice": (
            "Onderhandelingsprocedure zonder aankondiging",
            "Negotiated procedure without prior publication",
        ),
        "multiple-quotation": ("Meervoudig onderhandse procedure", "Multiple-quotation procedure"),
        "single-source": ("Enkelvoudig onderhandse procedure", "Single-source procedure"),
        "national-open": ("Nationale openbare procedure", "National open procedure"),
    },
    "application": {
        "requirements": ("eisen", "requirements"),
        "award-criteria": ("gunningscriteria", "award criteria"),
        "contract-conditions": ("contractvoorwaarden", "contract performance conditions"),
    },
    "certainty": {
        "indicative": ("Indicatief", "Indicative"),
        "planned": ("Gepland", "Planned"),
        "confirmed": ("Bevestigd", "Confirmed"),
    },
    "status": {
        "planned": ("Gepland", "Planned"),
        "market-consultation": ("Marktconsultatie", "Market consultation"),
        "published": ("Gepubliceerd", "Published"),
        "awarded": ("Gegund", "Awarded"),
        "withdrawn": ("Ingetrokken", "Withdrawn"),
    },
    "action-status": {
        "not-started": ("Niet gestart", "Not started"),
        "in-progress": ("Loopt", "In progress"),
        "done": ("Gereed", "Done"),
        "delayed": ("Vertraagd", "Delayed"),
        "cancelled": ("Geschrapt", "Cancelled"),
    },
    "goal-kind": {
        "effect": ("Effectdoel", "Effect"),
        "output": ("Prestatie", "Output"),
        "effort": ("Inspanning", "Effort"),
    },
    "organisation-kind": {
        "ministry": ("Ministerie", "Ministry"),
        "agency": ("Uitvoeringsorganisatie", "Agency"),
        "other": ("Overig", "Other"),
    },
    "instrument": {
        "challenge": ("Challenge", "Challenge"),
        "pilot-contract": ("Pilotopdracht", "Pilot contract"),
        "starthubs": ("Via Starthubs", "Through Starthubs"),
        "sbir": ("SBIR", "SBIR (Small Business Innovation Research)"),
        "startup-in-residence": ("Startup in Residence", "Startup in Residence"),
        "innovation-partnership": ("Innovatiepartnerschap", "Innovation partnership"),
    },
}


def other(lang: Lang) -> Lang:
    """The other language of the site."""
    return "en" if lang == "nl" else "nl"


def t(key: str, lang: Lang, **params: object) -> str:
    """The interface string `key` in `lang`, with `{name}` parameters filled in."""
    text = STRINGS[key][LANGS.index(lang)]
    return text.format(**params) if params else text


def label(enum: str, value: str, lang: Lang) -> str:
    """The reader's word for a code value, e.g. `label('kind', 'works', 'nl')` → 'Werken'."""
    return ENUMS[enum][value][LANGS.index(lang)]


def lower_first(text: str) -> str:
    """'Niet gestart' → 'niet gestart' mid-sentence; 'MVI-thema's' and 'CPV' stay as they are."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def format_list(items: Iterable[Any], lang: Lang, lower: bool = False) -> str:
    """'a', 'a en b', 'a, b en c' (or 'and'); texts in both languages in `lang`; `lower`:
    each with a lower-case first letter, to stand mid-sentence."""
    words = [item.get(lang) if hasattr(item, "get") else str(item) for item in items]
    words = [lower_first(word) for word in words] if lower else words
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {t('chart.and', lang)} " + words[-1]


# --- Dates -----------------------------------------------------------------------------------


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def format_quarter(year: int, quarter: int, lang: Lang) -> str:
    """'2e kwartaal 2027' or 'Q2 2027'."""
    return f"{quarter}e kwartaal {year}" if lang == "nl" else f"Q{quarter} {year}"


def format_date(day: dt.date, lang: Lang) -> str:
    """'14 mei 2027' or '14 May 2027'."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def format_planned(date: PlannedDate, lang: Lang) -> str:
    """A planned date at its own precision: a day, a month or a quarter."""
    if date.precision == "day":
        return format_date(date.start, lang)
    if date.precision == "month":
        return f"{MONTHS[lang][date.start.month - 1]} {date.start.year}"
    return format_quarter(*quarter_of(date.start), lang)


# --- Numbers and amounts ---------------------------------------------------------------------


def format_number(value: float, lang: Lang, decimals: int = 0) -> str:
    """1234.5 → '1.234,5' (nl) or '1,234.5' (en); trailing zero decimals are dropped."""
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    if lang == "nl":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def format_figure(value: float, lang: Lang) -> str:
    """A measured value as given: whole numbers without decimals, others with up to two."""
    return format_number(value, lang, 0 if float(value).is_integer() else 2)


_SCALES = ((1_000_000_000, "mld", "bn"), (1_000_000, "mln", "m"))


def _scaled(value: int) -> tuple[float, str, str] | None:
    for size, nl, en in _SCALES:
        if value >= size:
            return value / size, nl, en
    return None


def format_amount(value: int, lang: Lang) -> str:
    """'€ 1,2 mln' / '€1.2m'; below a million the full amount: '€ 250.000' / '€250,000'."""
    return format_range(value, value, lang)


def format_range(low: int, high: int, lang: Lang) -> str:
    """A value range such as '€ 4–6 mln' / '€4–6m'; one amount when both ends are equal."""
    euro = "€ " if lang == "nl" else "€"
    low_s, high_s = _scaled(low), _scaled(high)
    if low_s and high_s and low_s[1] == high_s[1]:
        unit = low_s[1] if lang == "nl" else low_s[2]
        sep = " " if lang == "nl" else ""
        first = format_number(low_s[0], lang, 1)
        if low == high:
            return f"{euro}{first}{sep}{unit}"
        return f"{euro}{first}–{format_number(high_s[0], lang, 1)}{sep}{unit}"

    def one(value: int) -> str:
        scaled = _scaled(value)
        if not scaled:
            return f"{euro}{format_number(value, lang)}"
        unit = scaled[1] if lang == "nl" else scaled[2]
        return f"{euro}{format_number(scaled[0], lang, 1)}{' ' if lang == 'nl' else ''}{unit}"

    return one(low) if low == high else f"{one(low)} – {one(high)}"


def format_size(size: int, lang: Lang) -> str:
    """A file size in kB or MB (1 kB = 1,000 bytes), one decimal: '12,3 kB' / '12.3 kB'."""
    if size >= 1_000_000:
        return f"{format_number(size / 1_000_000, lang, 1)} MB"
    return f"{format_number(max(size / 1000, 0.1), lang, 1)} kB"
