"""Demo courses for `load_demo`: the mandatory mentor and mentee courses of the
veterinary mentor scheme, and two optional micro-courses (biosecurity airlock, hiring
basics), written in Norwegian Bokmål.

Pure data, no Django imports. Each course is a dict with its settings, learning outcomes
(knowledge, skills, general competence) and modules; each module holds lessons; each
lesson body is a list of (block type, value) pairs matching courses.blocks.LessonBodyBlock.
Facts (weeks, amounts, rules) follow version 2.0 of the scheme rules (June 2025).
"""

MENTORKURS = {
    "title": "Mentorkurs",
    "slug": "mentorkurs",
    "audience": "mentor",
    "mandatory_for": "mentor",
    "estimated_hours": 2.5,
    "validity_months": 36,
    "sequential": True,
    "open_access": False,
    "intro": (
        "<p>Dette kurset er for deg som skal være mentor i mentorordningen for veterinærer i "
        "produksjonsdyrpraksis. Kurset er obligatorisk. Både du og menteen din må ha fullført "
        "hvert deres kurs, og begge kursbevisene skal legges ved søknaden om opptak.</p>"
        "<p>Du lærer om roller og ansvar, om hvordan dere avklarer forventninger før dere "
        "starter, og om å lære bort, gi tilbakemeldinger og snakke godt sammen. Den siste "
        "modulen bygger på opplæringen NMBU Veterinærhøgskolen gir praksisverter.</p>"
        "<p>Det er <strong>ingen eksamen</strong>. Spørsmålene underveis er der for å hjelpe "
        "deg å tenke gjennom din egen praksis.</p>"
    ),
    "outcomes_knowledge": [
        "Kjenner rollene og ansvaret til mentor, mentee og mentorgruppe i mentorordningen.",
        "Vet hva reglene sier om bakvakt, omvendt påsitterpraksis og ansettelse av "
        "studenter på midlertidig lisens.",
        "Vet hvorfor oppstartssamtalen og evalueringen til slutt er viktige.",
    ],
    "outcomes_skills": [
        "Kan lede en oppstartssamtale der mentor og mentee avklarer forventninger, mål og "
        "praktiske avtaler.",
        "Kan gi konkrete tilbakemeldinger som hjelper menteen videre.",
        "Kan lytte, stille åpne spørsmål og oppsummere i en veiledningssamtale.",
    ],
    "outcomes_competence": [
        "Lar menteens behov styre, også i en travel arbeidshverdag.",
        "Er en likeverdig samtalepartner, ikke en lærer som må ha alle svar.",
        "Vet når og hvordan mentorordningen kan hjelpe, og ber om hjelp i tide.",
    ],
    "modules": [
        {
            "title": "Roller og ansvar",
            "slug": "roller-og-ansvar",
            "intro": (
                "<p>Hva vil det si å være mentor, og hvem har ansvar for hva? Her ser vi på "
                "mentorrollen, mentorgruppen og kravene til bakvakt og omvendt "
                "påsitterpraksis.</p>"
            ),
            "outcomes_knowledge": [
                "Vet hva som skiller mentoring fra vanlig opplæring.",
                "Kjenner kravene til bakvakt og omvendt påsitterpraksis i versjon 2.0 av "
                "mentorordningen.",
            ],
            "outcomes_skills": [
                "Kan fordele oppgaver i en mentorgruppe slik at menteen alltid vet hvem som "
                "er bakvakt.",
                "Kan tilpasse oppgavene til menteens nivå.",
            ],
            "outcomes_competence": [
                "Tar ansvar for sin del av en likeverdig relasjon.",
                "Ser mentorrollen som en mulighet til å utvikle seg selv.",
            ],
            "lessons": [
                {
                    "title": "Hva er en mentor?",
                    "slug": "hva-er-en-mentor",
                    "minutes": 15,
                    "intro": "Mentoring er en likeverdig relasjon der menteens behov styrer.",
                    "body": [
                        (
                            "paragraph",
                            "<p>En mentor er en erfaren kollega som forplikter seg til å følge "
                            "opp en som er ny. I mentorordningen er det <strong>menteens behov "
                            "som styrer</strong>: Hva trenger akkurat denne studenten eller nye "
                            "veterinæren for å bli trygg i produksjonsdyrpraksis? Det er lett å "
                            "glemme i en travel hverdag, når du selv vet hvordan ting «alltid» "
                            "gjøres.</p>"
                            "<p>Mentoring er en <strong>likeverdig relasjon</strong>. Begge har "
                            "ansvar for sin del, og begge lærer noe. Mange mentorer sier at de "
                            "får oppdatert sin egen kunnskap og ser sin egen praksis med nye "
                            "øyne.</p>",
                        ),
                        (
                            "markdown",
                            "Menteen trenger som regel tre typer støtte:\n"
                            "\n"
                            "- **Praktisk støtte:** bolig, bil, utstyr og hvordan hverdagen i "
                            "distriktet fungerer.\n"
                            "- **Faglig støtte:** undersøkelser, behandlinger, vakt og "
                            "journalføring.\n"
                            "- **Personlig støtte:** noen å snakke med når jobben er krevende, "
                            "ensom eller tung.\n"
                            "\n"
                            "Behovene endrer seg over tid. Ofte blir menteen raskt selvstendig "
                            "på det praktiske, mens den personlige støtten gradvis kan gå over "
                            "i et kollegialt forhold der dere støtter hverandre, kanskje i mange "
                            "år.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Du trenger ikke ha alle svar",
                                "text": "<p>En mentor i helsetjenesten sa det slik etter "
                                "opplæringen: «Jeg forstår nå at jeg ikke skal være lærer, og "
                                "at jeg ikke må ha alle svar.» Ofte hjelper det mer å spørre "
                                "«Hva tenker du selv?» enn å gi svaret med en gang.</p>",
                            },
                        ),
                        (
                            "reflection",
                            {
                                "question": "Tenk på din egen første tid i praksis. Hva hjalp "
                                "deg mest, og hva savnet du?",
                                "help_text": "Skriv noen setninger. Bare du ser svaret. Bruk "
                                "det når du møter menteen din.",
                                "required": True,
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Hvem bestemmer hva dere skal jobbe mest med i "
                                "mentorperioden?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Mentoren, fordi mentoren har mest erfaring.",
                                        "correct": False,
                                        "feedback": "Erfaringen din er viktig, men i "
                                        "mentorordningen er det menteens behov som styrer. Du "
                                        "bruker erfaringen din ut fra det menteen trenger.",
                                    },
                                    {
                                        "text": "Menteens behov styrer, og dere blir enige om "
                                        "det sammen.",
                                        "correct": True,
                                        "feedback": "Mentoring er en likeverdig "
                                        "relasjon. Menteens behov viser retningen, og dere "
                                        "avklarer sammen hva dere skal prioritere.",
                                    },
                                    {
                                        "text": "Mentorordningen har en fast plan som gjelder "
                                        "for alle.",
                                        "correct": False,
                                        "feedback": "Ordningen setter rammer, for eksempel for "
                                        "bakvakt og omvendt påsitterpraksis, men innholdet "
                                        "tilpasses hver enkelt mentee.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Mentorgruppe, bakvakt og omvendt påsitterpraksis",
                    "slug": "mentorgruppe-bakvakt-og-omvendt-pasitterpraksis",
                    "minutes": 20,
                    "intro": "Hvem gjør hva i mentorgruppen, og hva kreves av bakvakt og "
                    "omvendt påsitterpraksis.",
                    "body": [
                        (
                            "paragraph",
                            "<p>Flere veterinærer kan gå sammen i en <strong>mentorgruppe"
                            "</strong> om oppfølgingen av én mentee. Én av dem har hovedansvaret, "
                            "er mentor og er kontaktperson for mentorordningen. De andre i "
                            "gruppen er veiledere. En gruppe gjør det lettere å dele på vakt, "
                            "bakvakt og oppfølging, men menteen må alltid vite hvem som har "
                            "ansvaret.</p>"
                            "<p>Som mentor skal du ta menteen med i praksissamarbeidet og "
                            "kommunikasjonen fra første dag. Kommunen skal informeres om "
                            "mentorforholdet.</p>",
                        ),
                        (
                            "markdown",
                            "**Dette gjelder i versjon 2.0 av mentorordningen (fra juni "
                            "2025):**\n"
                            "\n"
                            "- **Bakvakt** betyr at menteen kan ringe en annen veterinær for "
                            "råd, og at denne kan rykke ut ved behov.\n"
                            "- En **student på midlertidig lisens** skal ha bakvakt "
                            "tilgjengelig på telefon og for oppmøte *hele tiden* mens studenten "
                            "jobber eller har vakt. Studenten skal være **ansatt**, ikke drive "
                            "eget foretak.\n"
                            "- En **nyutdannet eller uerfaren autorisert veterinær** skal ha "
                            "bakvakt i **minst de første 8 ukene** etter oppstart.\n"
                            "- Begge skal ha **minst én uke omvendt påsitterpraksis** før de "
                            "begynner å jobbe.\n"
                            "\n"
                            "I **omvendt påsitterpraksis** gjør menteen mest mulig av "
                            "oppdragene, mens du ser på og støtter. Dere blir kjent, du "
                            "presenterer menteen for distriktet og kundene, og du ser hva "
                            "menteen trenger ekstra støtte til.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Bakvakt bare på telefon er ikke nok",
                                "text": "<p>Studenter har fortalt om lange vakter alene, der "
                                "bakvakten aldri var tilgjengelig annet enn på telefon. Bakvakt "
                                "i mentorordningen betyr at noen kan komme ut når det trengs. "
                                "Avtal i mentorgruppen hvem som er bakvakt når, og skriv det "
                                "ned.</p>",
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Hva gjelder for en student på midlertidig lisens "
                                "i mentorordningen? Velg to svar.",
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Studenten skal være ansatt, ikke drive eget "
                                        "foretak.",
                                        "correct": True,
                                        "feedback": "En student kan ikke stå faglig og "
                                        "økonomisk ansvarlig for en veterinærvirksomhet. "
                                        "Ansettelse gir også ordnede forhold for forsikringen.",
                                    },
                                    {
                                        "text": "Studenten skal ha minst én uke omvendt "
                                        "påsitterpraksis før arbeidsperioden.",
                                        "correct": True,
                                        "feedback": "Da blir dere kjent, og studenten "
                                        "får prøve seg i trygge rammer før hun eller han "
                                        "jobber alene.",
                                    },
                                    {
                                        "text": "Bakvakt på telefon er nok, så lenge noen svarer.",
                                        "correct": False,
                                        "feedback": "Bakvakten skal være tilgjengelig både "
                                        "på telefon og for oppmøte ved behov, hele tiden mens "
                                        "studenten jobber eller har vakt.",
                                    },
                                    {
                                        "text": "Bakvakt trengs bare de første 8 ukene.",
                                        "correct": False,
                                        "feedback": "Kravet om minst 8 uker gjelder "
                                        "nyutdannede og uerfarne autoriserte veterinærer. En "
                                        "student på midlertidig lisens skal alltid ha bakvakt "
                                        "når studenten jobber.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Forventninger og oppstart",
            "slug": "forventninger-og-oppstart",
            "intro": (
                "<p>De fleste mentorforholdene i piloten gikk svært bra. Der det skar seg, "
                "handlet det ofte om uklare forventninger og kommunikasjon. Denne modulen "
                "handler om hvordan dere kommer godt i gang, og hva dere gjør hvis noe "
                "skurrer.</p>"
            ),
            "outcomes_knowledge": [
                "Vet hva oppstartssamtalen skal avklare.",
                "Kjenner hjelpen mentorordningen tilbyr underveis, blant annet en time med "
                "psykolog.",
            ],
            "outcomes_skills": [
                "Kan gå gjennom forventninger, mål og praktiske avtaler sammen med menteen.",
                "Kan ta opp et problem tidlig, før det blir en konflikt.",
            ],
            "outcomes_competence": [
                "Ser at avklarte forventninger er et felles ansvar for mentor og mentee.",
                "Ber om hjelp når relasjonen blir vanskelig.",
            ],
            "lessons": [
                {
                    "title": "Oppstartssamtalen",
                    "slug": "oppstartssamtalen",
                    "minutes": 20,
                    "intro": "Før mentorperioden starter, avklarer dere forventninger, roller "
                    "og ansvar.",
                    "body": [
                        (
                            "paragraph",
                            "<p>Før mentorperioden starter, skal mentor og mentee ha en samtale "
                            "der dere avklarer hva dere forventer av hverandre og av perioden. "
                            "Mentorordningen har en <strong>oppstartssamtale</strong> med dere, "
                            "ofte digitalt og gjerne sammen med resten av mentorgruppen. Der går "
                            "dere gjennom roller, ansvar og de viktigste punktene i "
                            "ordningen.</p>"
                            "<p>Bruk samtalen til å bli kjent. Det som er selvsagt for deg, er "
                            "ikke nødvendigvis selvsagt for en som er ny.</p>",
                        ),
                        (
                            "markdown",
                            "**Dette bør dere snakke om:**\n"
                            "\n"
                            "1. Hva vil menteen lære og få til? Skriv ned to eller tre mål.\n"
                            "2. Hvordan og hvor ofte snakker dere sammen? Fast tid hver uke, "
                            "eller i bilen mellom oppdragene?\n"
                            "3. Hvem er bakvakt når, og hvordan når menteen bakvakten?\n"
                            "4. Hvilke oppgaver skal menteen gjøre selv, og fra når?\n"
                            "5. Praktiske ting: bolig, bil, utstyr, arbeidstid og vakt.\n"
                            "6. Hvordan gir dere hverandre tilbakemeldinger, og hva gjør dere "
                            "hvis noe skurrer?",
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": "Det piloten lærte oss",
                                "text": "<p>Av 42 mentorforhold i piloten ble ett avsluttet før "
                                "tiden. Årsakene var sammensatte, men mangelfull "
                                "forventningsavklaring og kommunikasjon var en del av det. "
                                "Derfor følger mentorordningen nå forholdene tettere opp, "
                                "krever minst én uke omvendt påsitterpraksis før et arbeidsforhold "
                                "starter, og legger stor vekt på oppstartssamtalen.</p>",
                            },
                        ),
                        (
                            "reflection",
                            {
                                "question": "Hva forventer du av menteen din, og hva tror du "
                                "menteen forventer av deg?",
                                "help_text": "Skriv to eller tre forventninger hver vei. Ta dem "
                                "med til oppstartssamtalen.",
                                "required": True,
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Ett mentorforhold i piloten ble avsluttet før "
                                "tiden. Hva var en del av grunnen?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Mangelfull forventningsavklaring og "
                                        "kommunikasjon.",
                                        "correct": True,
                                        "feedback": "Årsakene var sammensatte, men "
                                        "uklare forventninger og problemer med kommunikasjonen "
                                        "bidro til at det oppsto konflikter.",
                                    },
                                    {
                                        "text": "For lite penger til mentoren.",
                                        "correct": False,
                                        "feedback": "Noen mentorer mener at støtten er lav, men "
                                        "det var ikke dette som ble trukket fram som årsak "
                                        "her.",
                                    },
                                    {
                                        "text": "Menteen manglet inseminasjonskurs.",
                                        "correct": False,
                                        "feedback": "Kurs kan være viktig for jobben, men "
                                        "lærdommen fra piloten handlet om forventninger og "
                                        "kommunikasjon.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Når noe skurrer underveis",
                    "slug": "nar-noe-skurrer-underveis",
                    "minutes": 15,
                    "intro": "Ta opp problemer tidlig, og bruk hjelpen mentorordningen tilbyr.",
                    "body": [
                        (
                            "paragraph",
                            "<p>Selv med en god start kan det oppstå misforståelser. Kanskje "
                            "menteen ikke ringer bakvakten når det hadde vært lurt, eller dere "
                            "har ulike bilder av hva som er «nok» oppfølging. Jo tidligere dere "
                            "snakker om det, jo lettere er det å løse.</p>",
                        ),
                        (
                            "markdown",
                            "**Slik kan du ta opp noe som skurrer:**\n"
                            "\n"
                            "- Beskriv hva du har sett, ikke hva du tror om menteen.\n"
                            "- Spør hvordan menteen opplever det.\n"
                            "- Bli enige om én ting dere skal prøve.\n"
                            "- Avtal når dere snakker om det igjen.\n"
                            "\n"
                            "**Hjelp fra mentorordningen:** Både mentor og mentee kan når som "
                            "helst be om oppfølging. Dere kan også få tilbud om én time med "
                            "psykolog, enten fordi dere har møtt utfordringer, eller fordi dere "
                            "vil ha hjelp til å tenke gjennom rollen og situasjonen deres.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Gjør det lett å ta kontakt",
                                "text": "<p>Mentees sier at det er godt å vite at mentoren har "
                                "forpliktet seg til å følge dem opp. Det gjør det lettere å "
                                "ringe. Si det gjerne høyt: «Du forstyrrer ikke når du ringer "
                                "meg.»</p>",
                            },
                        ),
                        (
                            "reflection",
                            {
                                "question": "Hva gjør du hvis du merker at menteen sjelden tar "
                                "kontakt?",
                                "help_text": "Tenk på hva som kan ligge bak, og hva du selv kan "
                                "gjøre annerledes.",
                                "required": False,
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Kommunikasjon og tilbakemeldinger",
            "slug": "kommunikasjon-og-tilbakemeldinger",
            "intro": (
                "<p>Denne modulen bygger på opplæringen NMBU Veterinærhøgskolen gir "
                "praksisverter. Den handler om hvordan du lærer bort, gir tilbakemeldinger og "
                "snakker godt med både menteen og dyreeieren. Til slutt ser vi på hva som "
                "skjer når mentorperioden er over.</p>"
            ),
            "outcomes_knowledge": [
                "Kjenner noen enkle prinsipper for å lære bort i praksis.",
                "Vet hva som kjennetegner en nyttig tilbakemelding.",
                "Vet hva som skjer når mentorperioden er over: evalueringsskjema, rapport og "
                "utbetaling.",
            ],
            "outcomes_skills": [
                "Kan gi tilbakemeldinger som er konkrete, kommer raskt og er til å handle på.",
                "Kan lytte, stille åpne spørsmål og tåle stillhet i en samtale.",
                "Kan hjelpe menteen å forklare funn og behandling for dyreeieren.",
            ],
            "outcomes_competence": [
                "Finner balansen mellom å støtte og å utfordre.",
                "Bruker tilbakemeldinger fra menteen til å bli en bedre mentor.",
            ],
            "lessons": [
                {
                    "title": "Lære bort og gi tilbakemelding",
                    "slug": "laere-bort-og-gi-tilbakemelding",
                    "minutes": 25,
                    "intro": "Enkle grep for å lære bort i bilen og i fjøset, og for å gi "
                    "tilbakemeldinger som hjelper.",
                    "body": [
                        (
                            "paragraph",
                            "<p>Du lærer bort hver dag, ofte uten å tenke over det. Noen enkle "
                            "prinsipper gjør det lettere:</p>"
                            "<ul>"
                            "<li><strong>Start der menteen er.</strong> Spør hva menteen har "
                            "gjort før, og hva som føles usikkert.</li>"
                            "<li><strong>Vis, la menteen prøve, og snakk om det etterpå."
                            "</strong> La menteen gjøre mer og mer selv, med deg i nærheten."
                            "</li>"
                            "<li><strong>Tenk høyt.</strong> Fortell hvorfor du gjør som du "
                            "gjør. Da blir erfaringen din synlig.</li>"
                            "<li><strong>Gi tid.</strong> Velg oppdrag der det er rom for å "
                            "prøve, ikke bare de travleste.</li>"
                            "</ul>",
                        ),
                        (
                            "markdown",
                            "**En god tilbakemelding er**\n"
                            "\n"
                            "- **konkret:** «Du forklarte bonden godt hvorfor kua trengte "
                            "behandling» sier mer enn «bra jobba».\n"
                            "- **rask:** gi den samme dag, gjerne i bilen etter oppdraget.\n"
                            "- **til å handle på:** si hva menteen kan gjøre annerledes neste "
                            "gang.\n"
                            "\n"
                            "Begynn gjerne med et spørsmål: *«Hvordan synes du selv det "
                            "gikk?»* Da får du vite hva menteen allerede har lagt merke til, og "
                            "tilbakemeldingen blir en samtale, ikke en dom.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Støtte og utfordre",
                                "text": "<p>God veiledning handler om balansen mellom å støtte "
                                "og å utfordre. For mye støtte kan gjøre menteen avhengig av "
                                "deg. For mye utfordring kan gjøre menteen utrygg. Spør deg "
                                "selv: Hva trenger menteen akkurat nå?</p>",
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Menteen har nettopp behandlet en ku med "
                                "melkefeber mens du så på. Hvilken tilbakemelding hjelper "
                                "mest?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "«Bra jobba!»",
                                        "correct": False,
                                        "feedback": "Hyggelig å høre, men for lite konkret. "
                                        "Menteen vet ikke hva som var bra, eller hva som kan "
                                        "bli bedre.",
                                    },
                                    {
                                        "text": "«Hvordan synes du selv det gikk? Jeg la merke "
                                        "til at du lyttet på hjertet mens kalsiumet gikk inn. "
                                        "Det var klokt. Neste gang kan du også fortelle bonden "
                                        "hva som er viktig å følge med på etterpå.»",
                                        "correct": True,
                                        "feedback": "Du starter med menteens egen "
                                        "vurdering, sier konkret hva som var bra, og gir ett "
                                        "tydelig råd til neste gang.",
                                    },
                                    {
                                        "text": "«Jeg ville gjort det helt annerledes.»",
                                        "correct": False,
                                        "feedback": "Det sier lite om hva menteen kan gjøre "
                                        "neste gang, og kan oppleves som en dom. Vær konkret og "
                                        "forklar hvorfor.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Samtaler som virker – og evaluering til slutt",
                    "slug": "samtaler-som-virker-og-evaluering-til-slutt",
                    "minutes": 45,
                    "intro": "Øv på å lytte og stille åpne spørsmål, og se hva som skjer når "
                    "mentorperioden er over.",
                    "body": [
                        (
                            "paragraph",
                            "<p>Noen grunnleggende ferdigheter i kommunikasjon er like viktige "
                            "i samtaler med menteen som i samtaler med dyreeiere:</p>"
                            "<ul>"
                            "<li><strong>Lytt</strong> mer enn du snakker, og la den andre "
                            "snakke ferdig.</li>"
                            "<li><strong>Still åpne spørsmål</strong> som begynner med «hva», "
                            "«hvordan» eller «fortell».</li>"
                            "<li><strong>Tål stillhet.</strong> Ofte kommer det viktigste "
                            "etter en pause.</li>"
                            "<li><strong>Oppsummer</strong> det du har hørt, og sjekk at du har "
                            "forstått.</li>"
                            "</ul>"
                            "<p>I <strong>klinisk kommunikasjon</strong> betyr det at menteen "
                            "lærer å spørre bonden om sykehistorien, forklare funn og "
                            "behandling med vanlige ord, og bli enig med bonden om hva som skal "
                            "skje videre. La menteen øve på dette mens du er med.</p>",
                        ),
                        (
                            "exercise",
                            {
                                "title": "Veiledningssamtale i tre roller",
                                "instructions": "<p>Gå sammen tre og tre, for eksempel i "
                                "mentorgruppen eller på et webinar. Hver runde tar om lag 12 "
                                "minutter.</p>"
                                "<ol>"
                                "<li><strong>Veisøkeren</strong> forteller kort om en ekte "
                                "situasjon fra egen praksis, for eksempel en ny kollega som "
                                "nøler med å ringe bakvakten.</li>"
                                "<li><strong>Veilederen</strong> leder samtalen i 8 minutter: "
                                "lytter, stiller åpne spørsmål, tåler stillhet og oppsummerer. "
                                "Ikke gi råd de første minuttene.</li>"
                                "<li><strong>Observatøren</strong> sier ingenting underveis, "
                                "men noterer hva veilederen gjør som hjelper samtalen "
                                "videre.</li>"
                                "<li>Til slutt gir observatøren og veisøkeren veilederen en "
                                "kort tilbakemelding: Hva virket? Hva kunne vært gjort "
                                "annerledes?</li>"
                                "</ol>"
                                "<p>Bytt roller og gjenta til alle har prøvd alle tre "
                                "rollene.</p>",
                                "roles": "Veileder, veisøker og observatør – bytt roller etter "
                                "hver runde, slik at alle prøver alle tre.",
                                "minutes": 40,
                            },
                        ),
                        (
                            "markdown",
                            "**Når mentorperioden er over**\n"
                            "\n"
                            "- Både mentor og mentee fyller ut et **evalueringsskjema**. Der "
                            "spør vi blant annet: *«Hvor fornøyd var du med "
                            "mentorordningen?»*\n"
                            "- Du som mentor sender også en **rapport**. Utbetalingen skjer "
                            "etter rapporten og dokumenterte utgifter.\n"
                            "- Ved behov stiller dere opp på et evalueringsmøte med "
                            "mentorordningen.\n"
                            "\n"
                            "Sett også av tid til en avslutningssamtale med menteen: Hva har "
                            "gått bra? Hva har menteen lært? Hva ville dere gjort annerledes?",
                        ),
                        (
                            "reflection",
                            {
                                "question": "Hva vil du gjøre annerledes som mentor etter dette "
                                "kurset?",
                                "help_text": "Tenk på én konkret ting du vil prøve i neste "
                                "samtale med menteen din.",
                                "required": True,
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Hva må være på plass før mentorstøtten blir utbetalt?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Rapport fra mentoren ved slutten av perioden, "
                                        "og dokumenterte utgifter.",
                                        "correct": True,
                                        "feedback": "Utbetalingen følger rapporten og "
                                        "dokumenterte utgifter. I tillegg fyller både mentor og "
                                        "mentee ut et evalueringsskjema.",
                                    },
                                    {
                                        "text": "Ingenting. Støtten betales ut når søknaden er "
                                        "innvilget.",
                                        "correct": False,
                                        "feedback": "Den innvilgede søknaden fungerer som "
                                        "kontrakt, men utbetalingen skjer først når perioden er "
                                        "over og rapporten er sendt.",
                                    },
                                    {
                                        "text": "Menteen må bestå en eksamen.",
                                        "correct": False,
                                        "feedback": "Det er ingen eksamen i "
                                        "mentorordningen. Evalueringen handler om hvordan "
                                        "ordningen og mentorforholdet har fungert.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}


MENTEEKURS = {
    "title": "Menteekurs",
    "slug": "menteekurs",
    "audience": "mentee",
    "mandatory_for": "mentee",
    "estimated_hours": 1,
    "validity_months": 36,
    "sequential": True,
    "open_access": False,
    "intro": (
        "<p>Dette kurset er for deg som skal være mentee i mentorordningen: veterinærstudent, "
        "student på midlertidig lisens, nyutdannet veterinær eller veterinær som vil tilbake "
        "til produksjonsdyrpraksis. Kurset er obligatorisk. Kursbeviset ditt skal legges ved "
        "søknaden om opptak, sammen med kursbeviset til mentoren din.</p>"
        "<p>Du får vite hva du kan forvente, hvordan du setter deg mål, når du bør be om "
        "hjelp, og hvordan du gir mentoren tilbakemeldinger. Det er <strong>ingen "
        "eksamen</strong>.</p>"
    ),
    "outcomes_knowledge": [
        "Vet hva mentoring er, og hva en mentee kan forvente av mentoren og mentorordningen.",
        "Kjenner reglene for bakvakt og omvendt påsitterpraksis.",
        "Vet hva som skjer når mentorperioden er over.",
    ],
    "outcomes_skills": [
        "Kan sette seg to eller tre konkrete mål for mentorperioden.",
        "Kan be om hjelp i tide og bruke bakvakten.",
        "Kan gi mentoren nyttige tilbakemeldinger.",
    ],
    "outcomes_competence": [
        "Tar ansvar for sin del av en likeverdig relasjon.",
        "Bruker mentoren til å bli trygg og selvstendig i produksjonsdyrpraksis.",
    ],
    "modules": [
        {
            "title": "Hva mentoring er",
            "slug": "hva-mentoring-er",
            "intro": (
                "<p>Her får du vite hva en mentor er, hva du kan forvente, og hvorfor det er "
                "dine behov som skal styre.</p>"
            ),
            "outcomes_knowledge": [
                "Vet hva mentoring er, og hvordan et mentorforhold starter.",
                "Kjenner de fire typene mentorforhold i ordningen.",
            ],
            "outcomes_skills": [
                "Kan beskrive sitt eget behov for hjelp.",
                "Kan skrive konkrete mål.",
            ],
            "outcomes_competence": [
                "Ser seg selv som en likeverdig part med ansvar for egen utvikling.",
                "Tør å si fra om egne behov.",
            ],
            "lessons": [
                {
                    "title": "Hva du kan forvente",
                    "slug": "hva-du-kan-forvente",
                    "minutes": 15,
                    "intro": "En mentor er en erfaren kollega som har forpliktet seg til å "
                    "følge deg opp.",
                    "body": [
                        (
                            "paragraph",
                            "<p>En mentor er en erfaren veterinær som har forpliktet seg til å "
                            "følge deg opp, og som får godtgjørelse for det. Du forstyrrer altså "
                            "ikke når du tar kontakt. Mentoren kan være del av en "
                            "<strong>mentorgruppe</strong> der flere veterinærer deler på "
                            "oppfølgingen. Én av dem er mentoren din og kontaktperson for "
                            "mentorordningen.</p>"
                            "<p>Mentoring er en <strong>likeverdig relasjon</strong>. Mentoren "
                            "bidrar med erfaring, men du har ansvar for å si hva du trenger. "
                            "Begge lærer noe.</p>",
                        ),
                        (
                            "markdown",
                            "**Slik starter et mentorforhold:**\n"
                            "\n"
                            "1. Du og mentoren registrerer dere og tar hvert deres kurs.\n"
                            "2. Dere søker om opptak, med begge kursbevisene vedlagt. Når "
                            "søknaden er innvilget, fungerer den som kontrakt.\n"
                            "3. Dere har en **oppstartssamtale** med mentorordningen, der dere "
                            "avklarer forventninger, roller og ansvar.\n"
                            "4. Mentorperioden starter. Skal du jobbe, begynner du med minst én "
                            "uke **omvendt påsitterpraksis**.\n"
                            "5. Til slutt fyller dere begge ut et evalueringsskjema.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": "Fire typer mentorforhold",
                                "text": "<ul>"
                                "<li><strong>Påsitterpraksis:</strong> Du er student og blir "
                                "med veterinæren i bilen på oppdrag.</li>"
                                "<li><strong>Midlertidig lisens:</strong> Du er student og "
                                "jobber som ansatt, med bakvakt.</li>"
                                "<li><strong>Nyutdannet eller uerfaren veterinær:</strong> Du "
                                "er autorisert og har bakvakt de første ukene.</li>"
                                "<li><strong>MentorVet:</strong> Du har faste samtaler med en "
                                "mentor om mål du setter deg. Kan kombineres med de andre."
                                "</li>"
                                "</ul>",
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Hvorfor trenger du ikke være redd for å "
                                "«forstyrre» mentoren din?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Mentoren har forpliktet seg til å følge deg "
                                        "opp. Det er en del av avtalen.",
                                        "correct": True,
                                        "feedback": "Mentoren har sagt ja til å følge "
                                        "deg opp og får godtgjørelse for det. Mange mentees "
                                        "sier at dette gjør det lettere å ta kontakt.",
                                    },
                                    {
                                        "text": "Mentoren har ikke så mye annet å gjøre.",
                                        "correct": False,
                                        "feedback": "Mentoren har en full arbeidsdag. Men å "
                                        "følge deg opp er en del av avtalen, så du skal ikke "
                                        "la være å ringe.",
                                    },
                                    {
                                        "text": "Du bør helst klare deg selv og bare ringe når "
                                        "det er krise.",
                                        "correct": False,
                                        "feedback": "Det er bedre å spørre én gang for "
                                        "mye enn én gang for lite, særlig i starten.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Dine behov styrer – sett deg mål",
                    "slug": "dine-behov-styrer-sett-deg-mal",
                    "minutes": 15,
                    "intro": "Finn ut hva du trenger, og gjør det om til to eller tre konkrete "
                    "mål.",
                    "body": [
                        (
                            "paragraph",
                            "<p>I mentorordningen er det <strong>dine behov som "
                            "styrer</strong>. Men mentoren kan ikke gjette hva du trenger. "
                            "Derfor er det lurt å tenke gjennom det før oppstartssamtalen.</p>"
                            "<p>Mange trenger støtte på tre områder: det "
                            "<strong>praktiske</strong> (bolig, bil, utstyr), det "
                            "<strong>faglige</strong> (undersøkelser, behandlinger, vakt) og "
                            "det <strong>personlige</strong> (å ha noen å snakke med når jobben "
                            "er krevende).</p>",
                        ),
                        (
                            "markdown",
                            "**Gode mål er konkrete.** Sammenlign:\n"
                            "\n"
                            "- *Uklart:* «Bli flinkere med storfe.»\n"
                            "- *Konkret:* «Gjøre fem drektighetsundersøkelser selv, med "
                            "mentoren til stede, i løpet av de to første ukene.»\n"
                            "\n"
                            "Flere eksempler:\n"
                            "\n"
                            "- «Kunne ta en kalving alene og vite når jeg skal ringe "
                            "bakvakten.»\n"
                            "- «Bli trygg på å forklare bonden funn og behandling.»\n"
                            "- «Vite hvordan jeg fører journal og fakturerer et oppdrag.»",
                        ),
                        (
                            "reflection",
                            {
                                "question": "Hva er de to eller tre viktigste tingene du vil få "
                                "til i mentorperioden?",
                                "help_text": "Skriv dem så konkret du kan. Ta dem med til "
                                "oppstartssamtalen.",
                                "required": True,
                            },
                        ),
                        (
                            "mentor_prompt",
                            {
                                "text": "Ta med målene dine til oppstartssamtalen, og spør "
                                "mentoren: Hva skal til for at vi når dem, og hvordan ser vi "
                                "at vi er på vei?",
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Underveis og til slutt",
            "slug": "underveis-og-til-slutt",
            "intro": (
                "<p>Hvordan du ber om hjelp, bruker bakvakten og gir mentoren tilbakemeldinger, "
                "og hva som skjer når mentorperioden er over.</p>"
            ),
            "outcomes_knowledge": [
                "Vet hva bakvakt er, og hvilke krav som gjelder.",
                "Vet hvordan evalueringen foregår.",
            ],
            "outcomes_skills": [
                "Kan ringe bakvakten i tide og forklare situasjonen kort og tydelig.",
                "Kan gi mentoren konkrete tilbakemeldinger.",
            ],
            "outcomes_competence": [
                "Ser det å be om hjelp som en del av god praksis, ikke som et nederlag.",
                "Bidrar til å gjøre mentorordningen bedre.",
            ],
            "lessons": [
                {
                    "title": "Be om hjelp og bruk bakvakten",
                    "slug": "be-om-hjelp-og-bruk-bakvakten",
                    "minutes": 20,
                    "intro": "Bakvakten er der for at du skal ringe, og å ringe er god praksis.",
                    "body": [
                        (
                            "paragraph",
                            "<p><strong>Bakvakt</strong> betyr at du kan ringe en annen "
                            "veterinær for råd, og at denne kan rykke ut til deg ved behov. Å "
                            "ringe bakvakten er ikke et nederlag. Slik jobber erfarne "
                            "veterinærer også når de er usikre.</p>",
                        ),
                        (
                            "markdown",
                            "**Dette gjelder i versjon 2.0 av mentorordningen (fra juni "
                            "2025):**\n"
                            "\n"
                            "- Er du **student på midlertidig lisens**, skal du være ansatt, og "
                            "du skal ha bakvakt tilgjengelig på telefon og for oppmøte *hele "
                            "tiden* mens du jobber eller har vakt.\n"
                            "- Er du **nyutdannet eller uerfaren autorisert veterinær**, skal "
                            "du ha bakvakt i **minst de første 8 ukene**.\n"
                            "- I begge tilfeller starter du med **minst én uke omvendt "
                            "påsitterpraksis**: Du gjør mest mulig av jobben, mens mentoren ser "
                            "på og støtter. For denne perioden kan du søke om praksisstipend på "
                            "5 000 kroner per uke.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Slik ringer du bakvakten",
                                "text": "<ul>"
                                "<li>Si kort hvor du er, og hvilket dyr det gjelder.</li>"
                                "<li>Fortell hva du har funnet, og hva du tenker.</li>"
                                "<li>Si hva du trenger: et råd, en bekreftelse eller at "
                                "bakvakten kommer.</li>"
                                "</ul>"
                                "<p>Trenger du noen å snakke med om andre ting enn fag, kan "
                                "både du og mentoren be mentorordningen om oppfølging. Dere kan "
                                "også få tilbud om én time med psykolog.</p>",
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Du er nyutdannet veterinær og i din femte uke i "
                                "jobben. Du er usikker på om en ku trenger keisersnitt. Hva "
                                "gjør du?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Ringer bakvakten og forteller hva du har funnet.",
                                        "correct": True,
                                        "feedback": "Du har bakvakt i minst de første "
                                        "8 ukene, og det er nettopp i slike situasjoner den "
                                        "skal brukes.",
                                    },
                                    {
                                        "text": "Venter til kvelden og spør mentoren da.",
                                        "correct": False,
                                        "feedback": "Kua og kalven kan ikke vente, og du skal "
                                        "ikke stå alene med en vanskelig vurdering. Ring "
                                        "bakvakten nå.",
                                    },
                                    {
                                        "text": "Prøver selv, fordi du ikke vil virke usikker.",
                                        "correct": False,
                                        "feedback": "Det er klokt å be om hjelp når du er "
                                        "usikker. Bakvakten er der for å brukes, og kan også "
                                        "rykke ut.",
                                    },
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "question": "Hva kan gjøre det vanskelig for deg å be om hjelp?",
                                "help_text": "Tenk også på hva som kan hjelpe deg å ringe "
                                "likevel. Del svaret med mentoren hvis du vil.",
                                "required": False,
                            },
                        ),
                    ],
                },
                {
                    "title": "Tilbakemeldinger og evaluering",
                    "slug": "tilbakemeldinger-og-evaluering",
                    "minutes": 15,
                    "intro": "Gi mentoren tilbakemeldinger underveis, og evaluer "
                    "mentorordningen til slutt.",
                    "body": [
                        (
                            "paragraph",
                            "<p>Mentoren din kan ikke vite hva som hjelper deg hvis du ikke "
                            "sier det. I en likeverdig relasjon går tilbakemeldinger begge "
                            "veier. Si fra om det som fungerer, så mentoren gjør mer av det. Si "
                            "også fra om det du trenger mer eller mindre av, helst tidlig.</p>",
                        ),
                        (
                            "markdown",
                            "**Tips til tilbakemeldinger til mentoren:**\n"
                            "\n"
                            "- Vær konkret: «Det hjalp at du forklarte hvorfor du valgte den "
                            "behandlingen.»\n"
                            "- Si hva du ønsker: «Jeg vil gjerne ta flere kalvinger selv mens "
                            "du er med.»\n"
                            "- Velg et godt tidspunkt, for eksempel i bilen etter et oppdrag.\n"
                            "\n"
                            "**Når mentorperioden er over**, fyller både du og mentoren ut et "
                            "evalueringsskjema. Der spør vi blant annet: *«Hvor fornøyd var du "
                            "med mentorordningen?»* Svarene brukes til å gjøre ordningen bedre "
                            "for dem som kommer etter deg.",
                        ),
                        (
                            "reflection",
                            {
                                "question": "Hva vil du at mentoren din skal fortsette med, og "
                                "hva ønsker du mer av?",
                                "help_text": "Skriv én ting av hvert. Bruk det i neste samtale "
                                "med mentoren.",
                                "required": True,
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Hvem fyller ut evalueringsskjemaet når "
                                "mentorperioden er over?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Både mentor og mentee.",
                                        "correct": True,
                                        "feedback": "Begge fyller ut et "
                                        "evalueringsskjema, og mentoren sender i tillegg en "
                                        "rapport.",
                                    },
                                    {
                                        "text": "Bare mentoren.",
                                        "correct": False,
                                        "feedback": "Mentoren sender en rapport, men du skal "
                                        "også fylle ut evalueringsskjemaet. Dine erfaringer "
                                        "gjør ordningen bedre.",
                                    },
                                    {
                                        "text": "Ingen. Evalueringen er frivillig.",
                                        "correct": False,
                                        "feedback": "Både mentor og mentee har forpliktet "
                                        "seg til å fylle ut evalueringsskjemaet når "
                                        "mentorperioden er over.",
                                    },
                                ],
                            },
                        ),
                        (
                            "mentor_prompt",
                            {
                                "text": "Avtal en avslutningssamtale med mentoren din: Hva har "
                                "du lært, hva har vært vanskelig, og hvordan vil dere holde "
                                "kontakten videre?",
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}


SMITTESLUSE = {
    "title": "Arbeid i smittesluse",
    "slug": "arbeid-i-smittesluse",
    "audience": "everyone",
    "mandatory_for": "",
    "estimated_hours": 1,
    "validity_months": None,
    "sequential": False,
    "open_access": True,
    "intro": (
        "<p>En smittesluse er et rom eller en sone ved inngangen til husdyrrommet, der du "
        "skifter fottøy og klær og vasker hendene før du går inn til dyrene. Dette korte "
        "kurset viser hvorfor slusa er viktig, og hvordan du går riktig gjennom den, både inn "
        "og ut.</p>"
        "<p>Kurset er åpent for alle og tar under en time.</p>"
    ),
    "outcomes_knowledge": [
        "Vet hvorfor smittevern på gården er viktig for dyrehelsen i Norge.",
        "Kjenner forskjellen på den urene og den rene siden av en smittesluse.",
    ],
    "outcomes_skills": [
        "Kan gå riktig gjennom en smittesluse, både inn og ut.",
        "Kan rengjøre og desinfisere støvler og utstyr mellom gårdsbesøk.",
    ],
    "outcomes_competence": [
        "Følger gårdens rutiner for smittevern, også når det haster.",
        "Sier fra på en vennlig måte når slusa mangler noe.",
    ],
    "modules": [
        {
            "title": "Smittesluse i praksis",
            "slug": "smittesluse-i-praksis",
            "intro": (
                "<p>To korte leksjoner: hvorfor smittesluse er viktig, og hvordan du bruker "
                "den.</p>"
            ),
            "outcomes_knowledge": [
                "Vet hvordan smitte kan følge med mennesker, klær og utstyr.",
                "Vet hva som hører hjemme på hver side av slusa.",
            ],
            "outcomes_skills": [
                "Kan følge stegene inn og ut av slusa.",
                "Kan holde rent og brukt utstyr adskilt i bilen.",
            ],
            "outcomes_competence": [
                "Tar ansvar for ikke å bringe smitte fra gård til gård.",
                "Er et godt eksempel for studenter og nye kolleger.",
            ],
            "lessons": [
                {
                    "title": "Hvorfor smittesluse?",
                    "slug": "hvorfor-smittesluse",
                    "minutes": 20,
                    "intro": "Veterinærer besøker mange gårder og kan lett bringe smitte fra "
                    "én besetning til en annen.",
                    "body": [
                        (
                            "paragraph",
                            "<p>Norge har god dyrehelse sammenlignet med mange andre land. "
                            "Flere alvorlige smittsomme sykdommer finnes ikke her eller er "
                            "svært sjeldne, og bruken av antibiotika til husdyr er lav. Dette er "
                            "verdifullt for dyrene, for bøndene og for norsk matproduksjon, og "
                            "det må tas vare på hver dag.</p>"
                            "<p>Smitte kan følge med <strong>mennesker, klær, støvler, utstyr og "
                            "biler</strong> fra gård til gård. En veterinær kan besøke mange "
                            "besetninger på én dag og kan derfor bringe smitte videre uten å "
                            "vite det. Smittesluse er en enkel måte å stoppe smitten ved "
                            "døra.</p>",
                        ),
                        (
                            "markdown",
                            "**En smittesluse har to sider:**\n"
                            "\n"
                            "- **Den urene siden** vender mot utsiden. Her tar du av og legger "
                            "igjen yttertøy og fottøy som du har brukt ute og på andre gårder.\n"
                            "- **Den rene siden** vender mot dyrene. Her tar du på gårdens "
                            "støvler og kjeledress, eller rene besøksklær.\n"
                            "\n"
                            "Mellom sidene er det et tydelig skille, for eksempel en benk du "
                            "setter deg på og svinger beina over. Det som har vært på den urene "
                            "siden, skal ikke over skillet.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": "Har du vært i fjøs i utlandet?",
                                "text": "<p>Har du vært i kontakt med husdyr i utlandet, "
                                "gjelder egne råd før du går inn i norske husdyrrom. Sjekk de "
                                "gjeldende rådene fra Mattilsynet og Animalia før du drar på "
                                "gårdsbesøk.</p>",
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Hvorfor er smittesluse særlig viktig for veterinærer?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Veterinærer besøker mange besetninger og kan "
                                        "bringe smitte fra gård til gård.",
                                        "correct": True,
                                        "feedback": "Du kommer tett på mange dyr på kort "
                                        "tid. Derfor er det viktig å stoppe smitten ved døra på "
                                        "hver eneste gård.",
                                    },
                                    {
                                        "text": "Veterinærer blir oftere syke enn andre.",
                                        "correct": False,
                                        "feedback": "Noen sykdommer kan smitte mellom dyr og "
                                        "mennesker, men smittesluse er først og fremst der for "
                                        "å beskytte dyrene mot smitte utenfra.",
                                    },
                                    {
                                        "text": "Det er bare viktig på gårder som har hatt "
                                        "sykdomsutbrudd.",
                                        "correct": False,
                                        "feedback": "Slusa skal brukes på alle gårder, hver "
                                        "gang. Smitte kan spre seg før noen vet at den finnes.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Slik går du gjennom slusa",
                    "slug": "slik-gar-du-gjennom-slusa",
                    "minutes": 25,
                    "intro": "Steg for steg inn og ut av smittesluse: fottøy, klær, hender og "
                    "utstyr.",
                    "body": [
                        (
                            "markdown",
                            "**På vei inn**\n"
                            "\n"
                            "1. Ta bare med det utstyret du trenger. Det skal være rent.\n"
                            "2. På den urene siden: Ta av yttertøy og fottøy, og legg det igjen "
                            "der.\n"
                            "3. Gå over skillet uten å sette uteskoene ned på den rene siden.\n"
                            "4. Vask hendene med såpe og vann, og tørk dem godt.\n"
                            "5. Ta på gårdens støvler og kjeledress, eller rene besøksklær.\n"
                            "\n"
                            "**På vei ut**\n"
                            "\n"
                            "1. På den rene siden: Ta av gårdens klær og støvler, og legg dem "
                            "der de hører hjemme.\n"
                            "2. Gå over skillet og ta på dine egne klær og sko.\n"
                            "3. Vask hendene igjen.\n"
                            "4. Rengjør og desinfiser utstyret du har hatt med inn, før det "
                            "legges i bilen.\n"
                            "\n"
                            "Slusene ser ulike ut fra gård til gård. Følg oppsettet og "
                            "rutinene på gården du besøker.",
                        ),
                        (
                            "paragraph",
                            "<p><strong>Utstyr og bil.</strong> Hold bilen ryddig, med et "
                            "tydelig skille mellom rent og brukt utstyr. Vask og desinfiser "
                            "støvler og utstyr mellom hver gård. Legg brukt engangsutstyr i en "
                            "lukket pose. Mangler slusa såpe, håndklær eller rene klær, si fra "
                            "til bonden på en vennlig måte. Det er i alles interesse.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Når det haster",
                                "text": "<p>Et akutt oppdrag, som en vanskelig kalving, kan "
                                "friste deg til å hoppe over slusa. Ikke gjør det. Det tar bare "
                                "noen minutter å gjøre det riktig, og smitte kan koste "
                                "besetningen og bonden mye mer.</p>",
                            },
                        ),
                        (
                            "reflection",
                            {
                                "question": "Tenk på et gårdsbesøk du har hatt eller skal ha. "
                                "Hva kan gjøre det vanskelig å bruke slusa riktig, og hva kan "
                                "du gjøre med det?",
                                "help_text": "Svaret er bare for deg.",
                                "required": False,
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Hvor skal uteskoene og yttertøyet ditt være mens "
                                "du er inne hos dyrene?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "På den urene siden av slusa.",
                                        "correct": True,
                                        "feedback": "Alt du har brukt ute og på andre "
                                        "gårder, blir liggende på den urene siden.",
                                    },
                                    {
                                        "text": "På den rene siden, så de er lette å finne.",
                                        "correct": False,
                                        "feedback": "Da bringer du smitte over skillet. "
                                        "Den rene siden er bare for gårdens klær og støvler og "
                                        "for rent utstyr.",
                                    },
                                    {
                                        "text": "Det spiller ingen rolle hvis du bruker "
                                        "skoovertrekk.",
                                        "correct": False,
                                        "feedback": "Skoovertrekk kan være et tillegg, men "
                                        "erstatter ikke skillet. Uteskoene skal bli på den "
                                        "urene siden.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}


ANSETTELSER = {
    "title": "ABC for ansettelser",
    "slug": "abc-for-ansettelser",
    "audience": "everyone",
    "mandatory_for": "",
    "estimated_hours": 1,
    "validity_months": None,
    "sequential": False,
    "open_access": False,
    "intro": (
        "<p>Mange produksjonsdyrveterinærer driver eget enkeltpersonforetak og har lite "
        "erfaring som arbeidsgiver. Dette korte kurset gir deg det grunnleggende: hvorfor en "
        "student på midlertidig lisens skal være ansatt, hva arbeidsavtalen bør inneholde, "
        "hvilke forsikringer som må være på plass, og hvordan du rekrutterer og tar imot en "
        "ny kollega.</p>"
        "<p>Kurset erstatter ikke juridisk rådgivning. Mentorordningen har en egen veiledning "
        "til ansettelsesprosess og arbeidsavtale.</p>"
    ),
    "outcomes_knowledge": [
        "Vet hvorfor en student på midlertidig lisens skal være ansatt og ikke drive eget foretak.",
        "Kjenner kravene til yrkesskadeforsikring og ansvarsforsikring når praksisen tar imot en "
        "student.",
        "Vet hva en skriftlig arbeidsavtale bør inneholde.",
    ],
    "outcomes_skills": [
        "Kan lage en plan for ansettelsen og de første ukene til en ny kollega.",
        "Kan skrive en ærlig beskrivelse av stillingen.",
    ],
    "outcomes_competence": [
        "Tar arbeidsgiveransvaret på alvor og vet hvor det finnes hjelp.",
        "Bidrar til at nye kolleger får en trygg start i produksjonsdyrpraksis.",
    ],
    "modules": [
        {
            "title": "Ansette en ny kollega",
            "slug": "ansette-en-ny-kollega",
            "intro": (
                "<p>To leksjoner: det formelle ved å ansette en student på midlertidig lisens, "
                "og det praktiske ved å rekruttere og ta imot en ny kollega.</p>"
            ),
            "outcomes_knowledge": [
                "Vet hvilke krav mentorordningen stiller til ansettelse, forsikring og bakvakt.",
                "Vet hva som gir en ny kollega en god start.",
            ],
            "outcomes_skills": [
                "Kan gå gjennom en arbeidsavtale punkt for punkt.",
                "Kan bruke en sjekkliste for de første ukene.",
            ],
            "outcomes_competence": [
                "Ser arbeidsgiverrollen som en del av å være en god mentor.",
                "Deler erfaringer om ansettelser med andre mentorer.",
            ],
            "lessons": [
                {
                    "title": "Når studenten skal ansettes",
                    "slug": "nar-studenten-skal-ansettes",
                    "minutes": 25,
                    "intro": "Hvorfor en student på midlertidig lisens skal være ansatt, og "
                    "hva som må være på plass.",
                    "body": [
                        (
                            "paragraph",
                            "<p>I mentorordningen er det et krav at en student på midlertidig "
                            "lisens er <strong>ansatt</strong>, og ikke jobber gjennom sitt "
                            "eget foretak. Grunnen er enkel: En student kan ikke stå faglig og "
                            "økonomisk ansvarlig for en virksomhet som leverer veterinære "
                            "tjenester, uten å være autorisert veterinær. Studenten skal alltid "
                            "ha en autorisert veterinær som <strong>bakvakt</strong>, som står "
                            "ansvarlig for kvaliteten på arbeidet. Bakvakten skal kunne nås på "
                            "telefon og kunne komme ut ved behov, hele tiden mens studenten "
                            "jobber eller har vakt.</p>"
                            "<p>Å være ansatt gir også trygghet og mindre papirarbeid, slik at "
                            "studenten kan konsentrere seg om faget. Vil ikke mentoren være "
                            "arbeidsgiver, kan kommunen ansette studenten. Det ble gjort i ett "
                            "tilfelle i piloten.</p>",
                        ),
                        (
                            "markdown",
                            "**Arbeidsavtalen** skal være skriftlig. Ta gjerne utgangspunkt i "
                            "veiledningen fra mentorordningen. Avtalen bør blant annet si noe "
                            "om:\n"
                            "\n"
                            "- hvem som er arbeidsgiver og arbeidstaker, og hvor arbeidet skal "
                            "gjøres\n"
                            "- hva stillingen går ut på, og hvem som er ansvarlig veterinær og "
                            "bakvakt\n"
                            "- når arbeidsforholdet starter og slutter, og hvorfor det er "
                            "midlertidig\n"
                            "- arbeidstid og vakt\n"
                            "- lønn, feriepenger og når lønnen betales ut\n"
                            "- oppsigelsesfrister\n"
                            "\n"
                            "**Forsikring**\n"
                            "\n"
                            "- **Yrkesskadeforsikring:** Studenter regnes som arbeidstakere når "
                            "de er i praksis, også når de ikke får lønn. Du som mentor må sørge "
                            "for gyldig yrkesskadeforsikring for studenten i hele perioden.\n"
                            "- **Ansvarsforsikring:** Studenter kan ikke tegne egen "
                            "ansvarsforsikring. De skal dekkes av forsikringen til virksomheten "
                            "eller den ansvarlige veterinæren. Spør forsikringsselskapet ditt "
                            "hva den dekker, og tegn tilleggsforsikring om nødvendig.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": "Dette sjekkes i søknaden",
                                "text": "<p>Når dere søker om opptak i mentorordningen, må det "
                                "gå fram av søknaden at forsikringen er gjennomgått og avklart, "
                                "og at kommunen er informert om mentorforholdet.</p>",
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Hvorfor kan ikke en student på midlertidig lisens "
                                "jobbe gjennom sitt eget foretak i mentorordningen?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Studenten kan ikke stå faglig og økonomisk "
                                        "ansvarlig for en veterinærvirksomhet uten å være "
                                        "autorisert.",
                                        "correct": True,
                                        "feedback": "En autorisert veterinær skal stå "
                                        "ansvarlig for kvaliteten på arbeidet. Eget foretak kan "
                                        "også gi problemer med forsikringen.",
                                    },
                                    {
                                        "text": "Det er for dyrt å registrere et foretak.",
                                        "correct": False,
                                        "feedback": "Kostnaden er ikke grunnen. Det handler om "
                                        "ansvar og forsikring, og om at studenten skal slippe "
                                        "papirarbeidet og kunne konsentrere seg om faget.",
                                    },
                                    {
                                        "text": "Studenter på midlertidig lisens får ikke ha vakt.",
                                        "correct": False,
                                        "feedback": "Studenter på midlertidig lisens kan ha "
                                        "vakt, men de skal alltid ha en bakvakt som kan nås på "
                                        "telefon og komme ut ved behov.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Rekruttere og ta imot en ny kollega",
                    "slug": "rekruttere-og-ta-imot-en-ny-kollega",
                    "minutes": 20,
                    "intro": "Fra utlysning til første uke: slik får en ny kollega en god start.",
                    "body": [
                        (
                            "paragraph",
                            "<p>En god start begynner før den nye kollegaen kommer. Beskriv "
                            "jobben ærlig: distriktet, dyreslagene og oppdragene, hvor mye vakt "
                            "det er, og hvem som blir mentor og bakvakt. Fortell hva dere kan "
                            "hjelpe med når det gjelder bolig, bil og utstyr. Studenter og "
                            "nyutdannede er ofte mest usikre på nettopp dette. Mentorordningen "
                            "låner ut sett med grunnleggende veterinærutstyr og har en avtale om "
                            "langtidsleie av bil.</p>",
                        ),
                        (
                            "markdown",
                            "**Sjekkliste før og etter første arbeidsdag**\n"
                            "\n"
                            "1. Arbeidsavtalen er skrevet under, og forsikringene er sjekket.\n"
                            "2. Bolig er på plass, og dere har avtalt hvor og når dere møtes "
                            "første dag.\n"
                            "3. Kommunen er informert.\n"
                            "4. Minst én uke omvendt påsitterpraksis: Den nye gjør mest mulig "
                            "av jobben, mens du ser på og støtter.\n"
                            "5. Den nye blir presentert for kundene og samarbeidspartnerne i "
                            "distriktet.\n"
                            "6. Den nye er med i praksissamarbeidet og kommunikasjonen fra "
                            "første dag.\n"
                            "7. Det er avtalt hvem som er bakvakt når, og det er skrevet ned.\n"
                            "8. Dere har satt av tid til en kort samtale hver uke om hvordan det "
                            "går.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Det blir lettere etter første gang",
                                "text": "<p>Flere mentorer syntes det var et stort steg å bli "
                                "arbeidsgiver. Men mange sa at da de først hadde gjort det én "
                                "gang, var det en god erfaring, som også hjelper når de skal "
                                "rekruttere senere. Mentorer har også hatt nytte av å snakke med "
                                "hverandre om arbeidsgiverrollen og arbeidsavtaler.</p>",
                            },
                        ),
                        (
                            "reflection",
                            {
                                "question": "Hva ville gjort det tryggere for deg å ta imot en "
                                "ny kollega, og hvem kan hjelpe deg med det?",
                                "help_text": "Tenk på mentorgruppen, kommunen og mentorordningen.",
                                "required": True,
                            },
                        ),
                        (
                            "quiz",
                            {
                                "question": "Hva er hovedgrunnen til å starte med omvendt "
                                "påsitterpraksis?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Den nye får prøve seg i trygge rammer, og du "
                                        "ser hva den nye trenger støtte til.",
                                        "correct": True,
                                        "feedback": "Dere blir kjent, den nye blir "
                                        "presentert for distriktet og kundene, og du får et "
                                        "godt bilde av hva som må følges opp.",
                                    },
                                    {
                                        "text": "Den nye skal se på i en uke uten å gjøre noe "
                                        "selv.",
                                        "correct": False,
                                        "feedback": "Det er omvendt: Den nye gjør mest mulig av "
                                        "oppdragene, mens du ser på og støtter.",
                                    },
                                    {
                                        "text": "Det er billigere enn å ansette fra første dag.",
                                        "correct": False,
                                        "feedback": "Perioden koster noe, fordi to personer "
                                        "deler inntekten til én veterinær. Derfor kan den nye "
                                        "søke om praksisstipend for perioden.",
                                    },
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}

COURSES = [MENTORKURS, MENTEEKURS, SMITTESLUSE, ANSETTELSER]
