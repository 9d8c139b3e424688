"""The learning network index, the demo network's page and its resource page."""

from datetime import date, timedelta

from courses.models import CoursePage
from mentornett.demo import child, publish

from ..models import LearningNetworkPage, NetworkIndexPage, NetworkResourcePage
from .teams import ADVISOR_EMAIL

NETWORK_SLUG = "ostfold-2026-2028"  # Kept from the first demo, so old databases match.
NETWORK_NAME = "Læringsnettverk for mentorprogram for nyansatte sykepleiere"

NETWORK_INTRO = (
    "<p>Mange kommuner strever med å rekruttere og beholde sykepleiere. I noen enheter "
    "slutter omtrent halvparten av de nyansatte innen ett år. I dette læringsnettverket "
    "bygger team fra tolv kommuner – fra Halden og Tønsberg i sør til Røros i nord – et "
    "mentorprogram for nyansatte sykepleiere og vernepleiere, og lærer av hverandre "
    "underveis.</p>"
    "<ul>"
    "<li>Omtrent to år med sju samlinger: tre fysiske over to dager og fire digitale.</li>"
    "<li>Mellom samlingene gjør teamet hjemmeoppgaver og sender statusrapport og "
    "fremdriftsplan før samlingene.</li>"
    "<li>Hvert team har en rådgiver fra prosjektgruppen og møter rådgiveren omtrent én "
    "gang mellom samlingene.</li>"
    "</ul>"
    "<p>Teamene har 5–11 personer: teamkoordinator, en leder med beslutningsmyndighet, "
    "tillitsvalgt, HR og etter hvert mentorer og mentees.</p>"
)

AGREEMENT_TEXT = (
    "<h3>Om læringsnettverket</h3>"
    "<p>Denne avtalen gjelder kommunens deltakelse i læringsnettverket for utvikling og "
    "innføring av mentorprogram for nyansatte sykepleiere og vernepleiere. Den signeres av "
    "kommunens øverste leder, teamkoordinator og arrangør.</p>"
    "<p>Læringsnettverk er en nyttig og motiverende metode for virksomheter som skal jobbe "
    "med forbedringsarbeid: en felles arena for kompetanseutvikling på tvers av profesjoner, "
    "enheter og kommuner. I løpet av omtrent to år arrangeres sju samlinger, både digitale "
    "og fysiske. På hver samling får deltakerne faglig påfyll og deler erfaringer, og mellom "
    "samlingene arbeider teamene med tiltak i egen kommune. Målet er at mentorprogrammet er "
    "tatt i bruk i alle aktuelle avdelinger og enheter i kommunen.</p>"
    "<h3>Arrangørene forplikter seg til å</h3>"
    "<ul>"
    "<li>gjennomføre samlingene i læringsnettverket</li>"
    "<li>veilede teamene som deltar, med en fast rådgiver for hvert team</li>"
    "<li>lese statusrapportene og fremdriftsplanene og tilpasse samlingene etter dem</li>"
    "</ul>"
    "<h3>Kommunen forplikter seg til å</h3>"
    "<ul>"
    "<li>delta på samlingene</li>"
    "<li>sette av nok tid til å jobbe med forbedringsarbeidet mellom samlingene</li>"
    "<li>sende inn rapporter og dokumentert arbeid mellom samlingene innen fristene</li>"
    "<li>arbeide aktivt for spredning og implementering i hele kommunen</li>"
    "<li>selv dekke arbeidstid, reiseutgifter og andre kostnader for teamet og "
    "forbedringsarbeidet</li>"
    "</ul>"
    "<h3>Kommunens øverste leder</h3>"
    "<p>Kommunens øverste leder forplikter seg til å støtte opp om innholdet i og arbeidet "
    "med læringsnettverket.</p>"
)

MEMBERS_BODY = [
    (
        "markdown",
        "**Åpen skjerm.** Mellom samlingene har prosjektgruppen åpen skjerm: et digitalt "
        "drop-in-møte der dere kan stikke innom med spørsmål om prosjektplanen, målingene "
        "eller mentorprogrammet. Ingen påmelding – tidspunkt og lenke står i kalenderen.\n\n"
        "**Rådgiveren deres** leser statusrapportene og fremdriftsplanene og gir "
        "tilbakemelding på oppgavesiden. Dere møter rådgiveren omtrent én gang mellom hver "
        "samling; avtal tidspunkt selv. Trenger dere hjelp før det, skriv en kommentar på "
        "oppgaven eller send e-post til "
        f"[{ADVISOR_EMAIL}](mailto:{ADVISOR_EMAIL}).",
    ),
]


def _resources(municipal_guide):
    """Links to the demo's own guide pages; no documents are made."""
    links = [
        (
            municipal_guide,
            "Hva et læringsnettverk er, og hvem som bør være med i kommuneteamet.",
        ),
        (
            CoursePage.objects.filter(slug="mentorkurs").first(),
            "Det obligatoriske kurset for mentorene dere rekrutterer.",
        ),
    ]
    return [("guide", {"page": page, "description": text}) for page, text in links if page]


RESOURCE_BODY = [
    ("heading", {"text": "Hva dere sa var best på samlingene", "level": "h2"}),
    (
        "markdown",
        "Etter hver samling svarer teamene på en kort spørreundersøkelse. Da vi spurte hva "
        "som var best, svarte **57** «erfaringsdeling og nettverksbygging», **9** «motivasjon "
        "og inspirasjon» og **7** «kunnskap og kompetanse». Derfor setter vi av mer tid til "
        "at teamene kan snakke sammen, og mindre tid til foredrag.",
    ),
    ("heading", {"text": "Åpen skjerm", "level": "h2"}),
    (
        "markdown",
        "Mellom samlingene holder prosjektgruppen «åpen skjerm»: et digitalt drop-in-møte "
        "der teamkoordinatorer kan stikke innom med spørsmål om hjemmeoppgavene, "
        "statusrapporten eller fremdriftsplanen. Dere trenger ikke melde dere på.",
    ),
    ("heading", {"text": "Før neste samling", "level": "h2"}),
    (
        "markdown",
        "1. Les tilbakemeldingen fra rådgiveren deres på forrige statusrapport.\n"
        "2. Gjør hjemmeoppgaven og send statusrapport og fremdriftsplan innen fristen.\n"
        "3. Ta med en erfaring fra egen kommune som dere vil dele med de andre teamene.",
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Bare for teamene",
            "text": "<p>Denne siden ser bare teamene i nettverket, rådgiverne og "
            "arrangørene. Del gjerne lenken i teamet.</p>",
        },
    ),
]


def resource_page(network) -> NetworkResourcePage:
    return child(
        network,
        NetworkResourcePage,
        "fra-samlingene",
        lambda: NetworkResourcePage(
            title="Fra samlingene",
            slug="fra-samlingene",
            lead="Oppsummeringer, åpen skjerm og hva dere gjør før neste samling.",
            body=RESOURCE_BODY,
        ),
    )


def build_network_index(home) -> NetworkIndexPage:
    """The learning network index below `home`, made and published if there is none."""
    networks = NetworkIndexPage.objects.child_of(home).first()
    if networks is not None:
        return networks
    return publish(
        home,
        NetworkIndexPage(
            title="Læringsnettverk",
            slug="laeringsnettverk",
            show_in_menus=True,
            intro="<p>Kommuner som vil beholde nyansatte sykepleiere, bygger et "
            "mentorprogram sammen i et læringsnettverk over omtrent to år.</p>",
        ),
    )


def network_page(home, first_day: date, last_day: date, *, municipal_guide) -> LearningNetworkPage:
    # The teams make their films in the month before the first gathering.
    starts_on = first_day - timedelta(days=30)
    ends_on = last_day + timedelta(days=30)
    return child(
        build_network_index(home),
        LearningNetworkPage,
        NETWORK_SLUG,
        lambda: LearningNetworkPage(
            title=f"{NETWORK_NAME} {starts_on.year}–{ends_on.year}",
            slug=NETWORK_SLUG,
            intro=NETWORK_INTRO,
            starts_on=starts_on,
            ends_on=ends_on,
            agreement_text=AGREEMENT_TEXT,
            members_body=MEMBERS_BODY,
            resources=_resources(municipal_guide),
        ),
    )
