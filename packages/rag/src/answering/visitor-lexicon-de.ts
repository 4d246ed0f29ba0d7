/**
 * VISITOR_LEXICON for German questions (see visitor-lexicon.ts for the line format and the rules): colloquial and
 * written words, the words of Germany's regions, Austria and Switzerland for one thing ("Sonnabend", "Jänner",
 * "Velo", "Natel", "Bim", "Coiffeur"), abbreviations and full words, and the everyday names of common front-desk
 * things. Written from general knowledge by category (not from any question set). Umlauts and accents are folded by
 * the matcher (tokenize) and "ß" is written "ss" here as answering reads it, so "Straße" is "strasse".
 *
 * German writes compounds as one word: a document's word also matches when it starts or ends with a table word of
 * five letters or more ("Kinderschnitt" for "Kinder", "Kreditkarte" for "Karte" is too short to count), see
 * visitor-phrases.ts. Sameness only: never two kinds of one kind, never a thing and its part, its place or who does
 * it; a word with another common sense ("Bar" is also a bar, "auf" a preposition, "zu" too, "Asche" ash, "Kiste" a
 * box, "verlegen" shy) is left out or one-way (`visitor words > document words`).
 */
export const VISITOR_LEXICON_DE: readonly string[] = [
  // --- Money and paying ---
  "kohle|knete|kies|zaster|moos|mause|piepen|kroten|penunzen|schotter > geld",
  "blechen|berappen|latzen > zahlen|bezahlen|bezahlt|gezahlt|zahlung|bezahlung",
  "bargeld|cash|in bar|bar zahlen|barzahlung > bargeld|barzahlung|in bar|bar zahlen|bar bezahlen",
  "ec-karte|ec karte|girokarte|bankkarte|debitkarte|maestro-karte|maestrokarte",
  "kreditkarte|kreditkarten|visa|mastercard|amex",
  "kartenzahlung|mit karte zahlen|mit karte bezahlen|kartenzahlungen",
  "kontaktlos|kontaktlos zahlen|nfc",
  "anzahlung|vorauszahlung|vorkasse|angeld|anzahlungen",
  "pfand > kaution",
  "kaution|sicherheitsleistung|kautionen",
  "prozente|nachlass|preisnachlass|vergunstigung|vergunstigungen > rabatt|ermassigung|nachlass|ermassigungen",
  "rabatt|ermassigung|rabatte|ermassigungen|preisnachlass",
  "umsonst|gratis|fur umme|for umme > kostenlos|kostenfrei|gratis|gebuhrenfrei",
  "kostenlos|kostenfrei|gebuhrenfrei|gratis",
  "uberweisung|uberweisen|bankuberweisung|uberweisungen",
  "lastschrift|abbuchung|bankeinzug|sepa-lastschrift|einzugsermachtigung|lastschriftverfahren",
  "bon|kassenbon|kassenzettel|beleg > quittung|beleg|kassenbon",
  "quittung|quittungen|zahlungsbeleg",
  "mwst|mehrwertsteuer|ust|umsatzsteuer",
  "raten|in raten|ratenzahlung|teilzahlung|abstottern|abzahlen > ratenzahlung|in raten|teilzahlung|ratenweise",
  "gutschein|gutscheine|geschenkgutschein|geschenkgutscheine|voucher",
  "trinkgeld|trinkgelder",

  // --- Getting there and parking ---
  "karre|schlitten|pkw|kfz > auto|autos|pkw|fahrzeug|fahrzeuge|wagen",
  "auto|autos|pkw|personenwagen",
  // "Abstellen" alone puts down anything (a bike too, which "Parkplätze" do not take): only a car is parked so.
  "parken|parke|parkt|parkst|auto abstellen|wagen abstellen|auto hinstellen > parkplatz|parkplatze|parken|parkhaus|tiefgarage|parkmoglichkeit|parkmoglichkeiten|stellplatz|stellplatze|parkgelegenheit",
  "parkplatz|parkplatze|stellplatz|stellplatze|parkmoglichkeit|parkmoglichkeiten|parkgelegenheit|parkgelegenheiten|parkflache|parkflachen",
  "parkgarage|parkdeck|parkhauser > parkhaus",
  "parkgebuhr|parkgebuhren|parkticket|parkschein|parktickets|parkscheine",
  "offis|opnv|offentliche verkehrsmittel|offentlichen verkehrsmitteln|nahverkehr|bus und bahn",
  "tram|trams|strassenbahn|strassenbahnen|bim|trambahn|tramlinie|strassenbahnlinie",
  "bus|busse|omnibus|linienbus|autobus",
  "ubahn|u-bahn|metro",
  "bushalte|bushaltestelle|haltestelle|haltestellen|bushaltestellen",
  "velo|velos|drahtesel|radl|bike|bikes > fahrrad|fahrrader|rad|rader",
  "fahrrad|fahrrader|velo|velos",
  "fahrradstander|radstander|fahrradstellplatz|fahrradstellplatze|veloparkplatz|abstellplatz fur fahrrader",
  "e-auto|e-autos|elektroauto|elektroautos|e-fahrzeug|elektrofahrzeug|stromer",
  "ladesaule|ladesaulen|ladestation|ladestationen|ladepunkt|ladepunkte|e-tankstelle",
  "lappen|pappe|fleppe > fuhrerschein|fahrerlaubnis",
  "fuhrerschein|fahrerlaubnis|fuhrerausweis",
  "fahrschule|fahrschulen|autofahrschule",
  "sprit > benzin|kraftstoff|treibstoff",

  // --- Phone, mail, web ---
  "handy|handys|natel|smartphone|mobiltelefon|mobiltelefone|mobiltelefonen",
  "handynummer|natelnummer|mobilnummer|mobilfunknummer|handy-nummer",
  "tel|telnr|fon|rufnummer > telefon|telefonnummer|rufnummer",
  "durchklingeln|anklingeln|anbimmeln > anrufen|telefonisch|telefonieren",
  "anrufen|telefonieren|telefonisch|anruf|anrufe",
  "mail|email|e-mail|mails|emails|e-mails|elektronische post",
  "mailadresse|emailadresse|e-mail-adresse|mail-adresse|email-adresse",
  "whatsi|whatsapp-nachricht > whatsapp",
  "homepage|webseite|website|internetseite|internetauftritt|webauftritt",
  "wlan|wifi|wi-fi|w-lan|hotspot",
  "online|im internet|uber das internet|per internet",
  "sms|textnachricht|kurznachricht",

  // --- Appointments and booking ---
  "ausmachen|abmachen|klarmachen > vereinbaren|vereinbart|buchen|gebucht",
  "termin ausmachen|termin vereinbaren|termin abmachen|termin buchen|termin machen|termin holen|termin kriegen|termin bekommen|termine vereinbaren|termine buchen",
  "canceln|gecancelt|gecanceled|cancel > absagen|stornieren|absage|stornierung|storno|abgesagt|storniert",
  "absagen|stornieren|absage|stornierung|storno|absagen sie",
  "umbuchen|umlegen|umbuchung|verlegen > verschieben|umbuchen|umbuchung|verlegt",
  "spontan|einfach vorbeikommen|walk-in|walk in|ohne voranmeldung > ohne termin|ohne anmeldung",
  "ohne termin|ohne anmeldung|ohne voranmeldung",
  "einschreiben|eintragen|einschreibung > anmelden|anmeldung|anmeldungen",
  "anmeldung|anmeldungen|einschreibung",
  "abmelden|austreten|austritt > kundigen|kundigung|gekundigt",
  "kundigung|kundigen|kundigungsfrist|kundigungen",
  "abo|abos > abonnement|mitgliedschaft|abonnements",
  "monatsbeitrag|monatsbeitrage|monatsgebuhr|monatsgebuhren|monatlicher beitrag|monatspreis",
  "warteliste|wartelisten|nachrucker",

  // --- Days, times and closing ---
  "samstag|sonnabend|samstags|sonnabends",
  "janner > januar",
  "feber > februar",
  "feiertag|feiertage|feiertagen|gesetzliche feiertage|gesetzlichen feiertagen|feiertags",
  "betriebsferien|betriebsurlaub|werksferien|betriebsruhe",
  "dicht|dichtgemacht|zugemacht > geschlossen",
  "viertelstunde|viertel stunde > 15 minuten",
  "halbe stunde|halbes stundchen > 30 minuten",
  "dreiviertelstunde|dreiviertel stunde > 45 minuten",
  "anderthalb stunden|eineinhalb stunden > 90 minuten",
  "min|mins > minuten|minute",
  "std|stdn > stunden|stunde",

  // --- People ---
  "kids|kiddies|knirps|knirpse|zwerge|gören|goren|blagen|racker|nachwuchs|lutte > kinder|kind|kindern",
  "kinder|kind|kindern",
  "baby|babys|saugling|sauglinge|neugeborene",
  "teens|teenies|teenager|halbstarke > jugendliche|jugendlichen|jugend",
  "jugendliche|jugendlichen|teenager|heranwachsende",
  "senioren|seniorinnen|rentner|rentnerin|rentnerinnen|pensionare|pensionisten|altere menschen|altere leute|rentner und rentnerinnen",
  "azubi|azubis|auszubildende|auszubildender|auszubildenden|lehrling|lehrlinge|lehrlingen",
  "studis|studi > studierende|studierenden|studenten|studentinnen",
  "studenten|studierende|studierenden|studentinnen|studentin|student",
  "schulkinder|schuler|schulerinnen|schulerin",
  "arbeitslose|arbeitslosen|erwerbslose|erwerbslosen|jobsuchende|arbeitssuchende",
  "chef|chefin|inhaber|inhaberin|besitzer|besitzerin > inhaber|inhaberin|chef|chefin|leitung|leiter|leiterin",
  "coach|coaches > trainer|trainerin|lehrer|lehrerin",
  "doktor|dok > arzt|arztin|doktor",
  "arzt|arztin|doktor|doktorin|mediziner|medizinerin",
  "hausarzt|hausarztin|allgemeinarzt|allgemeinmediziner",
  "tierarzt|tierarztin|veterinar|veterinarin",
  "physio > physiotherapie|physiotherapeut|physiotherapeutin|krankengymnastik",
  "physiotherapie|krankengymnastik",
  "zahnarzt|zahnarztin|zahnmediziner",
  "friseur|friseurin|friseure|frisor|frisorin|coiffeur|coiffeuse|haarstylist|figaro",
  "metzger|fleischer|fleischhauer|schlachter|metzgerei|fleischerei",
  "babysitter|babysitterin|kinderbetreuung|kinderbetreuer",

  // --- Animals ---
  "wauwau|toele|tole|koter|fiffi|hundchen|fellnase|fellnasen > hund|hunde|hunden",
  "mieze|miezekatze|stubentiger|katzchen > katze|katzen",
  "haustier|haustiere|haustieren",
  "impfpass|impfausweis|heimtierausweis|ausweis fur tiere",
  "gassi gehen|gassi|mit dem hund rausgehen > spaziergang|spaziergange|ausfuhren|gassigehen",

  // --- Places in the building ---
  "klo|klos|ortchen|stilles ortchen|lokus > toilette|toiletten|wc",
  "toilette|toiletten|wc|wcs",
  "behindertentoilette|behinderten-wc|rollstuhlgerechte toilette|barrierefreie toilette|behinderten wc",
  "rolli|rollis > rollstuhl|rollstuhle",
  "rollifahrer|rollifahrerin|rollifahrerinnen > rollstuhlfahrer|rollstuhlfahrerin|rollstuhlfahrerinnen",
  "behindertengerecht|barrierefrei|rollstuhlgerecht|behindertenfreundlich|rollstuhlzuganglich|stufenlos",
  "aufzug|fahrstuhl|lift|aufzuge",
  "umkleide|umkleiden|umkleidekabine|umkleidekabinen|umkleideraum|umkleideraume|garderobe zum umziehen",
  "spind|spinde > schliessfach|schliessfacher",
  "schliessfach|schliessfacher|spind|spinde",
  "tresen|theke",
  "rezeption|empfang",
  "wartezimmer|wartebereich|warteraum",
  "foyer|eingangsbereich|eingangshalle|lobby",
  "kinderwagen|buggy|kinderkarre|sportwagen > kinderwagen|buggy",

  // --- Food and drink ---
  "kaffchen|kaffeechen|kaffe|koffein > kaffee",
  "bierchen|pils|pilsner|pilsener|helles > bier",
  "drinks|was zu trinken|getrank > getranke|getrank",
  "snacks|was zu essen|imbiss|happchen > snacks|speisen|imbiss",
  "brotchen|semmel|semmeln|schrippe|schrippen|weckle|weck|wecken|rundstuck|rundstucke|weggli",
  "tute|tuten|sackerl|tutchen > tute|tuten|beutel",

  // --- Clothes and kit ---
  "sneaker|sneakers|treter|turnschuh|turnschuhe|sportschuhe|sportschuh > turnschuhe|turnschuh|sportschuhe|sportschuh|sneaker",
  "klamotten|kluft|outfit|sachen zum anziehen > kleidung|kleider|bekleidung",
  "jogginghose|trainingshose|sporthose|jogginghosen",
  "badehose|badeshorts|badehosen",
  "badeanzug|schwimmanzug|badeanzuge",
  "badekappe|badehaube|badekappen|schwimmkappe",

  // --- Hair, beauty, health ---
  "haarschnitt|haarschnitte|haare schneiden|haare geschnitten|frisur schneiden > schnitt|schnitte|haarschnitt|schneiden",
  "herrenhaarschnitt|mannerhaarschnitt|mannerschnitt|herrenschnitt|herrenschnitte",
  "damenhaarschnitt|frauenhaarschnitt|damenschnitt|damenschnitte",
  "strahnchen|strahnen|highlights|folienstrahnen",
  "stirnfransen|ponyfransen > pony",
  "bart trimmen|bart stutzen|bartschnitt|bart schneiden|bart machen > bartpflege|bartschnitt|bart",
  "colorieren|coloriert > farben|gefarbt",
  "brautfrisur|hochzeitsfrisur|hochzeitsstyling > brautstyling|brautfrisur",
  "zahnreinigung|professionelle zahnreinigung|pzr",
  "krankschreibung|krankmeldung|gelber schein|au-bescheinigung|arbeitsunfahigkeitsbescheinigung",

  // --- Courses and classes ---
  "probestunde|probestunden|schnupperstunde|schnupperstunden|probetraining|schnuppertraining|probelektion|probetanzen|schnupperkurs",
  "privatstunde|privatstunden|einzelstunde|einzelstunden|einzelunterricht|privatunterricht|privatlektion|privatlektionen",
  "anfangerkurs|anfangerkurse|einsteigerkurs|einsteigerkurse|grundkurs|grundkurse|kurs fur anfanger|fur einsteiger",
  "anfanger|anfangerin|einsteiger|einsteigerin|neulinge|neuling|anfangern|einsteigern",
  "nachholen|nachholstunde|ersatzstunde|nachholtermin|nachgeholt",
  "zertifikat|zertifikate|teilnahmebescheinigung|teilnahmezertifikat|teilnahmeurkunde",

  // --- Lost things and the rest ---
  "liegen lassen|liegengelassen|liegen gelassen|vergessen > liegengebliebene|liegen gebliebene|fundsachen|fundburo",
  "fundsachen|fundburo|liegengebliebene sachen|fundstucke",
  "hausbesuch|hausbesuche|heimbesuch|heimbesuche",
  "nach hause kommen|zu mir kommen|zu mir nach hause > hausbesuch|hausbesuche|zu ihnen nach hause",
];
