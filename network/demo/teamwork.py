"""The teams' work on the home tasks, in every state an organiser meets:
drafts, sent, late, read, returned, shared with the network, and the
advisors' progress scores after the first gathering."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from mentornett.accounts.models import User

from ..models import CommentVisibility, HomeTask, Submission
from ..services import (
    add_comment,
    give_progress_score,
    mark_read,
    return_for_changes,
    save_draft,
    set_shared,
    submit,
)
from .teams import HR_EMAIL

DRAFT, SUBMITTED, READ, RETURNED = "draft", "submitted", "read", "returned"


@dataclass(frozen=True)
class Answer:
    sections: dict
    state: str = SUBMITTED
    late_by_days: int = 0  # sent this many days after the deadline
    days_ago: int | None = None  # for tasks not yet due: sent this many days ago
    comment: str = ""  # the reviewer's comment: why it is returned, or feedback
    # Sections other members wrote into the shared draft: (e-mail, {key: text}).
    also_by: tuple = field(default_factory=tuple)


def _text(answer: str) -> dict:
    return {"answer": answer}


ANSWERS = {
    "styrker": {
        "sarpsborg": Answer(
            _text(
                "Sarpsborg har sykehjem, hjemmetjenester og bo- og aktivitetssentre. Vi har "
                "dyktige og stabile helsefagarbeidere, men sliter med å beholde sykepleiere og "
                "vernepleiere: i fjor sluttet omtrent halvparten av de nyansatte i løpet av det "
                "første året. Mange forteller at de fikk ansvarsvakter for tidlig og ikke visste "
                "hvem de kunne spørre.\n\n"
                "For et halvt års tid siden prøvde vi ut en enkel mentorordning på ett "
                "sykehjem, og færre har sluttet der siden. Nå vil vi bygge et skikkelig "
                "mentorprogram og spre det. Teamet består av en virksomhetsleder, tillitsvalgt, "
                "en HR-rådgiver, en erfaren sykepleier som er mentor, og meg som koordinator."
            ),
            state=READ,
            comment="Takk for en tydelig beskrivelse! Det er et godt utgangspunkt at både "
            "virksomhetsleder og tillitsvalgt er med fra starten. Ta vare på tallene fra før "
            "mentorordningen startet: de blir baseline, og tallene etterpå viser om den virker.",
        ),
        "halden": Answer(
            _text(
                "Halden har sykehjem og hjemmetjenester i tre soner. Vi får søkere til "
                "sykepleierstillingene, men mange går videre til sykehuset etter et år eller to. "
                "Nyansatte sier at de savner noen å drøfte faglige spørsmål med på kveld og i "
                "helgene. Styrken vår er et godt samarbeid med høgskolen, der mange studenter "
                "har praksis hos oss. Vi vil bruke mentorprogrammet til å gjøre overgangen fra "
                "student til sykepleier tryggere."
            ),
            state=READ,
        ),
        "indre-ostfold": Answer(
            _text(
                "Kommunen er ny etter sammenslåingen i 2020, og tjenestene er fortsatt preget av "
                "ulike kulturer i de gamle kommunene. Nyansatte sykepleiere har sluttet etter "
                "kort tid, særlig på de minste sykehjemmene. Teamet har med ledere fra flere "
                "virksomheter, og vi vil lage ett felles mentorprogram for hele kommunen."
            ),
            state=READ,
        ),
        "kongsvinger": Answer(
            _text(
                "Vi bruker bemanningsbyrå for å dekke sykepleiervakter, særlig om sommeren og i "
                "helgene. Det er dyrt og går ut over kontinuiteten for pasientene. Teamet består "
                "av kommunalsjef, to enhetsledere, tillitsvalgt og HR. Vi vil bli en mer "
                "attraktiv arbeidsplass for nyutdannede."
            ),
            state=RETURNED,
            comment="Takk! Dere skriver godt om bruken av bemanningsbyrå, men lite om hvorfor "
            "nyansatte slutter. Har dere tall på hvor mange nyansatte sykepleiere som sluttet "
            "det siste året? Legg det til og send på nytt før samling 2.",
        ),
        "lillestrom": Answer(
            _text(
                "Lillestrøm er en stor kommune i vekst, og vi konkurrerer med sykehuset og Oslo "
                "om sykepleierne. Mange nyansatte har utdanningen sin fra utlandet og trenger god "
                "opplæring i norske arbeidsrutiner og dokumentasjon. Vi starter med to piloter: "
                "ett sykehjem og én hjemmetjenestesone."
            ),
            late_by_days=4,
        ),
        "flesberg": Answer(
            _text(
                "Flesberg er en liten kommune med ett sykehjem og én hjemmetjeneste. Hver "
                "sykepleierstilling som står tom, merkes med en gang, og nyansatte får raskt "
                "mye ansvar fordi det er få å spørre på kveld og natt. Styrken vår er korte "
                "beslutningsveier: kommunalsjefen er med i teamet."
            ),
            state=READ,
        ),
        "midt-telemark": Answer(
            _text(
                "Vi har søkere til de faste stillingene, men de nyansatte forsvinner ofte i løpet "
                "av det første året. Vi tror at en mentor kan gjøre at flere blir. Teamet har med "
                "seg tillitsvalgt og en sykepleier som selv var ny for to år siden, og som vet "
                "hvordan det føles."
            ),
            late_by_days=1,
        ),
        "modum": Answer(
            _text(
                "Modum har lenge hatt problemer med å få sykepleiere til helgevaktene. Vi har en "
                "fadderordning, men den er lite systematisk og avhenger av hvem som er på jobb. "
                "Vi vil gjøre den om til et mentorprogram med opplærte mentorer og faste "
                "samtaler."
            ),
        ),
        "moss": Answer(
            _text(
                "Moss har mange deltidsstillinger og bruker mange vikarer i hjemmetjenesten. Det "
                "siste året har sju av femten nyansatte sykepleiere sluttet eller søkt seg bort. "
                "Vi har et engasjert team med leder, tillitsvalgt og to sykepleiere som gjerne "
                "vil være mentorer. Beklager at dette kommer sent – vi ventet på tallene fra HR."
            ),
            late_by_days=2,
        ),
        "tonsberg": Answer(
            _text(
                "Tønsberg har mange sykehjem og store hjemmetjenestesoner. Flest nyansatte "
                "sykepleiere slutter i hjemmetjenesten. Vi har en kommunikasjonsrådgiver med i "
                "teamet, og vil bruke det når programmet skal spres til flere enheter."
            ),
        ),
        # Written, but not sent: the task is late.
        "nore-og-uvdal": Answer(
            _text(
                "Nore og Uvdal er en liten fjellkommune med lange avstander. Da vi lyste ut tre "
                "sykepleierstillinger i fjor, fikk vi én søker.\n\n"
                "(Skriver mer etter møtet med kommunalsjefen.)"
            ),
            state=DRAFT,
        ),
    },
    "prosjektplan": {
        "sarpsborg": Answer(
            _text(
                "**Bakgrunn:** Omtrent halvparten av de nyansatte sykepleierne og vernepleierne "
                "sluttet i løpet av det første året.\n\n"
                "**Effektmål:** Kvalitet og kontinuitet i tjenestene, med nok sykepleiere som "
                "blir.\n"
                "**Resultatmål:** Alle nyansatte sykepleiere og vernepleiere i pilotenhetene får "
                "en mentor som følger dem i inntil to år.\n"
                "**Delmål:** Minst seks mentorer er rekruttert og har startet opplæringen før "
                "samling 3.\n\n"
                "**Organisering:** Kommunalsjef for helse og omsorg er prosjekteier. Teamet er "
                "prosjektgruppe, og tillitsvalgt er med på alle møtene.\n\n"
                "**Aktiviteter:** velge pilotenheter (ett sykehjem og én hjemmetjenestesone), "
                "rekruttere mentorer, lage skisse til mentorprogram med oppstartssamtale, faste "
                "samtaler hver tredje uke og evaluering etter seks måneder.\n\n"
                "**Målinger:** andelen nyansatte som slutter innen ett år, og antall søkere per "
                "utlyste stilling. Baseline er tallene fra i fjor."
            ),
            state=READ,
            days_ago=5,
        ),
        "indre-ostfold": Answer(
            _text(
                "Vi lager én felles plan for hele kommunen, med pilot på ett sykehjem i hvert av "
                "de tre områdene. Mål: ingen nyansatte sykepleiere i pilotenhetene slutter det "
                "første året uten at vi har hatt en sluttsamtale og forstått hvorfor. Mentorene "
                "rekrutteres blant erfarne sykepleiere som melder interesse, og vi søker "
                "kompetansemidler fra Statsforvalteren til opplæringen."
            ),
            days_ago=4,
        ),
        "tonsberg": Answer(
            _text(
                "Pilot på to avdelinger på ett sykehjem og i én hjemmetjenestesone. Mål for det "
                "første året: alle nyansatte i pilotene har mentor fra første arbeidsdag. Vi "
                "lager en kommunikasjonsplan samtidig, slik at resten av kommunen vet hva som "
                "skjer og hvorfor. Målinger: turnover, og en kort spørreundersøkelse til "
                "nyansatte etter tre og tolv måneder."
            ),
            days_ago=2,
        ),
        "modum": Answer(
            _text(
                "Utkast: Vi bygger videre på fadderordningen, men med opplærte mentorer og en fast "
                "struktur for samtalene. Pilot i hjemmetjenesten først, fordi det er der flest "
                "slutter. Mål og målinger diskuteres på teammøtet neste uke."
            ),
            state=DRAFT,
        ),
    },
    "slagord": {
        "sarpsborg": Answer(
            _text(
                "**Trygg fra første vakt**\n\n"
                "Vi spurte nyansatte hva de savnet mest det første året, og nesten alle svarte "
                "«trygghet». Slagordet ble valgt etter en avstemning på personalmøtet."
            ),
            days_ago=6,
        ),
        "moss": Answer(
            _text(
                "**Ingen står alene**\n\n"
                "Forslaget kom fra en nyutdannet sykepleier i hjemmetjenesten, som fortalte om "
                "sin første kveldsvakt alene."
            ),
            days_ago=3,
        ),
        "roros": Answer(
            _text(
                "**Her vil du bli**\n\n"
                "Kort og litt frekt. Vi vil at nyansatte skal velge å bli hos oss, ikke bare "
                "prøve det en vinter."
            ),
            days_ago=1,
        ),
        "flesberg": Answer(
            _text(
                "Forslag så langt: «Vi tar imot deg» eller «Sammen fra start». Vi bestemmer oss "
                "på teammøtet neste uke."
            ),
            state=DRAFT,
        ),
    },
    "status-2": {
        # Sarpsborg's report is being written: the coordinator and HR have started.
        "sarpsborg": Answer(
            {
                "done": (
                    "- Oppstartsmøte med kommunalsjefen og virksomhetslederne på de to "
                    "pilotenhetene.\n"
                    "- Informert tillitsvalgte og personalet på pilotenhetene.\n"
                    "- Sendt lokal prosjektplan.\n"
                    "- Valgt slagord: «Trygg fra første vakt»."
                ),
                "worked": (
                    "Det hjelper mye at virksomhetslederen sitter i teamet: beslutningene tas i "
                    "møtet og ikke etterpå. Personalet på sykehjemmet var positive, og fire "
                    "sykepleiere har sagt at de kan tenke seg å bli mentor."
                ),
            },
            state=DRAFT,
            also_by=(
                (
                    HR_EMAIL,
                    {
                        "measurements": (
                            "Tall fra HR-systemet: i fjor sluttet 9 av 18 nyansatte sykepleiere "
                            "og vernepleiere innen ett år (baseline). Siden mentorordningen kom i "
                            "gang på sykehjemmet, har 2 av 22 sluttet de siste tolv månedene. "
                            "Søkere per utlyste stilling har økt fra 1,5 til 3,5."
                        )
                    },
                ),
            ),
        ),
        "halden": Answer(
            {
                "done": (
                    "- Oppstartsmøte med enhetslederne.\n"
                    "- Skrevet utkast til lokal prosjektplan.\n"
                    "- Bedt høgskolen om et møte om opplæring for mentorer."
                ),
                "worked": (
                    "Enhetslederne er positive og har satt av tid i turnus til teammøter "
                    "annenhver uke."
                ),
                "challenges": (
                    "Det er vanskelig å finne tid til teamarbeidet i en travel hverdag, og "
                    "tillitsvalgt har ikke fått fri til alle møtene. Vi har flyttet møtene til "
                    "tidspunkter som passer bedre med turnus."
                ),
                "measurements": (
                    "Vi har ikke begynt å måle ennå. Vi vil telle hvor mange nyansatte "
                    "sykepleiere som slutter innen ett år, og starter med tallene for i fjor."
                ),
                "help": (
                    "Hvordan har andre kommuner frigjort tid til mentorene? Og hvordan vet vi at "
                    "det er mentorprogrammet som virker, og ikke noe annet?"
                ),
            },
            days_ago=2,
        ),
        "lillestrom": Answer(
            {
                "done": (
                    "- Valgt to pilotenheter: ett sykehjem og én hjemmetjenestesone.\n"
                    "- Rekruttert fem mentorer.\n"
                    "- Laget en enkel mentoravtale som mentor og mentee skriver under på."
                ),
                "worked": (
                    "Mange ville bli mentor – det var flere interesserte enn vi har plass til i "
                    "piloten."
                ),
                "challenges": (
                    "Flere av de nyansatte har utdanningen sin fra utlandet og trenger også "
                    "språkstøtte. Vi vurderer om det skal være mentorens ansvar eller et eget "
                    "tilbud."
                ),
                "measurements": (
                    "Baseline: 11 av 26 nyansatte sykepleiere sluttet innen ett år (de siste tolv "
                    "månedene). Vi teller på nytt hver tredje måned."
                ),
                "help": (
                    "Vi vil gjerne drøfte grensen mellom mentorrollen og avdelingens ansvar for "
                    "opplæring."
                ),
            },
            days_ago=1,
        ),
    },
}

# Sarpsborg's project plan is shared with the network; another team comments.
SHARED = ("prosjektplan", "sarpsborg")
NETWORK_COMMENT = (
    "tonsberg",
    "Så fin og konkret plan! Vi låner gjerne ideen om faste samtaler hver tredje uke. "
    "Hvordan har dere tenkt å frigjøre tid til mentorene i turnus?",
)

PROGRESS = {
    "sarpsborg": (
        2,
        "Teamet er bredt sammensatt og godt forankret hos ledelsen, og dere har allerede "
        "baseline-tall. Neste steg er å rekruttere mentorer og lage en skisse til "
        "mentorprogram før samling 3.",
    ),
    "halden": (
        1,
        "Teamet er på plass og enhetslederne er med. Prosjektplanen og målingene gjenstår.",
    ),
    "indre-ostfold": (
        2,
        "God plan for tre pilotenheter. Husk å få med tillitsvalgt i prosjektgruppen.",
    ),
}


def _sent_at(task: HomeTask, answer: Answer, now):
    if answer.days_ago is not None:
        return now - timedelta(days=answer.days_ago, hours=3)
    if answer.late_by_days:
        # The deadline is at 23:59:59; this is the afternoon some days later.
        return task.deadline + timedelta(days=answer.late_by_days, hours=-8)
    return task.deadline - timedelta(days=2, hours=8)


def _do_answer(team, task, answer: Answer, author, reviewer, now):
    save_draft(
        team=team,
        task=task,
        user=author,
        sections=answer.sections,
        bases=dict.fromkeys(answer.sections, ""),
    )
    for email, sections in answer.also_by:
        save_draft(
            team=team,
            task=task,
            user=User.objects.get(email=email),
            sections=sections,
            bases=dict.fromkeys(sections, ""),
        )
    if answer.state == DRAFT:
        return
    submit(team=team, task=task, user=author, now=_sent_at(task, answer, now))
    submission = Submission.objects.get(team=team, task=task)
    if answer.state == RETURNED:
        return_for_changes(submission=submission, user=reviewer, comment=answer.comment)
        return
    if answer.state == READ:
        mark_read(submission=submission, user=reviewer)
    if answer.comment:
        add_comment(submission=submission, user=reviewer, body=answer.comment)


def build_teams_work(teams, coordinators, tasks, gatherings, organiser):
    now = timezone.now()
    for key, answers in ANSWERS.items():
        task = tasks[key]
        for slug, answer in answers.items():
            team = teams[slug]
            if Submission.objects.filter(team=team, task=task).exists():
                continue
            reviewer = team.advisor or organiser
            _do_answer(team, task, answer, coordinators[slug], reviewer, now)
            if (key, slug) == SHARED:
                submission = set_shared(
                    submission=Submission.objects.get(team=team, task=task), shared=True
                )
                commenter, body = NETWORK_COMMENT
                add_comment(
                    submission=submission,
                    user=coordinators[commenter],
                    body=body,
                    visibility=CommentVisibility.NETWORK,
                    author_team=teams[commenter],
                )
    for slug, (score, feedback) in PROGRESS.items():
        team = teams[slug]
        if not team.progress_scores.filter(gathering=gatherings[0]).exists():
            give_progress_score(
                team=team,
                gathering=gatherings[0],
                score=score,
                feedback=feedback,
                user=team.advisor or organiser,
            )
