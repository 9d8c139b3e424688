"""The demo network's home tasks, each due some days before a gathering."""

from dataclasses import dataclass

from ..models import HomeTask, ResponseKind


@dataclass(frozen=True)
class Task:
    key: str
    gathering: int
    title: str
    kind: str
    days_before: int
    instructions: str


TASKS = [
    Task(
        "film",
        1,
        "Film om kommunen",
        ResponseKind.FILE,
        3,
        "Lag en kort amatørfilm (1–2 minutter) om kommunen deres: hvem dere er, hva dere er "
        "stolte av, og hva som er vanskelig når det gjelder å rekruttere og beholde "
        "sykepleiere.\n\n"
        "- Mobilkamera holder godt.\n"
        "- Få med alle i teamet.\n"
        "- Vi setter filmene sammen og viser dem i starten av samling 1. Beste film kåres på "
        "samling 2.",
    ),
    Task(
        "styrker",
        1,
        "Kommunens styrker og utfordringer",
        ResponseKind.FREE_TEXT,
        7,
        "Skriv kort om kommunen og teamet før første samling:\n\n"
        "- Hvordan er helse- og omsorgstjenestene organisert?\n"
        "- Hvilke utfordringer har dere med å rekruttere og beholde sykepleiere og "
        "vernepleiere? Har dere tall, for eksempel hvor mange nyansatte som sluttet i fjor?\n"
        "- Hvorfor vil kommunen være med i læringsnettverket?\n"
        "- Hvem er med i teamet?\n\n"
        "Prosjektgruppen leser svarene og bruker dem når samling 1 planlegges.",
    ),
    Task(
        "prosjektplan",
        2,
        "Lokal prosjektplan",
        ResponseKind.FREE_TEXT,
        14,
        "Lag utkast til en lokal prosjektplan for mentorprogrammet. Bruk gjerne prosjektplanen "
        "for læringsnettverket som mal:\n\n"
        "1. **Bakgrunn:** kommunens utfordringer\n"
        "2. **Mål:** effektmål, resultatmål og eventuelle delmål\n"
        "3. **Organisering:** hvem er med i prosjektgruppen, og hvordan er arbeidet forankret "
        "hos ledelsen og de tillitsvalgte?\n"
        "4. **Aktiviteter** fram mot samling 3: pilotenhet, rekruttering av mentorer, skisse "
        "til mentorprogram\n"
        "5. **Målinger:** hva vil dere måle før (baseline), underveis og etter?",
    ),
    Task(
        "slagord",
        2,
        "Slagord for mentorprogrammet",
        ResponseKind.FREE_TEXT,
        7,
        "Lag et slagord eller motto for mentorprogrammet i kommunen: kort, lett å huske, og "
        "gjerne noe de nyansatte kjenner seg igjen i. Skriv også en setning om hvordan dere "
        "kom fram til det.\n\n"
        "Beste slagord kåres på den sosiale kvelden på samling 2.",
    ),
    Task(
        "status-2",
        2,
        "Statusrapport før samling 2",
        ResponseKind.STATUS_REPORT,
        7,
        "Fortell hva teamet har gjort siden samling 1. Prosjektgruppen leser rapportene før "
        "samlingen og bruker dem i erfaringsdelingen. Stikkord holder.\n\n"
        "Har dere begynt å måle? Ta med før-tall, for eksempel hvor mange nyansatte "
        "sykepleiere som sluttet i fjor, og hvor mange søkere dere fikk på de siste "
        "utlysningene.",
    ),
    Task(
        "fremdrift-3",
        3,
        "Fremdriftsplan fram mot samling 3",
        ResponseKind.PROGRESS_PLAN,
        49,
        "Send fremdriftsplanen snart etter samling 2. Den viser hvordan teamet kommer i havn "
        "med oppgavene fram mot samling 3 – hva skal gjøres, av hvem og når:\n\n"
        "- ferdigstille den lokale prosjektplanen\n"
        "- lage skisse til mentorprogram\n"
        "- rekruttere mentorer og starte pilotering i én enhet\n"
        "- ta kontakt med en utdanningsinstitusjon om kompetanseheving for mentorene",
    ),
    Task(
        "status-4",
        4,
        "Statusrapport før samling 4",
        ResponseKind.STATUS_REPORT,
        14,
        "På samling 4 presenterer alle team arbeidet sitt så langt. Statusrapporten er "
        "grunnlaget: hva har dere fått til, hva har vært vanskelig, og hvilke suksessfaktorer "
        "ser dere? Fagpersonen på samlingen leser alle rapportene på forhånd.\n\n"
        "Ta med målingene med før- og nå-tall, og fortell hvordan opplæringen av mentorene er "
        "kommet i gang.",
    ),
    Task(
        "plakat",
        6,
        "Plakat for utrulling og implementering",
        ResponseKind.FILE,
        7,
        "Lag en plakat som viser teamets plan for spredning og kommunikasjon: hvilke enheter "
        "som skal ta i bruk mentorprogrammet og i hvilken rekkefølge, hvem som har ansvaret, "
        "og hvordan dere informerer ledere, ansatte og tillitsvalgte.\n\n"
        "Last opp plakaten som PDF eller bilde, og ta den med på samling 6 til "
        "plakatvandringen.",
    ),
    Task(
        "sluttrapport",
        7,
        "Sluttrapport",
        ResponseKind.FINAL_REPORT,
        14,
        "Sluttrapporten følger malen for læringsnettverket. Noe er fylt inn fra "
        "statusrapportene og målingene deres – les over og skriv videre. Prosjektgruppen "
        "sammenfatter alle sluttrapportene og presenterer dem på siste samling.",
    ),
]


def build_home_tasks(network, gatherings) -> dict[str, HomeTask]:
    tasks = {}
    for spec in TASKS:
        tasks[spec.key], _created = HomeTask.objects.get_or_create(
            network=network,
            title=spec.title,
            defaults={
                "gathering": gatherings[spec.gathering - 1],
                "kind": spec.kind,
                "days_before": spec.days_before,
                "instructions": spec.instructions,
            },
        )
    return tasks
