"""Demo data for Finn mentor: thirty listed mentors across the fifteen
counties (most where production-animal practice is), three listed MentorHubs,
ten published searches, and five municipalities with their offers, open needs
and a verified contact. The demo mentor gets a listed profile and the demo
mentee an unlisted search, so the directory has something to show whoever
signs in. The people made here cannot sign in. Dates follow `today`.
Idempotent: the first Finn mentor's account says the rest is there."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from courses.models import Certificate, CoursePage, Enrolment
from courses.selectors import course_outline
from courses.services.certificates import new_certificate, unique_code
from mentornett.accounts.models import Profession, Profile, User
from mentornett.dates import add_months
from network.models import (
    Animal,
    HubListing,
    HubMentor,
    HubStatus,
    MenteePeriod,
    MenteeProfile,
    MenteeStage,
    MentorAvailability,
    MentorHelp,
    MentorHub,
    MentorProfile,
    Municipality,
    MunicipalityContact,
    MunicipalityNeed,
    MunicipalityNeedKind,
    MunicipalityOffer,
    MunicipalityProfile,
    RelationshipKind,
)

A = Animal
K = RelationshipKind
H = MentorHelp
N = MunicipalityNeedKind
OF = MunicipalityOffer

DEMO_DOMAIN = "demo.mentornett.no"
TYNSET = "3427"
TYNSET_HUB = "Tynset dyreklinikk"


@dataclass(frozen=True)
class Mentor:
    name: str
    municipality: str  # municipality number
    animals: tuple
    kinds: tuple
    capacity: int
    helps: tuple
    languages: str
    introduction: str
    authorised: int  # year of Norwegian authorisation
    # Availability: (months from this month, months long), one or two.
    periods: tuple = ((1, 4),)
    hub: str = ""  # the hub the mentor works at, by name


@dataclass(frozen=True)
class Hub:
    name: str
    organisation_number: str
    municipality: str
    weeks_per_half_year: int
    helps_with_housing: bool
    animals: tuple
    introduction: str


@dataclass(frozen=True)
class Search:
    name: str
    stage: str
    study_place: str
    municipality: str  # where they live in Norway
    year: int  # a student's year of study; a vet's years since authorisation
    kind: str
    period: tuple  # ("summer",) or (months from this month, months long)
    wanted_municipalities: tuple
    wanted_counties: tuple
    animals: tuple
    needs: tuple
    introduction: str


@dataclass(frozen=True)
class Need:
    kind: str
    period: tuple | None  # as Search.period, or None for "from now on"
    description: str


@dataclass(frozen=True)
class Place:
    municipality: str
    contact: str  # the contact's name; Tynset's is the demo contact
    role: str
    coverage: str
    offers: tuple
    needs: tuple


MENTORS = [
    # Innlandet
    Mentor(
        "Ingrid Haugen", TYNSET, (A.CATTLE, A.SMALL_RUMINANTS), (K.STUDENT_PLACEMENT,
        K.TEMPORARY_LICENCE), 2, (H.HOUSING,), "norsk, engelsk",
        "Jeg har jobbet i stordyrpraksis i Nord-Østerdalen i fjorten år, mest med melkeku og "
        "sau. Hos oss får studentene være med på alt fra kalvinger til besetningsbesøk, og "
        "klinikken har en hybel du kan leie rimelig.",
        2011, ((1, 3), (8, 3)), hub=TYNSET_HUB,
    ),
    Mentor(
        "Knut Rønningen", "3436", (A.CATTLE, A.SMALL_RUMINANTS, A.HORSES),
        (K.STUDENT_PLACEMENT, K.INEXPERIENCED_VET, K.MENTORVET), 1, (H.CAR,), "norsk",
        "Gudbrandsdalen har mye storfe og sau på sommerbeite. Jeg deler vakt med to kolleger, "
        "så du har alltid noen å ringe. Jeg liker å lære bort og tar gjerne med nyutdannede på "
        "kveldsvaktene.",
        2004, ((2, 5),),
    ),
    Mentor(
        "Siri Bakken Moen", "3421", (A.CATTLE, A.SMALL_RUMINANTS, A.COMPANION),
        (K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET), 1, (H.HOUSING, H.CAR), "norsk, svensk",
        "Blandingspraksis i Trysil med mye sau og storfe, og en del hund og katt om vinteren når "
        "hyttefolket kommer. Jeg har hatt to studenter på midlertidig lisens og vet hvor viktig "
        "en trygg bakvakt er de første ukene.",
        2013, ((1, 6),),
    ),
    Mentor(
        "Anders Skjærli", "3412", (A.PIGS, A.POULTRY, A.CATTLE),
        (K.STUDENT_PLACEMENT, K.MENTORVET), 2, (H.EQUIPMENT,), "norsk, engelsk",
        "Jeg jobber mest med svin og fjørfe på Hedmarken, med besetningsrådgivning og smittevern. "
        "Hos meg lærer du å gå riktig gjennom hygieneslusen, ta gode prøver og snakke med bonden "
        "om produksjonstall.",
        2008, ((0, 3), (6, 4)),
    ),
    Mentor(
        "Marte Lien", "3434", (A.SMALL_RUMINANTS, A.CATTLE),
        (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE), 1, (H.HOUSING,), "norsk, engelsk, tysk",
        "Fjellpraksis i Nord-Gudbrandsdalen: lange kjøreturer, seterdrift om sommeren og mye sau. "
        "Kommunen hjelper oss med en leilighet i sentrum til den som kommer.",
        2015, ((4, 4),),
    ),
    # Trøndelag
    Mentor(
        "Jon Olav Sæther", "5021", (A.CATTLE, A.SMALL_RUMINANTS),
        (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET), 2, (H.HOUSING, H.CAR),
        "norsk, engelsk",
        "Oppdal er en av de største sauekommunene i landet, og vi har mye melkeproduksjon også. "
        "Jeg har vært mentor i ordningen siden den startet og setter av tid hver uke til å gå "
        "gjennom kasusene sammen med deg.",
        2006, ((1, 4), (7, 3)),
    ),
    Mentor(
        "Kristin Aune", "5037", (A.CATTLE, A.PIGS), (K.STUDENT_PLACEMENT,), 2, (H.EQUIPMENT,),
        "norsk, engelsk",
        "Jeg er daglig leder i Innherred Veterinærsenter. Vi er fem veterinærer med storfe og "
        "svin som hovedområder, og vi tar imot studenter i påsitterpraksis hele året.",
        2002, ((0, 6), (6, 6)), hub="Innherred Veterinærsenter",
    ),
    Mentor(
        "Erlend Vold", "5037", (A.CATTLE, A.HORSES), (K.STUDENT_PLACEMENT, K.MENTORVET), 1, (),
        "norsk",
        "Storfe og hest på Innherred. Jeg er opptatt av at den nye skal få prøve selv tidlig, "
        "med meg ved siden av, og ikke bare sitte på.",
        2016, ((2, 4),), hub="Innherred Veterinærsenter",
    ),
    Mentor(
        "Guro Lyngstad", "5042", (A.CATTLE, A.SMALL_RUMINANTS),
        (K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET), 1, (H.HOUSING, H.CAR),
        "norsk, sørsamisk, engelsk",
        "Lierne ligger langt fra alt, og det er nettopp derfor vi trenger flere. Jeg er alene "
        "på vakt annenhver uke og vil gjerne ha en nyutdannet eller en student på lisens med meg. "
        "Kommunen har bolig og bil klar.",
        2012, ((1, 3), (5, 3)),
    ),
    # Nordland
    Mentor(
        "Bodil Kristiansen", "1824", (A.CATTLE, A.SMALL_RUMINANTS),
        (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE), 2, (H.HOUSING,), "norsk",
        "Helgelandskysten har små og mellomstore melkebruk og mange sauebønder. Jeg har drevet "
        "egen praksis i Mosjøen i tjue år og har god plass i huset til en student.",
        2003, ((3, 5),),
    ),
    Mentor(
        "Tor Arne Eliassen", "1860", (A.CATTLE, A.SMALL_RUMINANTS, A.AQUACULTURE),
        (K.STUDENT_PLACEMENT, K.INEXPERIENCED_VET, K.MENTORVET), 1, (H.CAR,), "norsk, engelsk",
        "Jeg kombinerer stordyrpraksis i Lofoten med tilsyn på oppdrettsanlegg. Om sommeren er "
        "det mye sau på beite, og da trenger jeg en ekstra hånd.",
        2010, ((5, 3),),
    ),
    Mentor(
        "Hanne Nordvik", "1870", (A.CATTLE, A.COMPANION),
        (K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET), 1, (H.HOUSING, H.EQUIPMENT), "norsk",
        "Vesterålen har lange avstander og få veterinærer. Jeg har mye ansvar for storfe og tar "
        "også smådyr på dagtid. Jeg kan låne ut utstyr og hjelper deg å finne et sted å bo.",
        2014, ((1, 4), (9, 3)),
    ),
    # Vestland
    Mentor(
        "Eirik Nesdal", "4650", (A.CATTLE, A.SMALL_RUMINANTS),
        (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET), 2, (H.HOUSING, H.CAR),
        "norsk, engelsk",
        "Nordfjord har mange melkebruk, og jeg kjører mye. En student får være med i bilen hver "
        "dag og prøve seg på drektighetsundersøkelser og klauvbehandling. Du kan bo på hybelen "
        "over kontoret.",
        2007, ((1, 5),),
    ),
    Mentor(
        "Solveig Hjelmeland", "4621", (A.CATTLE, A.SMALL_RUMINANTS, A.HORSES),
        (K.STUDENT_PLACEMENT, K.MENTORVET), 1, (), "norsk, engelsk",
        "Jeg jobber med storfe, sau og en del hest på Voss. Mentorsamtaler har gitt meg mye "
        "selv, og jeg tar gjerne en MentorVet-mentee i tillegg til studenter i praksis.",
        2009, ((2, 3), (7, 4)),
    ),
    Mentor(
        "Lars Tveit", "4647", (A.AQUACULTURE, A.CATTLE),
        (K.STUDENT_PLACEMENT, K.INEXPERIENCED_VET), 1, (H.CAR,), "norsk, engelsk",
        "Fiskehelse er hovedområdet mitt, men jeg har også storfe i nærområdet. Det passer for "
        "deg som vil se både oppdrett og vanlig stordyrpraksis.",
        2017, ((3, 4),),
    ),
    # Rogaland
    Mentor(
        "Kari Oftedal", "1119", (A.CATTLE, A.PIGS, A.POULTRY),
        (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE), 3, (H.HOUSING, H.EQUIPMENT), "norsk, engelsk",
        "Jæren er landets tetteste område for husdyr. Hos Dyrlegene på Jæren tar vi imot mange "
        "studenter i året og har egne hybler rett ved klinikken.",
        2005, ((0, 6), (6, 6)), hub="Dyrlegene på Jæren",
    ),
    Mentor(
        "Sindre Fotland", "1119", (A.PIGS, A.POULTRY), (K.STUDENT_PLACEMENT,), 2, (),
        "norsk",
        "Jeg jobber nesten bare med svin og fjørfe, med mye forebyggende arbeid og obduksjoner. "
        "Du lærer raskt hvordan store besetninger drives.",
        2018, ((1, 5),), hub="Dyrlegene på Jæren",
    ),
    Mentor(
        "Marianne Vik", "1134", (A.SMALL_RUMINANTS, A.CATTLE),
        (K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET, K.MENTORVET), 1, (H.HOUSING, H.CAR),
        "norsk, engelsk",
        "Suldal har spredt bosetting og mye sau. Jeg har vært bakvakt for tre nyutdannede og "
        "liker å se dem bli trygge. Kommunen har leilighet og bil til utlån.",
        2001, ((2, 4),),
    ),
    # Møre og Romsdal
    Mentor(
        "Arne Rødal", "1566", (A.CATTLE, A.SMALL_RUMINANTS),
        (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE), 1, (H.HOUSING,), "norsk",
        "Storfe og sau i Surnadal og Rindal. Praksisen er liten, så du kommer tett på både "
        "dyrene og bøndene. Vi ordner bolig i nærheten.",
        1999, ((4, 3),),
    ),
    Mentor(
        "Ida Brunstad", "1520", (A.CATTLE, A.SMALL_RUMINANTS, A.COMPANION),
        (K.INEXPERIENCED_VET, K.MENTORVET), 1, (), "norsk, engelsk",
        "Blandingspraksis på Sunnmøre. Jeg tilbyr mentorsamtaler til nyutdannede som vil snakke "
        "om faglige valg, vaktbelastning og hvordan man trives i distriktet over tid.",
        2012, ((0, 12),),
    ),
    # Troms
    Mentor(
        "Ragnhild Sollid", "5524", (A.CATTLE, A.SMALL_RUMINANTS),
        (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE), 2, (H.HOUSING, H.CAR), "norsk",
        "Indre Troms har mye melkeku og sau, og avstandene er lange. Jeg stiller med bil og "
        "bolig, og jeg tar alltid telefonen når du står alene med en vanskelig kalving.",
        2008, ((1, 4),),
    ),
    Mentor(
        "Piotr Nowak", "5544", (A.CATTLE, A.SMALL_RUMINANTS, A.COMPANION),
        (K.INEXPERIENCED_VET, K.MENTORVET), 1, (), "norsk, polsk, engelsk",
        "Jeg kom fra Polen som nyutdannet for elleve år siden og vet hvordan det er å begynne i "
        "et nytt land. Jeg hjelper gjerne med språk, journalføring og hvordan norske bønder "
        "tenker.",
        2014, ((2, 6),),
    ),
    # Finnmark
    Mentor(
        "Inger Marie Hætta", "5601", (A.CATTLE, A.SMALL_RUMINANTS, A.COMPANION),
        (K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET, K.MENTORVET), 1, (H.HOUSING,),
        "norsk, nordsamisk",
        "Praksis i Alta med storfe, sau og smådyr, og noe rein. Jeg ønsker meg en mentee som "
        "har lyst til å bli værende i Finnmark.",
        2010, ((3, 4),),
    ),
    # Agder
    Mentor(
        "Torbjørn Homme", "4220", (A.SMALL_RUMINANTS, A.CATTLE),
        (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE), 1, (H.HOUSING,), "norsk",
        "Setesdal har mye sau og noen melkebruk. Jeg har plass til én student om gangen og "
        "ordner hybel hos en av bøndene i bygda.",
        2000, ((5, 3),),
    ),
    # Telemark
    Mentor(
        "Aslak Bjåen", "4022", (A.CATTLE, A.SMALL_RUMINANTS, A.HORSES),
        (K.STUDENT_PLACEMENT, K.MENTORVET), 1, (H.CAR,), "norsk",
        "Jeg har blandingspraksis i Vest-Telemark med storfe, sau og hest. Som mentor er jeg "
        "mest opptatt av at du får rom til å spørre om alt.",
        2011, ((2, 3),),
    ),
    # Buskerud
    Mentor(
        "Therese Bråten", "3328", (A.CATTLE, A.SMALL_RUMINANTS),
        (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET), 2, (H.HOUSING, H.CAR),
        "norsk, engelsk",
        "Hallingdal har mange melkebruk og mye sau på fjellet om sommeren. Vi er tre "
        "veterinærer som deler vakt, og du får bo og bruke bil gjennom hele praksisen.",
        2009, ((1, 3), (6, 3)),
    ),
    # Akershus
    Mentor(
        "Henrik Aas", "3226", (A.CATTLE, A.HORSES, A.PIGS),
        (K.STUDENT_PLACEMENT, K.MENTORVET), 1, (H.CAR,), "norsk, engelsk",
        "Storfe, hest og noe svin i Aurskog-Høland. Praksisen ligger en drøy time fra Oslo, og "
        "jeg henter deg gjerne på stasjonen.",
        2013, ((1, 2),),
    ),
    # Østfold
    Mentor(
        "Nora Fjeld", "3120", (A.PIGS, A.POULTRY, A.CATTLE),
        (K.STUDENT_PLACEMENT, K.INEXPERIENCED_VET), 1, (H.EQUIPMENT,), "norsk",
        "Østfold har mange svine- og fjørfebesetninger. Jeg låner gjerne ut eget utstyr til en "
        "nyutdannet som skal starte for seg selv.",
        2015, ((3, 3),),
    ),
    # Vestfold
    Mentor(
        "Camilla Bugge", "3909", (A.HORSES, A.CATTLE, A.COMPANION),
        (K.STUDENT_PLACEMENT, K.MENTORVET), 1, (), "norsk, engelsk",
        "Jeg driver ambulerende hestepraksis og har storfe i helgene. Det passer for deg som "
        "vil lære mer om hest i felt.",
        2012, ((2, 4),),
    ),
    # Oslo
    Mentor(
        "Ahmed Rahimi", "0301", (A.HORSES, A.COMPANION), (K.MENTORVET,), 2, (),
        "norsk, dari, engelsk",
        "Jeg er hesteveterinær i Oslo og tilbyr MentorVet-samtaler på video eller ved oppmøte. "
        "Vi snakker om mål, arbeidsbelastning og hvordan du finner din plass i yrket.",
        2006, ((0, 12),),
    ),
]  # fmt: skip

# The demo mentor's own listing; she runs the Tynset hub.
DEMO_MENTOR = Mentor(
    "Marit Mentor", TYNSET, (A.CATTLE, A.SMALL_RUMINANTS),
    (K.STUDENT_PLACEMENT, K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET), 2, (H.HOUSING, H.EQUIPMENT),
    "norsk, engelsk",
    "Jeg driver Tynset dyreklinikk og har vært mentor siden pilotprosjektet. Vi tar imot "
    "studenter hele året, og det er alltid to av oss på bakvakt.",
    2009, ((1, 6),),
)  # fmt: skip

HUBS = [
    Hub(
        TYNSET_HUB, "912345678", TYNSET, 12, True, (A.CATTLE, A.SMALL_RUMINANTS),
        "Tynset dyreklinikk har fem veterinærer med storfe og sau som hovedområder. Vi hjelper "
        "studentene med bolig og har fast bakvakt hele døgnet.",
    ),
    Hub(
        "Dyrlegene på Jæren", "923456784", "1119", 20, True, (A.CATTLE, A.PIGS, A.POULTRY),
        "Stor stordyrpraksis på Jæren med storfe, svin og fjørfe. Vi tar imot studenter i "
        "påsitterpraksis hele året og har tre hybler rett ved klinikken.",
    ),
    Hub(
        "Innherred Veterinærsenter", "934567891", "5037", 10, False,
        (A.CATTLE, A.PIGS, A.HORSES),
        "Fem veterinærer i Levanger med storfe, svin og hest. Studentene våre får en fast "
        "veileder og egne dager med besetningsbesøk.",
    ),
]  # fmt: skip

SUMMER = ("summer",)
NMBU = "NMBU Veterinærhøgskolen, Ås"

SEARCHES = [
    Search(
        "Sigrid Nyhus", MenteeStage.STUDENT, NMBU, "3218", 4, K.STUDENT_PLACEMENT, SUMMER,
        (TYNSET, "5021"), ("Innlandet", "Trøndelag"), (A.CATTLE, A.SMALL_RUMINANTS),
        (H.HOUSING,),
        "Jeg vokste opp på en melkegård i Valdres og vil tilbake til distriktet når jeg er "
        "ferdig. I sommer ønsker jeg meg praksis med mye storfe og gjerne sau på beite.",
    ),
    Search(
        "Jonas Kvam", MenteeStage.STUDENT, NMBU, "3218", 6, K.TEMPORARY_LICENCE, (2, 3),
        (), ("Nordland",), (A.CATTLE, A.SMALL_RUMINANTS), (H.HOUSING, H.CAR),
        "Jeg går siste året og vil jobbe på midlertidig lisens i Nordland i tre måneder. Jeg "
        "trenger bolig og helst bil, siden jeg ikke har egen.",
    ),
    Search(
        "Emilie Sørbø", MenteeStage.STUDENT, "Veterinæruniversitetet i Košice, Slovakia", "1103",
        5, K.STUDENT_PLACEMENT, SUMMER, ("1119",), ("Rogaland", "Vestland"),
        (A.PIGS, A.CATTLE), (H.HOUSING, H.CAR),
        "Jeg studerer i Košice og er hjemme i Rogaland om sommeren. Jeg vil lære mer om svin og "
        "storfe i norske besetninger før jeg er ferdig.",
    ),
    Search(
        "Henrik Ødegård", MenteeStage.STUDENT, "Veterinæruniversitetet i Budapest, Ungarn",
        "1506", 4, K.STUDENT_PLACEMENT, SUMMER, ("1566",), ("Møre og Romsdal",),
        (A.CATTLE, A.SMALL_RUMINANTS), (H.HOUSING,),
        "Fjerdeårsstudent i Budapest, hjemmehørende i Molde. Jeg ønsker praksis på Nordmøre "
        "eller i Romsdal, gjerne i en liten praksis der jeg får prøve mye selv.",
    ),
    Search(
        "Thea Grønli", MenteeStage.STUDENT, "Landbruksuniversitetet i Warszawa (SGGW), Polen",
        "5001", 3, K.STUDENT_PLACEMENT, SUMMER, (), ("Trøndelag",), (A.CATTLE, A.HORSES),
        (H.HOUSING, H.CAR),
        "Jeg studerer i Warszawa og er interessert i både storfe og hest. Jeg har førerkort, "
        "men ingen bil i Norge.",
    ),
    Search(
        "Mads Eriksen", MenteeStage.STUDENT,
        "Litauens helsevitenskapelige universitet (LSMU), Kaunas", "5501", 6,
        K.TEMPORARY_LICENCE, (4, 3), (), ("Troms", "Finnmark"), (A.CATTLE, A.SMALL_RUMINANTS),
        (H.HOUSING, H.CAR),
        "Jeg er fra Tromsø og studerer i Kaunas. Etter eksamen vil jeg jobbe på midlertidig "
        "lisens i Nord-Norge, og jeg vil gjerne ha en mentor som kan være bakvakt.",
    ),
    Search(
        "Frida Holm", MenteeStage.STUDENT, "Københavns Universitet, Danmark", "4204", 4,
        K.STUDENT_PLACEMENT, SUMMER, (), ("Agder", "Telemark", "Vestland"),
        (A.CATTLE, A.SMALL_RUMINANTS, A.HORSES), (H.HOUSING,),
        "Jeg studerer i København og vil se hvordan stordyrpraksis fungerer i Norge. Sør- og "
        "Vestlandet passer best, fordi familien min bor i Kristiansand.",
    ),
    Search(
        "Ola Hovde", MenteeStage.NEW_VET, "Smådyrklinikk i Lillehammer", "3405", 1,
        K.INEXPERIENCED_VET, (1, 4), (TYNSET, "3428", "3436"), ("Innlandet",),
        (A.CATTLE, A.SMALL_RUMINANTS), (H.CAR,),
        "Jeg ble ferdig på NMBU i fjor og har vikariert på en smådyrklinikk. Nå vil jeg over i "
        "produksjonsdyr og ønsker en mentor i Nord-Østerdalen eller Gudbrandsdalen.",
    ),
    Search(
        "Aurora Lindseth", MenteeStage.NEW_VET, "Blandingspraksis i Vefsn", "1824", 0,
        K.MENTORVET, (0, 9), (), ("Nordland",), (A.CATTLE, A.COMPANION), (),
        "Jeg har nettopp begynt i en blandingspraksis i Mosjøen og ønsker meg en erfaren "
        "samtalepartner utenfor arbeidsplassen, gjerne over video.",
    ),
    Search(
        "Trond Arntzen", MenteeStage.RETURNING_VET, "Smådyrklinikk i Bærum", "3201", 14,
        K.INEXPERIENCED_VET, (3, 3), (), ("Trøndelag", "Innlandet"), (A.CATTLE,),
        (H.HOUSING,),
        "Jeg har jobbet med hund og katt i tolv år, men savner storfepraksisen jeg hadde som ung "
        "veterinær. Jeg trenger noen som kan ta meg gjennom de første ukene på vakt igjen.",
    ),
]  # fmt: skip

# The demo mentee's own search, not published.
DEMO_SEARCH = Search(
    "Magnus Mentee", MenteeStage.STUDENT, NMBU, "3401", 3, K.STUDENT_PLACEMENT, SUMMER, (),
    ("Innlandet", "Trøndelag"), (A.CATTLE, A.SMALL_RUMINANTS), (H.HOUSING,),
    "Jeg er tredjeårsstudent og har lyst til å prøve stordyrpraksis på fjellet i sommer.",
)  # fmt: skip

PLACES = [
    Place(
        TYNSET, "Kari Kommune", "Landbruksrådgiver",
        "Tynset har stor melkeproduksjon og mye sau på utmarksbeite. Vaktområdet deles med "
        "Alvdal, Tolga og Os, og to av veterinærene går av med pensjon de neste to årene.",
        (OF.FLAT, OF.WELCOME_CONTACT, OF.STIMULUS_GRANT),
        (
            Need(N.PERMANENT_VET, None,
                 "Vi søker en fast veterinær til vaktområdet så snart som mulig. Kommunen gir "
                 "etableringstilskudd og hjelper deg med bolig det første året."),
            Need(N.TEMPORARY_VET, SUMMER,
                 "Vikar i sommerferien, med vakt annenhver helg. Leilighet i sentrum er klar."),
        ),
    ),
    Place(
        "5042", "Bjørg Kvaløy", "Landbrukssjef",
        "Lierne har om lag 1 300 innbyggere, mye storfe og sau og lang vei til nærmeste klinikk. "
        "Én veterinær dekker kommunen alene, med vikarer i feriene.",
        (OF.FLAT, OF.CAR, OF.STIMULUS_GRANT),
        (
            Need(N.TEMPORARY_VET, SUMMER,
                 "Vi trenger vikar i sommer mens vår faste veterinær har ferie. Kommunen stiller "
                 "med bolig og bil."),
            Need(N.PLACEMENT_HOST, (2, 6),
                 "Vi vil gjerne at studenter tar praksis hos oss, og ser etter en veterinær i "
                 "området som kan ta imot dem. Kommunen betaler husleien for studenten."),
        ),
    ),
    Place(
        "1826", "Jan Erik Granli", "Rådgiver for landbruk",
        "Hattfjelldal deler vaktområde med Grane. Det er mest sau og noen melkebruk, og "
        "avstandene er store, særlig om vinteren.",
        (OF.FLAT, OF.WELCOME_CONTACT, OF.CAR),
        (
            Need(N.PERMANENT_VET, None,
                 "Fast stilling som veterinær i Hattfjelldal og Grane. Vi har en fadder i "
                 "kommunen som hjelper deg og familien din å komme på plass."),
        ),
    ),
    Place(
        "4650", "Astrid Hjelle", "Landbruksrådgiver",
        "Gloppen er en av de største melkekommunene på Vestlandet. Vaktområdet har tre "
        "veterinærer, men det er stor pågang i kalvingssesongen.",
        (OF.EQUIPMENT, OF.WELCOME_CONTACT, OF.FLAT),
        (
            Need(N.PLACEMENT_HOST, SUMMER,
                 "Vi ønsker flere studenter i påsitterpraksis og ser etter en praksis som kan ta "
                 "imot dem. Kommunen låner ut utstyr og har en hybel."),
            Need(N.TEMPORARY_VET, (3, 2),
                 "Ekstra veterinær i kalvingssesongen, gjerne en nyutdannet med en mentor i "
                 "nærheten."),
        ),
    ),
    Place(
        "1134", "Geir Tjelmeland", "Leder for landbruk og miljø",
        "Suldal er stor i areal, med spredt bosetting og mye sau. Kommunen gir tilskudd til "
        "veterinærdekning og har en leilighet til vikarer.",
        (OF.FLAT, OF.CAR, OF.STIMULUS_GRANT),
        (
            Need(N.TEMPORARY_VET, (1, 3),
                 "Vikar i tre måneder mens en av veterinærene har permisjon. Bil og bolig "
                 "følger med."),
        ),
    ),
]  # fmt: skip


# The people made here: each mentor and search, and each municipality's
# contact but Tynset's, who is the demo contact.
FINN_PEOPLE = len(MENTORS) + len(SEARCHES) + sum(place.municipality != TYNSET for place in PLACES)


def build_finn(today: date) -> None:
    if User.objects.filter(email=email_for(MENTORS[0].name)).exists():
        return
    municipalities = {m.number: m for m in Municipality.objects.all()}
    if TYNSET not in municipalities:
        return
    now = timezone.now()
    mentor_course = CoursePage.objects.filter(slug="mentorkurs").first()
    office = User.objects.filter(email="ordning@mentornett.no").first()
    mentors = []
    for index, spec in enumerate(MENTORS):
        user = _person(
            spec.name,
            municipalities[spec.municipality],
            profession=Profession.VETERINARIAN,
            has_norwegian_authorisation=True,
            authorisation_year=spec.authorised,
            practice_years=today.year - spec.authorised,
            wants_to_be_mentor=True,
        )
        _certify(user, mentor_course, today)
        _mentor_profile(user, spec, municipalities, today, now - timedelta(days=3 + index * 4))
        mentors.append((spec, user))
    demo_mentor = User.objects.filter(email="mentor@mentornett.no").first()
    if demo_mentor is not None and not MentorProfile.objects.filter(user=demo_mentor).exists():
        _mentor_profile(demo_mentor, DEMO_MENTOR, municipalities, today, now - timedelta(days=9))
    _hubs(mentors, demo_mentor, municipalities, now)
    for index, spec in enumerate(SEARCHES):
        if spec.stage == MenteeStage.STUDENT:
            fields = {"profession": Profession.VET_STUDENT, "study_place": spec.study_place}
        else:
            fields = {
                "profession": Profession.VETERINARIAN,
                "has_norwegian_authorisation": True,
                "authorisation_year": today.year - spec.year,
            }
        user = _person(spec.name, municipalities[spec.municipality], **fields)
        _search(user, spec, municipalities, today, now - timedelta(days=2 + index * 5), listed=True)
    demo_mentee = User.objects.filter(email="mentee@mentornett.no").first()
    if demo_mentee is not None and not MenteeProfile.objects.filter(user=demo_mentee).exists():
        _search(demo_mentee, DEMO_SEARCH, municipalities, today, now, listed=False)
    for index, place in enumerate(PLACES):
        _municipality(place, municipalities, office, today, now - timedelta(days=20 + index * 9))


def email_for(name: str) -> str:
    """The demo address of a Finn person: "Inger Marie Hætta" is
    inger.marie.haetta@demo.mentornett.no."""
    local = name.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a", " ": "."}))
    return f"{local}@{DEMO_DOMAIN}"


def _person(name: str, municipality, **profile) -> User:
    """A demo person who cannot sign in, with a profile from `profile`."""
    user, created = User.objects.get_or_create(email=email_for(name), defaults={"full_name": name})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Profile.objects.get_or_create(
        user=user, defaults={"home_municipality": municipality, **profile}
    )
    return user


def _certify(user, course, today: date) -> None:
    """The mentor course completed and its certificate issued: it is the valid
    certificate that makes a listing visible. Written directly, not lesson by
    lesson (these people cannot sign in, so nobody sees their answers); the
    PDF is made when it is first asked for, as for any certificate."""
    if course is None:
        return
    if Certificate.objects.filter(holder=user, mandatory_for="mentor").valid_on(today).exists():
        return
    lessons = len(course_outline(course).lessons)
    enrolment, _ = Enrolment.objects.update_or_create(
        learner=user,
        course=course,
        defaults={
            "course_title": course.title,
            "lessons_done": lessons,
            "lessons_total": lessons,
            "minutes_left": 0,
            "completed_at": timezone.now(),
            "completed_version": course.version,
            "completed_revision_id": course.live_revision_id,
        },
    )
    new_certificate(enrolment=enrolment, code=unique_code()).save(force_insert=True)


def _months(today: date, period: tuple) -> tuple[date, date]:
    """(months from this month, months long) as dates, or the next summer
    holiday that has not begun: mid-June to mid-August."""
    if period == SUMMER:
        year = today.year if today < date(today.year, 6, 1) else today.year + 1
        return date(year, 6, 16), date(year, 8, 15)
    start, length = period
    first = add_months(today.replace(day=1), start)
    return first, add_months(first, length) - timedelta(days=1)


def _codes(values) -> dict:
    return dict.fromkeys(sorted(values), True)


def _mentor_profile(user, spec: Mentor, municipalities, today: date, confirmed_at):
    profile = MentorProfile.objects.create(
        user=user,
        municipality=municipalities[spec.municipality],
        kinds=_codes(spec.kinds),
        capacity=spec.capacity,
        animals=_codes(spec.animals),
        helps=_codes(spec.helps),
        languages=spec.languages,
        introduction=spec.introduction,
        listed=True,
        listed_at=confirmed_at - timedelta(days=60),
        confirmed_at=confirmed_at,
    )
    MentorAvailability.objects.bulk_create(
        MentorAvailability(profile=profile, starts_on=starts_on, ends_on=ends_on)
        for starts_on, ends_on in (_months(today, period) for period in spec.periods)
    )


def _hubs(mentors: list, demo_mentor, municipalities, now) -> None:
    """Tynset's hub (made by the scheme's demo) and two more, approved, each
    with its mentors and a listing. The first mentor of a new hub is its
    contact."""
    for index, spec in enumerate(HUBS):
        staff = [user for mentor, user in mentors if mentor.hub == spec.name]
        if spec.name == TYNSET_HUB and demo_mentor is not None:
            staff.insert(0, demo_mentor)
        if not staff:
            continue
        hub, created = MentorHub.objects.get_or_create(
            name=spec.name,
            municipality=municipalities[spec.municipality],
            defaults={
                "organisation_number": spec.organisation_number,
                "status": HubStatus.APPROVED,
                "registered_by": staff[0],
                "approved_at": now - timedelta(days=90 + 30 * index),
            },
        )
        for position, user in enumerate(staff):
            HubMentor.objects.get_or_create(
                hub=hub, user=user, defaults={"is_contact": created and position == 0}
            )
        HubListing.objects.get_or_create(
            hub=hub,
            defaults={
                "listed": True,
                "weeks_per_half_year": spec.weeks_per_half_year,
                "helps_with_housing": spec.helps_with_housing,
                "animals": _codes(spec.animals),
                "introduction": spec.introduction,
            },
        )


def _search(user, spec: Search, municipalities, today: date, at, *, listed: bool):
    starts_on, ends_on = _months(today, spec.period)
    stage_year = spec.year if spec.stage == MenteeStage.STUDENT else today.year - spec.year
    profile = MenteeProfile.objects.create(
        user=user,
        stage=spec.stage,
        study_place=spec.study_place,
        municipality=municipalities[spec.municipality],
        year=stage_year,
        kind=spec.kind,
        wanted_counties=sorted(spec.wanted_counties),
        animals=_codes(spec.animals),
        needs=_codes(spec.needs),
        introduction=spec.introduction,
        listed=listed,
        listed_at=at if listed else None,
        confirmed_at=at if listed else None,
    )
    profile.wanted_municipalities.set(municipalities[n] for n in spec.wanted_municipalities)
    MenteePeriod.objects.create(profile=profile, starts_on=starts_on, ends_on=ends_on)


def _municipality(place: Place, municipalities, office, today: date, verified_at) -> None:
    municipality = municipalities[place.municipality]
    if place.municipality == TYNSET:
        # The scheme's demo made the demo contact, verified.
        contact = User.objects.filter(email="kommune@mentornett.no").first()
    else:
        contact = _person(place.contact, municipality, profession=Profession.OTHER)
    if contact is None:
        return
    MunicipalityContact.objects.get_or_create(
        municipality=municipality,
        user=contact,
        defaults={
            "role": place.role,
            "registered_at": verified_at - timedelta(days=2),
            "verified_at": verified_at,
            "verified_by": office,
        },
    )
    MunicipalityProfile.objects.get_or_create(
        municipality=municipality,
        defaults={
            "listed": True,
            "coverage": place.coverage,
            "offers": _codes(place.offers),
            "updated_by": contact,
        },
    )
    for need in place.needs:
        starts_on, ends_on = _months(today, need.period) if need.period else (today, None)
        MunicipalityNeed.objects.create(
            municipality=municipality,
            kind=need.kind,
            starts_on=starts_on,
            ends_on=ends_on,
            description=need.description,
            published_by=contact,
        )
