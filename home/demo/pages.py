"""The top of the demo's page tree: the home page and its entry points, the
pages about Mentornett and its audiences, the scheme page, the guides, the
accessibility statement and privacy page, and the site settings' footer."""

from wagtail.models import Site

from network.models import SchemePage

from ..models import (
    AUDIENCE_FIELDS,
    FooterLink,
    GuideIndexPage,
    GuidePage,
    HomePage,
    SiteSettings,
    StandardPage,
)
from .guides import ACCESSIBILITY_STATEMENT, GUIDES, PRIVACY_PAGE

ABOUT_BODY = [
    ("heading", {"text": "Hvorfor Mentornett finnes", "level": "h2"}),
    (
        "markdown",
        "Norge har to rekrutteringsutfordringer som mentoring skal bidra til å løse:\n\n"
        "1. **Veterinærer i produksjonsdyrpraksis i distriktene.** Kommunene skal sikre "
        "veterinærdekning hele døgnet, men mange studenter og nyutdannede vegrer seg for "
        "mye alenearbeid og vakt, eget foretak og lite erfaring med produksjonsdyr.\n"
        "2. **Nyansatte sykepleiere i kommunehelsetjenesten.** I noen enheter slutter omtrent "
        "halvparten av nye sykepleiere innen ett år. Kommuner som har bygd et mentorprogram "
        "gjennom et læringsnettverk, har snudd dette.",
    ),
    ("heading", {"text": "Hva du finner her", "level": "h2"}),
    (
        "markdown",
        "- Obligatoriske digitale mikrokurs for mentorer og mentees, med kursbevis\n"
        "- Webinarer og fysiske samlinger der mentorer øver på veiledning\n"
        "- Læringsnettverk for kommuner: hjemmeoppgaver, statusrapporter og sluttrapport\n"
        "- Mentorordningen for veterinærer: søknad, støtte og utbetaling",
    ),
]

AUDIENCE_PAGES = [
    {
        "slug": "for-mentorer",
        "title": "For mentorer",
        "lead": "Del kunnskap og arbeidsglede med en ny kollega – og utvikle deg selv.",
        "body": [
            (
                "markdown",
                "Som mentor er du en erfaren veterinær eller sykepleier som følger opp en ny "
                "kollega. Mentoring er en likeverdig relasjon der mentees behov styrer.\n\n"
                "**Slik kommer du i gang**\n\n"
                "1. Opprett en konto og fyll ut profilen din.\n"
                "2. Ta det obligatoriske mentorkurset. Det gir deg et kursbevis.\n"
                "3. Meld deg på webinarer der mentorer øver på veiledning i smågrupper.\n"
                "4. Søk mentorordningen sammen med din mentee.",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Krav til mentorer i mentorordningen",
                    "text": "<p>Minst ett års norsk heltidspraksis i kombinert- eller "
                    "produksjonsdyrpraksis, norsk autorisasjon, og mulighet til å tilby "
                    "bakvakt sammen med andre mentorer eller mentorgruppen.</p>",
                },
            ),
        ],
    },
    {
        "slug": "for-mentees",
        "title": "For mentees",
        "lead": "Trygghet, faglig støtte og kollegialitet – på vei inn i praksis.",
        "body": [
            (
                "markdown",
                "Som mentee er du veterinærstudent, student med midlertidig lisens, nyutdannet "
                "veterinær – eller nyansatt sykepleier eller vernepleier.\n\n"
                "**Slik kommer du i gang**\n\n"
                "1. Opprett en konto og fyll ut profilen din.\n"
                "2. Ta det obligatoriske menteekurset. Det gir deg et kursbevis.\n"
                "3. Finn en mentor og søk mentorordningen sammen.",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Kursbeviset åpner døren",
                    "text": "<p>Både mentor og mentee må legge ved kursbeviset sitt når dere "
                    "søker om opptak i mentorordningen.</p>",
                },
            ),
        ],
    },
    {
        "slug": "for-kommuner",
        "title": "For kommuner i læringsnettverk",
        "lead": "Bygg et mentorprogram for nyansatte sammen med andre kommuner.",
        "body": [
            (
                "markdown",
                "Et læringsnettverk varer i omtrent to år med 7–8 samlinger, halvparten "
                "digitale og halvparten fysiske. Mellom samlingene gjør kommuneteamet "
                "hjemmeoppgaver og sender statusrapport og fremdriftsplan før hver samling.\n\n"
                "Teamet har 5–11 personer: teamkoordinator, en leder med beslutningsmyndighet, "
                "tillitsvalgt, HR og etter hvert mentorer og mentees.",
            ),
        ],
    },
]

ENTRY_POINTS = [
    ("Jeg er mentor", "Ta mentorkurset, øv på veiledning og søk sammen med din mentee.",
     "for-mentorer", "Kom i gang som mentor"),
    ("Jeg er mentee", "Ta menteekurset, finn en mentor og få støtte på vei inn i praksis.",
     "for-mentees", "Kom i gang som mentee"),
    ("Kommunen min er i et læringsnettverk",
     "Hjemmeoppgaver, statusrapporter og samlinger for kommuneteamet.",
     "for-kommuner", "Til læringsnettverket"),
]  # fmt: skip


def _child_page(parent, slug, page):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_pages() -> HomePage:
    home = HomePage.objects.get()
    about = _child_page(
        home,
        "om-mentornett",
        StandardPage(
            title="Om Mentornett",
            slug="om-mentornett",
            show_in_menus=True,
            lead="Mentoropplæring, arrangementer, læringsnettverk og mentorordningen.",
            body=ABOUT_BODY,
        ),
    )
    audience = {
        spec["slug"]: _child_page(
            about,
            spec["slug"],
            StandardPage(
                title=spec["title"], slug=spec["slug"], lead=spec["lead"], body=spec["body"]
            ),
        )
        for spec in AUDIENCE_PAGES
    }
    if not home.entry_points:
        home.intro = (
            "<p>Her tar mentorer og mentees sine obligatoriske kurs, melder seg på webinarer "
            "og samlinger, og søker mentorordningen. Kommuner i læringsnettverk finner "
            "oppgavene og rapportene sine her.</p>"
        )
        home.entry_points = [
            ("entry_point", {"title": t, "text": x, "page": audience[s], "link_text": link})
            for t, x, s, link in ENTRY_POINTS
        ]
        home.featured_pages = [("page", page) for page in audience.values()]
        home.save_revision().publish()
    scheme = _child_page(home, "mentorordningen", _scheme_page())
    Site.objects.filter(is_default_site=True).update(root_page=home)
    guide_index = build_guides(home)
    statements = [
        _child_page(home, spec["slug"], StandardPage(**spec))
        for spec in (ACCESSIBILITY_STATEMENT, PRIVACY_PAGE)
    ]
    _site_settings(footer_pages=[about, scheme, guide_index], statements=statements)
    return home


def build_guides(home) -> GuideIndexPage:
    index = _child_page(
        home,
        "veiledere",
        GuideIndexPage(
            title="Veiledere",
            slug="veiledere",
            show_in_menus=True,
            lead="Praktiske råd for mentorer, mentees, kommuner og arbeidsgivere – om roller, "
            "ansettelse, forsikring og hva dere kan få støtte til.",
        ),
    )
    guides = {}
    for spec in GUIDES:
        audiences = {AUDIENCE_FIELDS[audience]: True for audience in spec["audiences"]}
        guides[spec["slug"]] = _child_page(
            index,
            spec["slug"],
            GuidePage(
                title=spec["title"],
                slug=spec["slug"],
                lead=spec["lead"],
                search_description=spec["search_description"],
                last_reviewed=spec["last_reviewed"],
                body=spec["body"],
                **audiences,
            ),
        )
    for spec in GUIDES:
        guide = guides[spec["slug"]]
        if not guide.related_guides.exists():
            guide.related_guides.set([guides[slug] for slug in spec["related"] if slug in guides])
            guide.save_revision().publish()
    return index


def _site_settings(*, footer_pages, statements):
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    if settings.accessibility_page_id is None:
        settings.accessibility_page, settings.privacy_page = statements
        settings.save()
    if not settings.footer_links.exists():
        for order, page in enumerate(footer_pages):
            FooterLink.objects.create(settings=settings, page=page, sort_order=order)


def _scheme_page():
    return SchemePage(
        title="Mentorordningen",
        slug="mentorordningen",
        show_in_menus=True,
        lead="Støtte til erfarne veterinærer som tar imot studenter og nyutdannede, og til "
        "dem som kommer – så flere blir i distriktspraksis.",
        body=[
            ("heading", {"text": "Slik fungerer det", "level": "h2"}),
            (
                "markdown",
                "1. Mentor og mentee **registrerer seg** og tar hvert sitt obligatoriske "
                "kurs. Kursbeviset er det som gjør at dere kan søke.\n"
                "2. Dere **søker sammen**. Den innvilgede søknaden er avtalen: type "
                "mentorforhold, periode, mentorgruppe, planlagt bruk av midlene, forsikring "
                "og at kommunen er informert.\n"
                "3. En **oppstartssamtale** med programkontoret avklarer forventninger, roller "
                "og ansvar.\n"
                "4. Underveis kan begge be om oppfølging, og en time med psykolog er et "
                "tilbud.\n"
                "5. Til slutt fyller **begge ut evalueringen** og mentor skriver en kort "
                "rapport. Utbetalingen følger rapporten og dokumenterte kostnader.",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Omvendt påsitterpraksis",
                    "text": "<p>Mentee gjør mesteparten av arbeidet mens mentor observerer og "
                    "støtter. Det kreves minst én uke før studenter med midlertidig lisens og "
                    "nyutdannede jobber alene.</p>",
                },
            ),
        ],
    )
