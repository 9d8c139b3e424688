"""Demo guides, the accessibility statement and the privacy page, in Norwegian,
written from DOMAIN.md and the pilot report (seed 000)."""

import datetime

CONTACT_SCHEME = (
    "contact",
    {
        "title": "Spørsmål om mentorordningen?",
        "text": "Programkontoret svarer gjerne på spørsmål før, under og etter mentorperioden.",
    },
)

GUIDES = [
    # --- 1. Mentors -------------------------------------------------------------------------
    {
        "slug": "mentorveileder",
        "title": "Veileder for mentorer",
        "lead": (
            "Hva det innebærer å være mentor: rollen din, oppstartssamtalen, bakvakt, omvendt "
            "påsitterpraksis, gode tilbakemeldinger og rapporten når perioden er over."
        ),
        "search_description": (
            "For veterinærer som vil være mentor: krav, kursbevis, oppstartssamtale, bakvakt, "
            "omvendt påsitterpraksis og mentorrapport."
        ),
        "audiences": ["mentor"],
        "last_reviewed": datetime.date(2026, 9, 15),
        "related": ["menteeveileder", "ansettelse-midlertidig-lisens", "forsikring"],
        "body": [
            ("heading", {"text": "Din rolle som mentor", "level": "h2"}),
            (
                "paragraph",
                "<p>Som mentor tar du imot en veterinærstudent eller en ny kollega og følger "
                "vedkommende opp i praksis. Du gir faglig støtte, men du er også en å snakke "
                "med når jobben er krevende. Slagordet til mentorordningen sier hva målet er: "
                "<i>trygghet, faglig støtte og kollegialitet – på vei ut i "
                "produksjonsdyrpraksis</i>.</p>"
                "<p>Mentoring er en likeverdig relasjon. Begge har ansvar for sin del, og begge "
                "lærer noe. Det er mentees behov som skal styre, ikke det du selv "
                "synes er mest spennende å vise fram. Det er lett å glemme i en travel "
                "arbeidsdag.</p>"
                "<p>Flere veterinærer kan gå sammen i en mentorgruppe om å følge opp én mentee. "
                "Én av dere har hovedansvaret, er mentor og er kontaktperson for "
                "programkontoret. De andre i gruppen er veiledere.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Dette bekrefter du i søknaden",
                    "items": [
                        "Minst ett år i norsk kombinert- eller produksjonsdyrpraksis på fulltid",
                        "Norsk autorisasjon som veterinær",
                        "Et ønske om å videreformidle fagkunnskap, yrkesstolthet og arbeidsglede",
                        "At du ser mentorordningen som en mulighet for egen utvikling",
                        "At du kan tilby bakvakt i mentorperioden, sammen med andre mentorer "
                        "eller veiledergruppen",
                        "At du vil involvere kommunen i et samarbeid om gode "
                        "rekrutteringsløsninger",
                        "At du er interessert i faglig oppdatering og åpen for nye måter å gjøre "
                        "ting på",
                        "At du forplikter deg til å følge opp mentee på en god måte",
                    ],
                },
            ),
            ("heading", {"text": "Før dere starter", "level": "h2"}),
            (
                "markdown",
                "1. **Registrer deg** på Mentornett og fyll ut profilen din.\n"
                "2. **Ta mentorkurset.** Det er obligatorisk og gir deg et kursbevis. Mentee "
                "tar menteekurset.\n"
                "3. **Søk sammen med mentee.** Den ene starter søknaden og inviterer den andre "
                "på e-post. Begge kursbevisene legges ved.\n"
                "4. **Informer kommunen.** Kommunen skal vite om mentorforholdet og få mulighet "
                "til å bidra.\n"
                "5. **Ha oppstartssamtalen** med programkontoret før perioden starter.\n\n"
                "Når søknaden er innvilget, er det utfylte søknadsskjemaet kontrakten for "
                "mentorperioden.",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Uten kursbevis ingen søknad",
                    "text": "<p>Kurset skal være fullført før dere søker om opptak, og "
                    "kursbevis for både mentor og mentee skal legges ved søknaden. Mentorkurset "
                    "har en modul fra NMBU om grunnleggende pedagogikk, tilbakemeldinger og "
                    "klinisk kommunikasjon.</p>",
                },
            ),
            ("heading", {"text": "Oppstartssamtalen: avklar forventninger", "level": "h3"}),
            (
                "paragraph",
                "<p>Før mentorperioden har dere en samtale med programkontoret om "
                "forventninger, roller og ansvar. Ta den på alvor. I pilotprosjektet var "
                "mangelfulle forventningsavklaringer og kommunikasjonsproblemer noe av grunnen "
                "til konfliktene i de få forholdene som ble avsluttet før tiden.</p>"
                "<p>Snakk gjerne gjennom dette før samtalen:</p>"
                "<ul><li>Hva mentee vil lære, og hva hun eller han er usikker på</li>"
                "<li>Arbeidstid, vakt og hvem som er bakvakt når</li>"
                "<li>Hvilke oppgaver mentee skal gjøre selv, og fra når</li>"
                "<li>Hvordan mentee ber om hjelp – også midt på natten</li>"
                "<li>Hvordan og hvor ofte dere snakker om hvordan det går</li>"
                "<li>Bolig, bil og utstyr</li>"
                "<li>Hva dere gjør hvis noe skurrer</li></ul>",
            ),
            ("heading", {"text": "Bakvakt", "level": "h2"}),
            (
                "paragraph",
                "<p>Når mentee har vakt, skal hun eller han kunne ringe en annen veterinær for "
                "råd, og den veterinæren skal kunne rykke ut ved behov. Det kalles bakvakt. Som "
                "mentor sørger du for at bakvakten fungerer, alene eller sammen med "
                "mentorgruppen.</p>"
                "<ul><li><b>Student på midlertidig lisens:</b> bakvakt tilgjengelig på telefon "
                "og for fysisk oppmøte til enhver tid mens studenten jobber eller har vakt.</li>"
                "<li><b>Nyutdannet eller uerfaren autorisert veterinær:</b> bakvakt på telefon "
                "og for fysisk oppmøte ved all arbeidstid og vakt i minst de første 8 "
                "ukene.</li></ul>"
                "<p>For studenter på midlertidig lisens er tilgang til bakvakt også et formelt "
                "krav i regelverket.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Bakvakt er mer enn et telefonnummer",
                    "text": "<p>Studenter har fortalt om lange vakter alene der bakvakten aldri "
                    "var tilgjengelig annet enn på telefon. Skriv en bakvaktplan i søknaden: "
                    "hvem som er bakvakt når, og hvordan mentee når dere. Avtal også hva som "
                    "skjer når du selv er opptatt eller borte.</p>",
                },
            ),
            ("heading", {"text": "Omvendt påsitterpraksis", "level": "h2"}),
            (
                "paragraph",
                "<p>Før en student på midlertidig lisens eller en nyutdannet veterinær begynner "
                "å jobbe selvstendig, skal dere ha minst én uke med omvendt påsitterpraksis. Da "
                "gjør mentee mest mulig av oppdragene, mens du observerer og støtter. "
                "Pilotprosjektet anbefaler én til to uker.</p>"
                "<p>Perioden gir mentee trygge rammer den første tiden, og dere blir godt kjent. "
                "Du kan presentere mentee for distriktet og kundene, du får øvd deg på "
                "veiledning, og du ser bedre hva akkurat denne mentee trenger ekstra støtte "
                "til.</p>"
                "<p>Du tar honorar for oppdragene i denne perioden, og perioden regnes med i "
                "tiden du får mentorstøtte for. Mentee kan søke om praksisstipend på 5 000 "
                "kroner per uke.</p>",
            ),
            ("heading", {"text": "Gi gode tilbakemeldinger", "level": "h2"}),
            (
                "markdown",
                "Mentee lærer mest når tilbakemeldingen kommer tett på det som skjedde. Noen "
                "enkle grep:\n\n"
                "- **Snakk gjennom en strategi før oppdraget.** Hva tror mentee det er, og hva "
                "vil hun eller han gjøre?\n"
                "- **La mentee vurdere først.** Spør hva som gikk bra og hva som var vanskelig, "
                "før du sier din mening.\n"
                "- **Vær konkret.** Si hva du så, ikke bare «bra jobba».\n"
                "- **Velg én ting å bli bedre på** heller enn ti.\n"
                "- **Gi tilbakemeldingen snart**, gjerne i bilen på vei til neste gård.\n"
                "- **Be om tilbakemelding selv.** Relasjonen er likeverdig, og du lærer også.",
            ),
            (
                "quote",
                {
                    "text": "Det gir en trygghet å vite at du har back up i bakhånd og en ro å "
                    "vite at man har snakket ut om en strategi i forkant av oppdrag.",
                    "name": "",
                    "role": "Mentee i arbeid på midlertidig lisens",
                },
            ),
            ("heading", {"text": "Underveis i perioden", "level": "h2"}),
            (
                "paragraph",
                "<p>Ta mentee med i praksissamarbeidet og kommunikasjonen fra første dag. Begge "
                "kan når som helst kontakte programkontoret med spørsmål, eller hvis noe er "
                "vanskelig. Både mentor og mentee får tilbud om én time med psykolog, enten dere "
                "har møtt på utfordringer eller bare vil reflektere over rollen deres.</p>",
            ),
            ("heading", {"text": "Når perioden er over", "level": "h2"}),
            (
                "paragraph",
                "<p>Du skriver en kort rapport i Mentornett: hvordan mentorforholdet gikk, hva "
                "mentee har lært og øvd på, om bakvakten ble gitt som planlagt, og om forholdet "
                "varte hele den planlagte perioden. Ble det avsluttet før tiden, skriver du "
                "hvorfor og hva som kunne ha hjulpet.</p>"
                "<p>Både du og mentee fyller også ut et evalueringsskjema, og dere stiller på et "
                "evalueringsmøte hvis det trengs. Utbetalingen venter på rapporten og begge "
                "evalueringene, og den følger dokumenterte kostnader.</p>",
            ),
            ("heading", {"text": "Godtgjørelse til mentor", "level": "h3"}),
            (
                "markdown",
                "Satsene i versjon 2.0 av mentorordningen, som gjelder fra juni 2025:\n\n"
                "- **Student i påsitterpraksis:** 4 000 kroner per uke (5 arbeidsdager)\n"
                "- **Student på midlertidig lisens:** 20 000 kroner for første måned, deretter "
                "10 000 kroner per måned i opptil 2 måneder til ved fulltidsarbeid (høyst "
                "40 000 kroner)\n"
                "- **Nyutdannet eller uerfaren autorisert veterinær:** inntil 40 000 kroner per "
                "arbeidsforhold ved fulltidsarbeid\n\n"
                "En søknad beholder satsene i den versjonen den ble innvilget etter.",
            ),
            (
                "faq",
                {
                    "title": "Vanlige spørsmål",
                    "items": [
                        {
                            "question": "Må jeg ansette en student som skal jobbe på "
                            "midlertidig lisens?",
                            "answer": "<p>Ja. Studenten skal være ansatt, ikke drive eget "
                            "foretak. Les mer i veilederen om ansettelse av studenter med "
                            "midlertidig lisens.</p>",
                        },
                        {
                            "question": "Jeg jobber mye alene. Kan jeg likevel være mentor?",
                            "answer": "<p>Ja, hvis du kan tilby bakvakt i mentorperioden "
                            "sammen med andre mentorer eller en veiledergruppe. Bakvakten må "
                            "fungere også når du selv har fri.</p>",
                        },
                        {
                            "question": "Hva gjør jeg hvis samarbeidet ikke fungerer?",
                            "answer": "<p>Ta kontakt med programkontoret tidlig. "
                            "Programkontoret kan følge opp hver av dere alene eller i et felles "
                            "møte, og dere kan få tilbud om en time med psykolog.</p>",
                        },
                        {
                            "question": "Får jeg betalt for uka med omvendt påsitterpraksis?",
                            "answer": "<p>Du tar honorar for oppdragene som vanlig, og uka "
                            "regnes med i tiden du får mentorstøtte for. Mentee kan søke om "
                            "praksisstipend.</p>",
                        },
                        {
                            "question": "Må kommunen vite om mentorforholdet?",
                            "answer": "<p>Ja. Kommunen skal informeres og få mulighet til å "
                            "bidra med tiltak eller finansiering. Du oppgir kommunens "
                            "kontaktperson i søknaden, og kontaktpersonen får en e-post når "
                            "søknaden er innvilget.</p>",
                        },
                    ],
                },
            ),
            CONTACT_SCHEME,
        ],
    },
    # --- 2. Mentees -------------------------------------------------------------------------
    {
        "slug": "menteeveileder",
        "title": "Veileder for mentees",
        "lead": (
            "Slik får du mest ut av mentorforholdet: hva du kan forvente, hvordan du forbereder "
            "deg, søknaden, støtte til bolig, reise, praksisstipend og kurs – og evalueringen "
            "til slutt."
        ),
        "search_description": (
            "For veterinærstudenter og nye veterinærer: menteekurset, søknad, bostøtte, "
            "reisestøtte, praksisstipend, kursstøtte og evaluering."
        ),
        "audiences": ["mentee"],
        "last_reviewed": datetime.date(2026, 9, 15),
        "related": ["mentorveileder", "ansettelse-midlertidig-lisens", "forsikring"],
        "body": [
            ("heading", {"text": "Hva du kan forvente", "level": "h2"}),
            (
                "paragraph",
                "<p>Som mentee får du en erfaren veterinær som har forpliktet seg til å følge "
                "deg opp, og som får godtgjørelse for det. Mange mentees i pilotprosjektet sa "
                "at nettopp det gjorde det lettere å ta kontakt og spørre.</p>"
                "<p>Du får støtte på tre områder: det faglige, det praktiske og det personlige. "
                "Det siste er vel så viktig som det første. Å være ny som veterinær kan være "
                "krevende, og det er godt å ha noen å støtte seg til.</p>",
            ),
            ("heading", {"text": "Fire typer mentorforhold", "level": "h3"}),
            (
                "markdown",
                "- **Påsitterpraksis.** Du er student og sitter på med veterinæren i bilen. Du "
                "får ikke lønn; det er veterinæren som tar honoraret. Du får prøve oppgaver "
                "tilpasset nivået ditt, og du må være villig til å bli med på lærerike kasus "
                "også utenom vanlig arbeidstid.\n"
                "- **Midlertidig lisens.** Du er student og jobber som veterinær. Du skal være "
                "ansatt, ha minst én uke omvendt påsitterpraksis før du jobber selvstendig, og "
                "ha bakvakt til enhver tid.\n"
                "- **Nyutdannet eller uerfaren autorisert veterinær.** Også for deg som har "
                "vært borte fra klinisk praksis lenge. Du har bakvakt i minst de første 8 ukene "
                "og minst én uke omvendt påsitterpraksis først.\n"
                "- **MentorVet.** Et samtalebasert mentorløp. Dere setter mål for perioden og "
                "møtes jevnlig. Det kan gå ved siden av et annet mentorforhold, med samme eller "
                "en annen mentor.",
            ),
            (
                "quote",
                {
                    "text": "Det har føltes tilrettelagt og trygt, og terskelen for å prøve seg "
                    "som veterinær på bygda har vært lav – jeg har sluppet å tenke på bl.a. "
                    "eget foretak, bolig og utstyr, og heller kunnet fokusere på jobben og å "
                    "utvikle meg faglig.",
                    "name": "",
                    "role": "Mentee på midlertidig lisens",
                },
            ),
            ("heading", {"text": "Slik forbereder du deg", "level": "h2"}),
            (
                "markdown",
                "- **Tenk gjennom målene dine.** Hva vil du lære, og hva gruer du deg til? "
                "Målene skriver du inn i søknaden.\n"
                "- **Vær ærlig om hva du kan.** Da kan mentor gi deg oppgaver som passer.\n"
                "- **Avklar det praktiske tidlig:** bolig, bil og utstyr.\n"
                "- **Sjekk hvilke kurs du trenger.** Inseminasjon og ante mortem-kontroll kan "
                "være nødvendig i jobben, og noen kurs starter bare to ganger i året.\n"
                "- **Forbered spørsmål til oppstartssamtalen**, for eksempel om vakt, bakvakt og "
                "hvordan du ber om hjelp.",
            ),
            ("heading", {"text": "Ta menteekurset", "level": "h3"}),
            (
                "paragraph",
                "<p>Alle mentees må ta det digitale menteekurset før dere søker. Kurset handler "
                "om roller og ansvar i et mentorforhold, om å avklare forventninger, om "
                "kommunikasjon og om evaluering. Når du er ferdig, får du et kursbevis som "
                "legges ved søknaden.</p>",
            ),
            ("heading", {"text": "Slik søker dere", "level": "h2"}),
            (
                "markdown",
                "1. Opprett en konto og fyll ut profilen din.\n"
                "2. Fullfør menteekurset. Mentor fullfører mentorkurset.\n"
                "3. Bli enige om type mentorforhold og periode.\n"
                "4. Den ene av dere starter søknaden og inviterer den andre på e-post. Lenken i "
                "invitasjonen virker i 14 dager.\n"
                "5. Legg ved kursbevisene, skriv målene dine og send søknaden.\n"
                "6. Programkontoret behandler søknaden. Når den er innvilget, er "
                "søknadsskjemaet kontrakten for mentorperioden.\n"
                "7. Dere har en oppstartssamtale med programkontoret før perioden starter.",
            ),
            ("heading", {"text": "Støtte du kan søke om", "level": "h2"}),
            (
                "paragraph",
                "<p>Støtten skal senke tersklene på vei ut i produksjonsdyrpraksis. Bostøtten "
                "er behovsprøvd, og alle krav må dokumenteres. Du sender kravene i Mentornett: "
                "hva det gjelder, beløpet, datoen for kostnaden og kvitteringen som PDF eller "
                "bilde (PNG eller JPEG). Ta bilde av kvitteringen med en gang, så blir den ikke "
                "borte.</p>"
                "<p>Godkjente krav betales ut sammen med resten av utbetalingen for "
                "mentorforholdet. Det er bare du og programkontoret som ser kravene og "
                "kvitteringene dine – mentoren din ser dem ikke.</p>",
            ),
            (
                "markdown",
                "**Student i påsitterpraksis**\n\n"
                "- Bostøtte: inntil 2 500 kroner per uke\n"
                "- Reisestøtte ved praksis langt unna hjem- eller studiested: inntil 6 000 "
                "kroner tur/retur\n\n"
                "**Student på midlertidig lisens**\n\n"
                "- Bostøtte: inntil 5 000 kroner per mentorforhold\n"
                "- Reisestøtte ved praksis langt unna hjem- eller studiested: inntil 6 000 "
                "kroner tur/retur\n"
                "- Praksisstipend: 5 000 kroner per uke i perioden med omvendt "
                "påsitterpraksis\n\n"
                "**Nyutdannet eller uerfaren autorisert veterinær**\n\n"
                "- Praksisstipend: 5 000 kroner per uke i perioden med omvendt "
                "påsitterpraksis\n\n"
                "Satsene gjelder versjon 2.0 av mentorordningen, fra juni 2025.",
            ),
            ("heading", {"text": "Støtte til kurs", "level": "h3"}),
            (
                "markdown",
                "- **Inseminasjonskurs (Geno, én uke).** Kurset koster 18 000 kroner, og reise "
                "og opphold kommer i tillegg. Mentorordningen dekker 75 % av kurskostnaden, det "
                "vil si 13 500 kroner. Du må dokumentere et arbeidsforhold som krever "
                "inseminering, på minst 6 ukers fulltidspraksis. Geno anbefaler at jobben "
                "starter innen 6 måneder etter kurset.\n"
                "- **Kurs i ante mortem-kontroll (digitalt, starter to ganger i året).** Kurset "
                "har kostet 3 000 kroner. Du kan søke om behovsprøvd støtte.\n"
                "- **Kurs i dyrevelferdsprogrammene, DVP (digitalt, løpende opptak).** Kurset "
                "koster 4 600 kroner og er mest aktuelt for autoriserte veterinærer. Du kan "
                "søke om behovsprøvd støtte.\n\n"
                "Når du søker om støtte til inseminasjonskurs, oppgir du når jobben starter og "
                "hvor mange uker den varer, og du laster opp dokumentasjon på "
                "arbeidsforholdet. Før høsten 2025 dekket ordningen hele kurset; nå dekkes 75 %.",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Meld deg på ante mortem-kurset i god tid",
                    "text": "<p>Kurset starter bare to ganger i året. Får du jobb i mars med "
                    "oppstart i mai, er du for sent ute til vårens kurs. Neste kurs går om "
                    "høsten og fullføres i november, og fram til da kan du ikke skrive "
                    "nødslakteattester. Studenter kan ta kurset og kan da utføre ante "
                    "mortem-kontroll fra den dagen de får endelig autorisasjon.</p>",
                },
            ),
            ("heading", {"text": "Utstyr og bil", "level": "h3"}),
            (
                "paragraph",
                "<p>Mentorordningen har tre sett med veterinært basisutstyr som mentees kan "
                "låne i en startfase eller på midlertidig lisens. Når mentorforholdet er "
                "innvilget, kan du bestille et sett i Mentornett.</p>"
                "<p>Studenter i påsitterpraksis trenger ikke egen bil, men må komme seg til "
                "veterinærsenteret eller bo så nær at mentor kan hente dem om morgenen. På "
                "midlertidig lisens og som ny veterinær trenger du en egnet bil. Ordningen har "
                "en avtale om langtidsleie hos bildelingstjenesten Hyre for dem som trenger "
                "det.</p>",
            ),
            ("heading", {"text": "Underveis", "level": "h2"}),
            (
                "paragraph",
                "<p>Spør heller én gang for mye enn én gang for lite. Du kan når som helst ta "
                "kontakt med programkontoret, og du får tilbud om én time med psykolog hvis du "
                "ønsker det.</p>"
                "<p>Noen mentees har en MentorVet-mentor et annet sted i tillegg til mentoren i "
                "praksis. Det kan være lettere å spørre om enkelte ting til en som ikke er din "
                "nærmeste kollega i hverdagen.</p>",
            ),
            ("heading", {"text": "Evalueringen", "level": "h2"}),
            (
                "paragraph",
                "<p>Når perioden er over, fyller du ut et evalueringsskjema i Mentornett. Du "
                "svarer blant annet på hvor fornøyd du var med mentorordningen, hvordan "
                "samarbeidet med mentor fungerte, om oppstartssamtalen avklarte forventninger, "
                "roller og ansvar, og hva som fungerte bra og kunne vært bedre.</p>"
                "<p>Svarene hjelper programmet og neste mentees. Programmet rapporterer "
                "gjennomsnittlig tilfredshet, aldri navnet ditt. Utbetalingen venter på begge "
                "evalueringene og på rapporten fra mentor.</p>",
            ),
            (
                "faq",
                {
                    "title": "Vanlige spørsmål",
                    "items": [
                        {
                            "question": "Får jeg lønn i påsitterpraksis?",
                            "answer": "<p>Nei. Veterinæren tar honoraret for oppdragene. Du kan "
                            "søke om bostøtte og reisestøtte.</p>",
                        },
                        {
                            "question": "Kan jeg opprette eget foretak når jeg jobber på "
                            "midlertidig lisens?",
                            "answer": "<p>Ikke i mentorordningen. Studenter på midlertidig "
                            "lisens skal være ansatt. Det gir ordnede forhold og en trygg "
                            "forsikringsdekning.</p>",
                        },
                        {
                            "question": "Ser mentoren min kravene og kvitteringene mine?",
                            "answer": "<p>Nei. Bostøtten er behovsprøvd, så kravene er dine "
                            "egne. Bare du og programkontoret ser dem.</p>",
                        },
                        {
                            "question": "Kan jeg være med i MentorVet samtidig med et annet "
                            "mentorforhold?",
                            "answer": "<p>Ja. MentorVet er laget som et supplement til de andre "
                            "typene mentorforhold, med samme eller en annen mentor.</p>",
                        },
                        {
                            "question": "Jeg har ikke funnet en mentor. Hva gjør jeg?",
                            "answer": "<p>Ta kontakt med programkontoret. I pilotprosjektet "
                            "koblet programledelsen mentorpar sammen der det var ønsket.</p>",
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "title": "Lurer du på noe?",
                    "text": "Ta kontakt med programkontoret – også før du har funnet en mentor.",
                },
            ),
        ],
    },
    # --- 3. Employing students on temporary licence -----------------------------------------
    {
        "slug": "ansettelse-midlertidig-lisens",
        "title": "Ansettelse av studenter med midlertidig lisens",
        "lead": (
            "Studenter som jobber på midlertidig lisens i mentorordningen, skal være ansatt. "
            "Her er hvorfor, hva arbeidsgiveren må ordne – og hva en student på midlertidig "
            "lisens ikke kan gjøre."
        ),
        "search_description": (
            "Hvorfor studenter med midlertidig lisens skal ansettes: forsikring, bakvakt, "
            "omvendt påsitterpraksis, hva de ikke kan gjøre, og sjekkliste."
        ),
        "audiences": ["mentee", "mentor", "employer"],
        "last_reviewed": datetime.date(2026, 10, 1),
        "related": ["forsikring", "mentorveileder", "kommuneveileder"],
        "body": [
            ("heading", {"text": "Studenten skal være ansatt", "level": "h2"}),
            (
                "paragraph",
                "<p>Mentorordningen krever at studenter som jobber på midlertidig lisens, er "
                "ansatt – ikke driver sitt eget foretak. Grunnen er at en student med "
                "midlertidig lisens ikke kan stå faglig og økonomisk ansvarlig for en "
                "virksomhet som leverer veterinærtjenester, uten å være autorisert veterinær. "
                "Studenten må alltid ha en autorisert veterinær som bakvakt, og som står "
                "ansvarlig for den faglige kvaliteten på arbeidet.</p>"
                "<p>Regelverket slår fast at studenter som jobber på midlertidig lisens, skal "
                "ha en ansvarlig veterinær og en fungerende bakvakt. At studenten er ansatt, er "
                "også viktig for å sikre full forsikringsdekning.</p>",
            ),
            (
                "paragraph",
                "<p>Studenter som mentorprosjektet snakket med i 2024, anslo at over halvparten av "
                "dem som jobber i "
                "produksjonsdyrpraksis på midlertidig lisens, oppretter eget "
                "enkeltpersonforetak. Det gir mye administrasjon i tillegg til alt det faglige "
                "som er nytt. Som ansatt kan studenten konsentrere seg om jobben, og det er en "
                "trygghet å være ansatt i denne fasen.</p>",
            ),
            (
                "quote",
                {
                    "text": "Det innebar at det var ordnede forhold, og at jeg kunne konsentrere "
                    "meg mer om det faglige, og ikke så mye det praktiske rundt å drive sitt "
                    "eget foretak.",
                    "name": "",
                    "role": "Mentee på midlertidig lisens",
                },
            ),
            ("heading", {"text": "Hvem blir arbeidsgiver?", "level": "h3"}),
            (
                "paragraph",
                "<p>Vanligvis er det mentor eller praksisen som ansetter studenten. "
                "Veterinærforeningen anbefaler at studenten er ansatt hos en autorisert "
                "veterinær. De fleste produksjonsdyrpraktikere driver enkeltpersonforetak og "
                "har lite erfaring som arbeidsgiver, så for mange er dette nytt.</p>"
                "<p>I pilotprosjektet ønsket én mentor ikke å ansette. Da ble løsningen at "
                "kommunen ansatte mentee.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Første gang er tyngst",
                    "text": "<p>Det er merarbeid og ansvar å være arbeidsgiver. Men flere "
                    "mentorer og mentees har fortalt at ansettelsen var en god erfaring når den "
                    "først var gjort én gang – og en erfaring som kommer til nytte når man "
                    "senere skal rekruttere. Programkontoret har en veiledning til "
                    "ansettelsesprosessen og arbeidsavtalen.</p>",
                },
            ),
            ("heading", {"text": "Forsikring", "level": "h2"}),
            (
                "paragraph",
                "<p>Når studenten er i praksis, regnes hun eller han som arbeidstaker etter "
                "yrkesskadeforsikringsloven og skadeerstatningsloven, og virksomheten regnes som "
                "arbeidsgiver. Mentor må derfor sørge for gyldig yrkesskadeforsikring for "
                "studenten hele perioden.</p>"
                "<p>Studenter kan ikke tegne egen ansvarsforsikring. De skal dekkes av "
                "forsikringen til virksomheten eller den ansvarlige veterinæren. Sjekk med "
                "forsikringsselskapet hva ansvarsforsikringen dekker, og tegn ekstraforsikring "
                "for studenten om nødvendig. I søknaden bekrefter dere at virksomheten til "
                "mentor dekker yrkesskade og ansvar for mentee. Mer om dette står i veilederen "
                "om forsikring i mentorforholdet.</p>",
            ),
            ("heading", {"text": "Bakvakt til enhver tid", "level": "h2"}),
            (
                "paragraph",
                "<p>Studenten skal ha bakvakt tilgjengelig på telefon og for fysisk oppmøte ved "
                "behov til enhver tid mens hun eller han jobber eller har vakt. Bakvakten er en "
                "annen veterinær som studenten kan ringe for råd, og som kan rykke ut.</p>"
                "<p>Det holder ikke at bakvakten bare kan nås på telefon. Studenter har fortalt "
                "om nettopp det, og om lange, sammenhengende vakter alene.</p>",
            ),
            ("heading", {"text": "Minst én uke omvendt påsitterpraksis først", "level": "h2"}),
            (
                "paragraph",
                "<p>Før arbeidsperioden skal studenten ha minst én uke omvendt "
                "påsitterpraksis. Da gjør studenten mest mulig av oppdragene, mens mentor "
                "observerer og støtter. Mentor tar honorar for oppdragene, og studenten kan "
                "søke om praksisstipend på 5 000 kroner per uke for perioden.</p>",
            ),
            (
                "heading",
                {"text": "Dette kan ikke en student på midlertidig lisens gjøre", "level": "h2"},
            ),
            (
                "markdown",
                "- **Stå faglig og økonomisk ansvarlig for en veterinærvirksomhet.** Det krever "
                "autorisasjon. Derfor er eget foretak ingen god løsning.\n"
                "- **Jobbe uten bakvakt.** Det skal alltid være en autorisert veterinær som er "
                "bakvakt og står ansvarlig for den faglige kvaliteten.\n"
                "- **Tegne egen ansvarsforsikring.** Studenten må dekkes av forsikringen til "
                "virksomheten eller den ansvarlige veterinæren.\n"
                "- **Utføre ante mortem-kontroll**, det vil si kontroll av dyrets helsetilstand "
                "før avliving, ved nødslakt, oppdrettsvilt avlivet på gården og feltslakting. "
                "Det kan bare veterinærer som er utpekt som offentlig veterinær. Studenter kan "
                "likevel ta kurset i ante mortem-kontroll, og kan da utføre slik kontroll fra "
                "den dagen de får endelig autorisasjon.",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Usikker på en attest?",
                    "text": "<p>Flere studenter har vært usikre på om de kan attestere i "
                    "vaksinekort og utstede nødslakteattester på midlertidig lisens. "
                    "Mentorprosjektet har avklart slike spørsmål med Mattilsynet. Spør "
                    "programkontoret før du signerer en attest du er usikker på.</p>",
                },
            ),
            ("heading", {"text": "Sjekkliste for arbeidsgiveren", "level": "h2"}),
            (
                "checklist",
                {
                    "title": "Før studenten begynner",
                    "items": [
                        "Arbeidsavtalen er skrevet og signert, og lastet opp i søknaden",
                        "Yrkesskadeforsikringen dekker studenten hele perioden",
                        "Forsikringsselskapet har bekreftet at ansvarsforsikringen dekker "
                        "arbeidet studenten gjør – ellers er ekstraforsikring tegnet",
                        "Bakvaktplanen er klar: hvem som er bakvakt når, på telefon og for oppmøte",
                        "Minst én uke omvendt påsitterpraksis er satt opp før studenten jobber "
                        "selvstendig",
                        "Både mentor og student har kursbevis",
                        "Kommunen er informert om mentorforholdet",
                        "Bolig, bil og utstyr er avklart",
                        "Studenten er med i praksissamarbeidet og kommunikasjonen fra første dag",
                    ],
                },
            ),
            ("heading", {"text": "Avklar i arbeidsavtalen", "level": "h3"}),
            (
                "markdown",
                "- Periode og stillingsprosent. Arbeid på midlertidig lisens er oftest korte "
                "perioder på 2–6 måneder.\n"
                "- Arbeidstid, vakter og hvem som er bakvakt\n"
                "- Lønn, og hvordan oppdragene faktureres\n"
                "- Hvem som holder bil, utstyr og forbruksmateriell\n"
                "- Bolig, hvis arbeidsgiveren hjelper til med det\n"
                "- Hvem studenten melder fra til ved sykdom, eller hvis noe går galt",
            ),
            ("heading", {"text": "Støtte i mentorordningen", "level": "h2"}),
            (
                "markdown",
                "- **Til mentor:** 20 000 kroner for første måned, deretter 10 000 kroner per "
                "måned i opptil 2 måneder til ved fulltidsarbeid (høyst 40 000 kroner).\n"
                "- **Til studenten:** bostøtte inntil 5 000 kroner per mentorforhold "
                "(behovsprøvd), reisestøtte inntil 6 000 kroner tur/retur ved praksis langt "
                "unna hjem- eller studiested, og praksisstipend på 5 000 kroner per uke i "
                "perioden med omvendt påsitterpraksis.\n\n"
                "All støtte til studenten må dokumenteres. Satsene gjelder versjon 2.0 av "
                "ordningen, fra juni 2025.",
            ),
            (
                "faq",
                {
                    "title": "Vanlige spørsmål",
                    "items": [
                        {
                            "question": "Kan studenten heller fakturere fra eget "
                            "enkeltpersonforetak?",
                            "answer": "<p>Ikke i mentorordningen. Studenten skal ansettes. Eget "
                            "foretak kan også gi problemer med forsikringen.</p>",
                        },
                        {
                            "question": "Hva om mentor ikke vil være arbeidsgiver?",
                            "answer": "<p>Ta kontakt med programkontoret. I pilotprosjektet "
                            "ble løsningen i ett tilfelle at kommunen ansatte studenten.</p>",
                        },
                        {
                            "question": "Gjelder kravet om bakvakt også på dagtid?",
                            "answer": "<p>Ja. Bakvakten skal være tilgjengelig til enhver tid "
                            "mens studenten jobber eller har vakt, ikke bare på kveld og "
                            "natt.</p>",
                        },
                        {
                            "question": "Kan studenten ta ante mortem-kurset før autorisasjonen?",
                            "answer": "<p>Ja. Studenter kan ta kurset, og kan da utføre ante "
                            "mortem-kontroll fra den dagen de får endelig autorisasjon.</p>",
                        },
                        {
                            "question": "Hvor lenge gis det mentorstøtte?",
                            "answer": "<p>For første måned og opptil 2 måneder til ved "
                            "fulltidsarbeid, til sammen høyst 40 000 kroner til mentor.</p>",
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "title": "Spørsmål om ansettelse?",
                    "text": "Programkontoret har veiledning til ansettelsesprosess og "
                    "arbeidsavtale, og hjelper gjerne.",
                },
            ),
        ],
    },
    # --- 4. Insurance -----------------------------------------------------------------------
    {
        "slug": "forsikring",
        "title": "Forsikring i mentorforholdet",
        "lead": (
            "Hvem må ha hvilken forsikring når en student eller ny veterinær er i praksis? Her "
            "er avklaringene mentorordningen har gjort om yrkesskadeforsikring og "
            "ansvarsforsikring."
        ),
        "search_description": (
            "Yrkesskadeforsikring og ansvarsforsikring i mentorordningen: hvem må ha hva ved "
            "påsitterpraksis, midlertidig lisens og for autoriserte veterinærer."
        ),
        "audiences": ["mentor", "mentee", "employer"],
        "last_reviewed": datetime.date(2026, 10, 1),
        "related": ["ansettelse-midlertidig-lisens", "mentorveileder", "menteeveileder"],
        "body": [
            (
                "paragraph",
                "<p>Mentorprosjektet har gjort en juridisk avklaring av forsikringsbehovet når "
                "studenter er i praksis, sammen med et forsikringsselskap og "
                "Veterinærforeningens jurister. I søknaden til mentorordningen bekrefter dere at "
                "forsikringsbehovet er gjennomgått og avklart: at virksomheten til mentor dekker "
                "yrkesskade og ansvar for mentee.</p>",
            ),
            ("heading", {"text": "To forsikringer du må kjenne til", "level": "h2"}),
            (
                "markdown",
                "- **Yrkesskadeforsikring** dekker den som jobber – her studenten eller den nye "
                "veterinæren – hvis hun eller han blir skadet i arbeidet.\n"
                "- **Ansvarsforsikring** dekker skade og feil som arbeidet kan påføre andre, for "
                "eksempel dyreeieren.",
            ),
            ("heading", {"text": "Yrkesskadeforsikring", "level": "h2"}),
            (
                "paragraph",
                "<p>Etter yrkesskadeforsikringsloven og skadeerstatningsloven regnes studenter "
                "som arbeidstakere når de er i praksis, selv om de ikke får lønn. Virksomheten "
                "der studenten er i praksis, regnes for dette formålet som arbeidsgiver.</p>"
                "<p>Det betyr at mentor er pliktig til å sørge for gyldig yrkesskadeforsikring "
                "for studenten i hele perioden studenten er i praksis. Det gjelder også når "
                "studenten eller veterinæren er ansatt.</p>",
            ),
            ("heading", {"text": "Ansvarsforsikring", "level": "h2"}),
            (
                "paragraph",
                "<p>Studenter kan ikke tegne egen ansvarsforsikring. Både studenter som er "
                "ansatt, og studenter i ubetalt praksis skal dekkes av forsikringen til "
                "virksomheten eller den ansvarlige veterinæren. Det er den autoriserte "
                "veterinæren som har ansvaret for den faglige kvaliteten på arbeidet studenten "
                "gjør.</p>"
                "<p>Mentorordningen anbefaler at mentor kontakter forsikringsselskapet sitt, "
                "sjekker hva ansvarsforsikringen dekker, og om nødvendig tegner "
                "ekstraforsikring for studenten.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Ring forsikringsselskapet før oppstart",
                    "text": "<p>Spør for eksempel:</p><ul>"
                    "<li>Dekker ansvarsforsikringen min arbeid som en student gjør under mitt "
                    "ansvar?</li>"
                    "<li>Gjelder det både i ubetalt praksis og når studenten er ansatt?</li>"
                    "<li>Dekker yrkesskadeforsikringen studenten hele perioden, også på "
                    "vakt?</li>"
                    "<li>Trenger jeg ekstraforsikring, og hva koster den?</li></ul>",
                },
            ),
            ("heading", {"text": "Hvem må ha hva?", "level": "h2"}),
            ("heading", {"text": "Student i påsitterpraksis", "level": "h3"}),
            (
                "paragraph",
                "<p>Studenten får ikke lønn, men regnes likevel som arbeidstaker. Virksomheten "
                "til mentor må ha yrkesskadeforsikring som dekker studenten, og "
                "ansvarsforsikringen til virksomheten eller mentor skal dekke arbeidet studenten "
                "gjør.</p>",
            ),
            ("heading", {"text": "Student på midlertidig lisens", "level": "h3"}),
            (
                "paragraph",
                "<p>Studenten skal være ansatt. Arbeidsgiveren sørger for yrkesskadeforsikring, "
                "og studenten dekkes av ansvarsforsikringen til virksomheten eller den "
                "ansvarlige veterinæren. Oppretter studenten eget foretak, kan det gi problemer "
                "med forsikringen – en av grunnene til at mentorordningen krever "
                "ansettelse.</p>",
            ),
            ("heading", {"text": "Nyutdannet eller uerfaren autorisert veterinær", "level": "h3"}),
            (
                "paragraph",
                "<p>Er veterinæren ansatt, skal arbeidsgiveren sørge for yrkesskadeforsikring, "
                "som for studenter. Driver den nye veterinæren eget foretak, gir pilotprosjektet "
                "ingen egne regler. Sjekk da selv med forsikringsselskapet hvilken dekning du "
                "trenger.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Kostnader til forsikring",
                    "text": "<p>Ifølge pilotrapporten er ekstra kostnader til forsikring blant "
                    "utgiftene som kan dekkes av tilskuddet fra mentorordningen. Spør "
                    "programkontoret hvordan det gjelder for deres mentorforhold.</p>",
                },
            ),
            (
                "checklist",
                {
                    "title": "Sjekkliste for forsikring",
                    "items": [
                        "Mentor har kontaktet forsikringsselskapet før oppstart",
                        "Yrkesskadeforsikringen dekker mentee i hele perioden",
                        "Ansvarsforsikringen dekker arbeidet mentee gjør – ellers er "
                        "ekstraforsikring tegnet",
                        "En student på midlertidig lisens er ansatt, ikke i eget foretak",
                        "Forsikringen er krysset av som avklart i søknaden",
                    ],
                },
            ),
            (
                "faq",
                {
                    "title": "Vanlige spørsmål",
                    "items": [
                        {
                            "question": "Kan studenten tegne egen ansvarsforsikring?",
                            "answer": "<p>Nei. Studenten skal dekkes av forsikringen til "
                            "virksomheten eller den ansvarlige veterinæren.</p>",
                        },
                        {
                            "question": "Trenger vi yrkesskadeforsikring når studenten ikke får "
                            "lønn?",
                            "answer": "<p>Ja. Studenter i praksis regnes som arbeidstakere "
                            "selv om de ikke får lønn, og virksomheten regnes som "
                            "arbeidsgiver.</p>",
                        },
                        {
                            "question": "Hvem har det faglige ansvaret for det studenten gjør?",
                            "answer": "<p>Den autoriserte veterinæren.</p>",
                        },
                        {
                            "question": "Hva om studenten har eget foretak?",
                            "answer": "<p>Det kan gi problemer med forsikringen. I "
                            "mentorordningen skal studenter på midlertidig lisens være "
                            "ansatt.</p>",
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "title": "Usikker på forsikringen?",
                    "text": "Ta kontakt med programkontoret før mentorperioden starter.",
                },
            ),
        ],
    },
    # --- 5. Municipalities ------------------------------------------------------------------
    {
        "slug": "kommuneveileder",
        "title": "Veileder for kommuner",
        "lead": (
            "Kommunen har ansvaret for veterinærdekning hele døgnet. Slik kan kommunen bruke "
            "mentorordningen og bidra til at nye veterinærer kommer – og blir."
        ),
        "search_description": (
            "For kommuner: ansvaret for veterinærdekning, hvordan kommunen får vite om "
            "mentorforhold, og hva kommunen kan bidra med, som bolig og ansettelse."
        ),
        "audiences": ["municipality"],
        "last_reviewed": datetime.date(2026, 11, 2),
        "related": ["ansettelse-midlertidig-lisens", "mentorveileder"],
        "body": [
            ("heading", {"text": "Kommunens ansvar", "level": "h2"}),
            (
                "paragraph",
                "<p>Det er kommunens ansvar å sikre tilstrekkelig tilgang til "
                "veterinærtjenester – på dagtid, om natten og i helger. I hver "
                "administrasjonskommune er det som regel én person som har ansvaret for "
                "veterinærvakt og veterinærdekning. Norge har 160 vaktområder og 357 "
                "kommuner.</p>"
                "<p>Det er bare veterinærene som kan gi faglig oppfølging til studenter og nye "
                "veterinærer, men det er kommunens oppgave å legge til rette for at det skjer. "
                "Mentorordningen er et verktøy kommunen kan bruke i det arbeidet.</p>",
            ),
            ("heading", {"text": "Hvorfor det er vanskelig å rekruttere", "level": "h3"}),
            (
                "markdown",
                "Veterinærstudentene peker på disse hindringene for å gå ut i "
                "produksjonsdyrpraksis:\n\n"
                "- Mye arbeid alene og mye ansvar på egne skuldre\n"
                "- Må opprette eget foretak\n"
                "- Må skaffe bil og utstyr\n"
                "- Mye vakt og ubekvem arbeidstid, og frykt for å bli «låst» i for stor "
                "vaktbelastning over tid\n"
                "- Dårlig inntjening på dagtid i enkelte områder\n"
                "- Liten erfaring med produksjonsdyr\n"
                "- Manglende tilknytning til husdyrbransjen og distriktene\n\n"
                "Mange av hindringene er praktiske. Der kan kommunen gjøre en forskjell.",
            ),
            (
                "quote",
                {
                    "text": "Heldigvis har jeg oppdaget at flere i andre kommuner sliter med "
                    "det samme som jeg, og da blir det litt lettere å stå i det.",
                    "name": "",
                    "role": "Kommuneansatt med ansvar for veterinærdekning",
                },
            ),
            ("heading", {"text": "Kommunen skal informeres", "level": "h2"}),
            (
                "paragraph",
                "<p>Mentorer i ordningen forplikter seg til å informere og involvere kommunen. "
                "I søknaden oppgir de navn og e-post til kommunens kontaktperson. Når søknaden "
                "er innvilget, får kontaktpersonen en e-post fra Mentornett om hvilken type "
                "mentorforhold det er, perioden, og hvem som er mentor og mentee.</p>"
                "<p>Er du registrert som kommunens kontaktperson i Mentornett, ser du en "
                "oversikt over mentorforholdene i kommunen når du logger inn: type, periode, om "
                "forholdet er i gang, og hvem som er mentor og mentee. Du ser ikke beløp eller "
                "evalueringer.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Bli registrert som kontaktperson",
                    "text": "<p>Opprett en konto på Mentornett og be programkontoret om å "
                    "registrere deg som kontaktperson for kommunen din.</p>",
                },
            ),
            ("heading", {"text": "Slik kan kommunen bidra", "level": "h2"}),
            (
                "paragraph",
                "<p>Kommunen skal få mulighet til å bistå med tiltak eller finansiering som kan "
                "gjøre mentorperioden og starten i jobben enda bedre, og mentorordningen ønsker "
                "at kommunen går inn med en viss egeninnsats. I pilotprosjektet varierte det "
                "mye: noen kommuner tok selv kontakt for å høre om ordningen kunne bedre "
                "rekrutteringen, mens de fleste holdt seg i bakgrunnen.</p>",
            ),
            (
                "markdown",
                "- **Bolig.** Studenter på midlertidig lisens må ofte finne bolig for 2–6 "
                "måneder på et sted der de ikke har nettverk. I én kommune fikk mentee leie en "
                "kommunal leilighet i mentorperioden.\n"
                "- **Ansettelse.** Studenter på midlertidig lisens skal være ansatt. I én "
                "kommune ble mentee ansatt av kommunen da mentor ikke ønsket å være "
                "arbeidsgiver.\n"
                "- **Utstyr til utlån.** Å kjøpe utstyr for 40 000 kroner uten å vite om man "
                "får bruk for det senere, er en høy terskel. I noen områder har kommunen utstyr "
                "til utlån.\n"
                "- **Bil, bolig, utstyr og nødvendige kurs.** Slike tiltak ser mentorordningen "
                "helst at kommunen bidrar til, via stimuleringstilskudd eller på annen måte.\n"
                "- **Samarbeid mellom vaktområder.** I ett område hadde studenten base hos "
                "mentorer i et distrikt med mange veiledere, og kjørte praksis og vakt i et "
                "tilgrensende, næringssvakt område.\n"
                "- **En god velkomst.** Hjelp den nye veterinæren med å bli kjent i "
                "lokalsamfunnet.",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Snakk med veterinærene i området",
                    "text": "<p>Mange distrikter som trenger nye veterinærer, har for få "
                    "veterinærer til å dele på vakter, bakvakter og mentoransvar. Spør "
                    "veterinærene hva som skal til for at de kan ta imot en mentee. Kommunens "
                    "bidrag kan avgjøre om det blir et mentorforhold.</p>",
                },
            ),
            ("heading", {"text": "Kom i gang", "level": "h2"}),
            (
                "checklist",
                {
                    "title": "Sjekkliste for kommunen",
                    "items": [
                        "Det er klart hvem i kommunen som har ansvaret for veterinærdekning",
                        "Kontaktpersonen har konto på Mentornett og er registrert hos "
                        "programkontoret",
                        "Veterinærene i området vet at kommunen vil bidra",
                        "Kommunen har vurdert om den kan tilby bolig, for eksempel en kommunal "
                        "leilighet",
                        "Kommunen har vurdert om den kan være arbeidsgiver for en student på "
                        "midlertidig lisens",
                        "Kommunen har sjekket om det finnes utstyr til utlån",
                        "Kommunen har snakket med nabokommuner og vaktområder om samarbeid",
                    ],
                },
            ),
            ("heading", {"text": "Læringsnettverk for sykepleiere", "level": "h2"}),
            (
                "paragraph",
                "<p>Mentornett har også læringsnettverk for kommunehelsetjenesten. Der bygger "
                "kommuner et mentorprogram for nyansatte sykepleiere og vernepleiere. Et "
                "nettverk varer i omtrent to år, med 7–8 samlinger – halvparten digitale og "
                "halvparten fysiske over to dager. Hvert kommuneteam har 5–11 personer, blant "
                "dem en leder med beslutningsmyndighet, en tillitsvalgt og HR.</p>"
                "<p>I Sarpsborg sluttet omtrent halvparten av de nyansatte sykepleierne og "
                "vernepleierne før arbeidet startet. Etterpå sluttet bare 2 av 22 nye. Les mer "
                "på siden <b>Læringsnettverk</b> på Mentornett.</p>",
            ),
            (
                "faq",
                {
                    "title": "Vanlige spørsmål",
                    "items": [
                        {
                            "question": "Hvordan får kommunen vite om et mentorforhold?",
                            "answer": "<p>Mentor oppgir kommunens kontaktperson i søknaden. "
                            "Når søknaden er innvilget, får kontaktpersonen en e-post med type "
                            "mentorforhold, periode og navnene på mentor og mentee.</p>",
                        },
                        {
                            "question": "Kan kommunen ansette en student på midlertidig lisens?",
                            "answer": "<p>Ja, det ble gjort i pilotprosjektet. Kommunen blir da "
                            "arbeidsgiver, og forsikringen må avklares på samme måte. Studenten "
                            "skal fortsatt ha en autorisert veterinær som bakvakt.</p>",
                        },
                        {
                            "question": "Kan kommunen ta kontakt med mentorordningen selv?",
                            "answer": "<p>Ja. Flere kommuner har kontaktet ordningen på eget "
                            "initiativ for å høre om den kan bidra til bedre rekruttering i "
                            "området.</p>",
                        },
                        {
                            "question": "Hva ser kommunens kontaktperson i Mentornett?",
                            "answer": "<p>Mentorforholdene i kommunen: type, periode, om "
                            "forholdet er i gang, og hvem som er mentor og mentee. Ikke beløp "
                            "og ikke evalueringer.</p>",
                        },
                        {
                            "question": "Hva koster et læringsnettverk for kommunen?",
                            "answer": "<p>Kommunen dekker egen tid og egne reiser. I "
                            "samarbeidsavtalen forplikter kommunen seg også til å delta, sette "
                            "av tid, sende rapporter innen fristene og spre arbeidet i egen "
                            "organisasjon.</p>",
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "title": "Vil kommunen bidra?",
                    "text": "Ta kontakt med programkontoret, så finner vi sammen ut hva som "
                    "passer i deres område.",
                },
            ),
        ],
    },
]


ACCESSIBILITY_STATEMENT = {
    "slug": "tilgjengelighetserklaering",
    "title": "Tilgjengelighetserklæring",
    "lead": (
        "Vi vil at alle skal kunne bruke Mentornett. Her står hvordan vi jobber med universell "
        "utforming, hva som ikke fungerer godt nok ennå, og hvordan du melder fra."
    ),
    "body": [
        (
            "paragraph",
            "<p>Mentornett skal oppfylle kravene i forskrift om universell utforming av "
            "IKT-løsninger. Målet vårt er at nettstedet følger WCAG 2.1 på nivå AA, slik "
            "regelverket krever. Det gjelder både sidene du leser, skjemaene du fyller ut og "
            "kursene du tar.</p>",
        ),
        ("heading", {"text": "Slik tester vi", "level": "h2"}),
        (
            "markdown",
            "- **Automatiske tester.** Vi kjører verktøyet axe på hver side i de automatiske "
            "testene våre, både i mobilbredde og skjermbredde, og både på norsk og engelsk. "
            "Testene feiler hvis axe finner alvorlige feil.\n"
            "- **Tastatur.** Vi tester at sidene og skjemaene kan brukes med tastatur alene.\n"
            "- **Redaktørene.** De som skriver innhold, har Wagtails innebygde "
            "tilgjengelighetssjekk. Den varsler for eksempel om manglende alternativ tekst eller "
            "overskrifter i feil rekkefølge.\n"
            "- **Krav i publiseringsverktøyet.** Bilder må ha alternativ tekst, og filmer i "
            "kursene må ha tekstefil og skriftlig versjon før de kan publiseres.",
        ),
        ("heading", {"text": "Kjente begrensninger", "level": "h2"}),
        (
            "markdown",
            "- **Eldre PDF-dokumenter.** Noen dokumenter som redaktører har lastet opp, er ikke "
            "laget med tanke på universell utforming og kan være vanskelige å lese med "
            "skjermleser.\n"
            "- **PDF-filer fra Mentornett.** Kursbevis, vedtaksbrev og avtaler som Mentornett "
            "lager som PDF, er ennå ikke merket for skjermlesere.\n"
            "- **Filmer utenfor kursene.** Filmer som kommuneteam laster opp i "
            "læringsnettverkene, har ikke alltid teksting. Filmer i kursene krever alltid "
            "tekstefil.\n"
            "- **Webinarer.** Digitale møter holdes i eksterne videomøteverktøy. "
            "Tilgjengeligheten der styrer ikke vi.",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Trenger du innholdet i et annet format?",
                "text": "<p>Send oss en e-post hvis du ikke får lest et dokument eller sett en "
                "film, eller hvis du trenger tilrettelegging på et webinar eller en samling. Vi "
                "finner en løsning sammen med deg.</p>",
            },
        ),
        ("heading", {"text": "Meld fra om problemer", "level": "h2"}),
        (
            "paragraph",
            "<p>Har du møtt på noe som ikke fungerer? Send en e-post til "
            "<b>post@mentornett.no</b>. Fortell gjerne hvilken "
            "side det gjelder, hva du prøvde å gjøre, og hvilket hjelpemiddel eller hvilken "
            "nettleser du bruker.</p>"
            "<p>Vi lover å svare deg innen 14 dager.</p>",
        ),
        ("heading", {"text": "Klage til tilsynet", "level": "h2"}),
        (
            "paragraph",
            "<p>Er du ikke fornøyd med svaret fra oss, kan du klage til Tilsynet for universell "
            'utforming av ikt på <a href="https://www.uutilsynet.no/">uutilsynet.no</a>.</p>'
            "<p>Erklæringen ble sist oppdatert 1. desember 2026.</p>",
        ),
    ],
}


PRIVACY_PAGE = {
    "slug": "personvern",
    "title": "Personvernerklæring",
    "lead": (
        "Hvilke personopplysninger Mentornett lagrer, hvorfor vi gjør det, hvem som kan se "
        "dem, og hvilke rettigheter du har."
    ),
    "body": [
        (
            "paragraph",
            "<p>Mentornett drives av programkontoret, som har ansvaret for mentoropplæringen, "
            "mentorordningen for veterinærer og læringsnettverkene for kommuner. "
            "Programkontoret er ansvarlig for personopplysningene som behandles her. Spørsmål "
            "sender du til "
            "<b>post@mentornett.no</b>.</p>",
        ),
        ("heading", {"text": "Kort fortalt", "level": "h2"}),
        (
            "markdown",
            "- Vi lagrer bare det vi trenger for kursene, arrangementene, læringsnettverkene og "
            "mentorordningen.\n"
            "- Filer du laster opp, ligger i en lukket lagring og har aldri en åpen lenke.\n"
            "- Vi bruker ingen informasjonskapsler for sporing eller statistikk.\n"
            "- Vi lagrer ikke fødselsnummeret ditt, og ikke kontonummeret ditt.\n"
            "- Profilen din kan du se og rette selv på Min side.\n"
            "- Alt vi har lagret om deg kan du laste ned, og du kan slette kontoen din selv, "
            "på Min side → Mine data.",
        ),
        ("heading", {"text": "Kontoen din", "level": "h2"}),
        (
            "paragraph",
            "<p>Når du oppretter en konto, lagrer vi navnet ditt, e-postadressen og passordet. "
            "Passordet lagres i en form som ikke kan leses tilbake, aldri i klartekst. Du kan også "
            "oppgi mobilnummer og hvilket språk du vil bruke.</p>"
            "<p>I profilen kan du fortelle hvilket yrke du har, hjemkommune, om du har norsk "
            "autorisasjon og hvilket år du fikk den, hvor mange års praksis du har, hvor du "
            "studerer, og om du vil være mentor. Vi bruker dette til å vise deg riktige kurs og "
            "arrangementer, og til å sjekke kravene i mentorordningen.</p>"
            "<p>Logger du inn med ID-porten eller Feide, lagrer vi en teknisk kode fra "
            "innloggingstjenesten, men ikke fødselsnummeret ditt.</p>"
            "<p><b>Grunnlaget:</b> avtalen du inngår når du oppretter en konto og bruker "
            "tjenestene.</p>",
        ),
        ("heading", {"text": "Kurs og kursbevis", "level": "h2"}),
        (
            "paragraph",
            "<p>Når du tar et kurs, lagrer vi hvilke leksjoner du har fullført og hvor langt du "
            "har kommet. Svar du skriver på refleksjonsspørsmål og øvelser, og svarene dine på "
            "quiz, er dine: de vises bare for deg. Programkontoret, redaktørene og arrangørene "
            "av læringsnettverk kan se hvem som er påmeldt et kurs og hvor langt de har kommet, "
            "men ikke hva du har skrevet.</p>"
            "<p>Når du fullfører et kurs, får du et kursbevis med navnet ditt, kurset, "
            "kursversjonen, læringsutbyttet, arbeidsmengden og datoen. Kursbeviset har en "
            "kontrollkode. Alle som har koden, kan sjekke på Mentornett hvem kursbeviset "
            "tilhører, hvilket kurs det gjelder og om det er gyldig. Vi teller hvor mange "
            "ganger et kursbevis er sjekket, men ikke hvem som sjekket det. PDF-en av "
            "kursbeviset og kursbeviset som Open Badges-fil finner du på Min side. "
            "Programkontoret har en liste over kursbevisene og kan trekke tilbake et kursbevis "
            "med en begrunnelse.</p>"
            "<p><b>Grunnlaget:</b> avtalen om å ta kurset, og for mentorordningen kravet om "
            "kursbevis før man kan søke.</p>",
        ),
        ("heading", {"text": "Arrangementer", "level": "h2"}),
        (
            "paragraph",
            "<p>Når du melder deg på et webinar eller en samling, lagrer vi påmeldingen, "
            "svarene dine på spørsmålene i påmeldingen, om du står på venteliste, om du har "
            "meldt deg av, og om du møtte. Har en teamkoordinator meldt deg på, lagrer vi det "
            "også. Arrangørene og programkontoret ser deltakerlistene.</p>"
            "<p>På webinarer kan arrangøren sette deltakerne i grupper. Gruppelisten med navn "
            "og rolle deles med den som leder webinaret, gjennom en hemmelig lenke. Har du "
            "bedt om en kalenderlenke, er den personlig, og du kan lage en ny når som helst.</p>"
            "<p>Den korte evalueringen etter et arrangement er anonym. Vi lagrer at du har "
            "svart, men selve svaret lagres for seg, uten kobling til deg.</p>"
            "<p><b>Grunnlaget:</b> påmeldingen din.</p>",
        ),
        ("heading", {"text": "Læringsnettverk", "level": "h2"}),
        (
            "paragraph",
            "<p>Er du med i et kommuneteam, lagrer vi at du er medlem og hvilken rolle du har. "
            "Invitasjoner til teamet sendes på e-post. Teamet leverer hjemmeoppgaver, "
            "statusrapporter, fremdriftsplaner og sluttrapport, og kan laste opp filer som "
            "filmer og plakater. Vi lagrer hvem som sendte hva og når, og kommentarene som "
            "skrives. Måletallene teamet registrerer, gjelder kommunen, ikke enkeltpersoner.</p>"
            "<p>Samarbeidsavtalen signeres i Mentornett av kommunens øverste leder og "
            "teamkoordinatoren. Da lagrer vi navn, stilling, tidspunkt og IP-adressen de "
            "signerte fra. Avtalen kan også lastes opp som skannet dokument.</p>"
            "<p><b>Hvem ser hva:</b> teamets medlemmer, rådgiveren for teamet og arrangørene av "
            "nettverket. Det teamet deler med hele nettverket, som plakatene i "
            "plakatvandringen, og kommentarer til hele nettverket, ser alle teamene i "
            "nettverket.</p>"
            "<p><b>Grunnlaget:</b> samarbeidsavtalen kommunen har inngått, og arbeidet med å "
            "drive nettverket.</p>",
        ),
        ("heading", {"text": "Mentorordningen for veterinærer", "level": "h2"}),
        (
            "paragraph",
            "<p>Søknaden inneholder type mentorforhold, periode, praksiskommune, arbeidsgiver "
            "og eventuell arbeidsavtale, bakvaktplan, perioden med omvendt påsitterpraksis, "
            "bekreftelse av forsikring, navn og e-post til kommunens kontaktperson, planlagt "
            "bruk av midlene, mentors erklæringer og mentees mål. Mentor kan oppgi navn og "
            "e-post til andre veiledere i mentorgruppen. Vi lagrer også hver endring i "
            "søknadens status og hvem som gjorde den, notater fra oppstartssamtalen og "
            "vedtaksbrevet.</p>"
            "<p>Når mentorforholdet er i gang, lagrer vi mentees krav med kvitteringer. For "
            "inseminasjonskurs lagrer vi også når jobben starter, hvor mange uker den varer og "
            "dokumentasjon på arbeidsforholdet. Til slutt lagrer vi begge evalueringene, "
            "rapporten fra mentor og beløpene som er utbetalt. Selve utbetalingen skjer ikke i "
            "Mentornett.</p>"
            "<p>For en MentorHub lagrer vi navn og organisasjonsnummer for veterinærsenteret, "
            "hvem som er mentorer der, og navn og e-post til studentene som registreres per "
            "uke. Lån av utstyrssett lagres med hvem som lånte, periode og formål.</p>",
        ),
        (
            "markdown",
            "**Hvem ser hva i mentorordningen**\n\n"
            "- **Mentor og mentee** ser søknaden sin.\n"
            "- **Krav og kvitteringer** ser bare mentee og programkontoret – ikke mentor, "
            "fordi bostøtten er behovsprøvd.\n"
            "- **Evalueringen din** leses av programkontoret. Programmet rapporterer "
            "gjennomsnittlig tilfredshet, aldri navnet ditt.\n"
            "- **Kommunens kontaktperson** får en e-post når søknaden er innvilget, og ser "
            "type mentorforhold, periode, om forholdet er i gang og navnene på mentor og "
            "mentee. Ikke beløp og ikke evalueringer.\n"
            "- **Tilskuddsmyndigheten** (Landbruksdirektoratet eller statsforvalterne) får en "
            "oversikt over fullførte mentorforhold: type, kommune, periode, navnene på mentor og "
            "mentee og beløpene som er innvilget, godkjent og utbetalt. Ikke kvitteringer, "
            "evalueringer eller rapporter.",
        ),
        (
            "paragraph",
            "<p><b>Grunnlaget:</b> avtalen om mentorforholdet – den innvilgede søknaden er "
            "kontrakten – og kravet om å dokumentere og rapportere hvordan tilskuddsmidlene er "
            "brukt.</p>",
        ),
        ("heading", {"text": "Hvor filene ligger", "level": "h2"}),
        (
            "paragraph",
            "<p>Kvitteringer, arbeidsavtaler, samarbeidsavtaler, vedtaksbrev, rapporter og "
            "filmer fra kommuneteamene ligger i en lukket lagring. De har aldri en åpen lenke. "
            "Mentornett sjekker hver gang at du har lov til å se filen før den lastes ned.</p>"
            "<p>PDF-en av kursbeviset ditt lagres under et tilfeldig filnavn som ikke kan "
            "gjettes, og lenken til den vises bare for deg.</p>",
        ),
        ("heading", {"text": "E-post vi sender", "level": "h2"}),
        (
            "markdown",
            "- Bekreftelse av e-postadressen og hjelp når du har glemt passordet\n"
            "- Kursbeviset når du har fullført et kurs\n"
            "- Påmelding, plass fra ventelisten, endringer, påminnelser og evaluering for "
            "arrangementer\n"
            "- Invitasjoner til team og søknader, og påminnelser om frister for "
            "hjemmeoppgaver\n"
            "- Vedtak, svar på krav, påminnelse om evaluering og beskjed om utbetaling i "
            "mentorordningen\n\n"
            "Vi sender ikke nyhetsbrev eller reklame.",
        ),
        ("heading", {"text": "Informasjonskapsler", "level": "h2"}),
        (
            "markdown",
            "Mentornett bruker bare informasjonskapsler som trengs for at nettstedet skal "
            "virke:\n\n"
            "- **Økt:** holder deg innlogget. Den slettes når du logger ut eller økten "
            "utløper.\n"
            "- **CSRF:** beskytter skjemaene mot falske innsendinger.\n"
            "- **mentornett_language:** husker språket du har valgt, i ett år.\n"
            "- **Beskjeder:** viser en kort beskjed på skjermen, for eksempel at "
            "evalueringen er sendt, og slettes straks etterpå.\n\n"
            "Vi bruker ingen informasjonskapsler for sporing, statistikk eller annonser, og "
            "ingen fra andre selskaper.",
        ),
        ("heading", {"text": "Logger", "level": "h2"}),
        (
            "paragraph",
            "<p>For å verne kontoen din lagrer vi innlogginger og mislykkede innloggingsforsøk "
            "med tidspunkt, IP-adresse og nettleser. Etter noen mislykkede forsøk stenges "
            "innloggingen en kort stund. Vi lagrer også resultatet av jobbene som går i "
            "bakgrunnen, som utsending av e-post.</p>"
            "<p>Administrasjonen har en logg over hvem som gjorde hva og når: vedtak om søknader, "
            "krav og utbetalinger, utstedte og tilbaketrukne kursbevis, påmeldinger og plass fra "
            "ventelisten, innsendte rapporter og tildelte roller. Loggen kan ikke endres i "
            "ettertid. Den viser at reglene ble fulgt, og kobler til personen med en referanse, "
            "ikke med navnet.</p>",
        ),
        ("heading", {"text": "Hvor lenge vi lagrer", "level": "h2"}),
        (
            "markdown",
            "- **Kontoen din** har du til du sletter den selv.\n"
            "- **Søknadsutkast som aldri ble sendt**, og **invitasjoner til team** som ingen har "
            "takket ja til, slettes når de har ligget urørt i ett år.\n"
            "- **Forespørsler, forslag og svar i Finn mentor** slettes ett år etter at de er "
            "avsluttet. Profilen din i Finn mentor vises bare hvis du selv velger det, og du kan "
            "skjule den når som helst.\n"
            "- **Logger over innlogginger** og **resultater fra bakgrunnsjobber** slettes etter "
            "90 dager. Utløpte økter slettes hver dag.\n"
            "- **Krav, kvitteringer og utbetalinger** i mentorordningen oppbevarer vi i fem år "
            "etter regnskapsårets slutt, fordi bokføringsloven krever det.\n"
            "- **Avgjorte søknader, rapporter og historikken i søknadene** tar vi vare på så "
            "lenge det kreves for rapporteringen til tilskuddsmyndigheten. Historikken kan ikke "
            "endres i ettertid.\n"
            "- **Administrasjonens logg** slettes ikke. Den viser hvem som gjorde hva, men uten "
            "navn når en konto er slettet.",
        ),
        ("heading", {"text": "Se og last ned dataene dine", "level": "h2"}),
        (
            "paragraph",
            "<p>På <b>Min side → Mine data</b> kan du laste ned alt Mentornett har lagret om deg, "
            "som en zip-fil. Den inneholder en fil med dataene (data.json), filene du har lastet "
            "opp, som kvitteringer, kontrakter og filer til teamet, kursbevisene dine som PDF, og "
            "en kort forklaring (README.txt) av hva hver del betyr.</p>"
            "<p>Svarene på de anonyme evalueringene etter arrangementer er ikke med: de er lagret "
            "uten kobling til deg, så vi kan ikke finne dem igjen.</p>",
        ),
        ("heading", {"text": "Slett kontoen din", "level": "h2"}),
        (
            "paragraph",
            "<p>På <b>Min side → Mine data</b> kan du også slette kontoen din. Du bekrefter med "
            "passordet ditt, eller med et ord hvis du logger inn med ID-porten eller Feide. "
            "Slettingen skjer med en gang, og vi sender en bekreftelse til e-postadressen din før "
            "den fjernes.</p>",
        ),
        (
            "markdown",
            "**Dette slettes med en gang**\n\n"
            "- navnet ditt, e-postadressene, mobilnummeret og passordet, og koblingen til "
            "ID-porten eller Feide\n"
            "- profilen din\n"
            "- svarene dine på refleksjonsspørsmål, øvelser og quiz\n"
            "- svarene dine i påmeldinger og kalenderlenken din\n"
            "- plassene dine på kommende arrangementer (den neste på ventelisten får plassen) og "
            "medlemskapene dine i team\n"
            "- invitasjoner til deg som du ikke har takket ja til\n"
            "- det du skrev med egne ord i evalueringen i mentorordningen\n"
            "- innloggingsloggene dine\n\n"
            "Søknader som ikke er avgjort ennå, trekkes.\n\n"
            "**Dette beholdes, uten navnet ditt**\n\n"
            "- krav, kvitteringer og utbetalinger, fordi bokføringsloven krever at vi oppbevarer "
            "dem i fem år\n"
            "- avgjorte søknader, rapporten fra mentor og historikken i søknaden, fordi de er "
            "ordningens vedtak og grunnlaget for det som er utbetalt og rapportert\n"
            "- administrasjonens logg, som viser at reglene ble fulgt\n"
            "- at kursbevisene dine ble utstedt: den som sjekker en kode, får vite at "
            "kursbeviset ble utstedt, men ikke hvem det tilhører\n"
            "- det du har sendt inn eller kommentert for et team, fordi det er teamets arbeid\n"
            "- kursframdrift, oppmøte og poengene i evalueringen, slik at tall og rapporter "
            "stemmer\n\n"
            "Der navnet ditt ble vist, står det «Slettet bruker». Kontoer med roller i "
            "administrasjonen eller i læringsnettverkene slettes av en administrator.",
        ),
        ("heading", {"text": "Dine rettigheter", "level": "h2"}),
        (
            "paragraph",
            "<p>Du har rett til å få vite hvilke opplysninger vi har om deg, få rettet feil og "
            "få slettet opplysninger. Navn, mobilnummer, språk og profil retter du selv på Min "
            "side, og på Mine data kan du laste ned dataene dine og slette kontoen. Har du "
            "spørsmål, eller vil du ha innsyn i noe du ikke finner der, sender du en e-post til "
            "<b>post@mentornett.no</b>. Opplysninger vi må ta "
            "vare på etter loven, kan vi ikke slette før fristen er ute.</p>"
            "<p>Mener du at vi behandler personopplysninger i strid med reglene, kan du klage "
            'til <a href="https://www.datatilsynet.no/">Datatilsynet</a>.</p>',
        ),
        (
            "callout",
            {
                "kind": "info",
                "title": "Spørsmål om personvern?",
                "text": "<p>Skriv til <b>post@mentornett.no</b>, så svarer vi deg.</p>",
            },
        ),
    ],
}
