# annals: die Oberfläche auf Deutsch.

## Der Rahmen jeder Seite

skip = Zum Inhalt springen
site-search = Die Website durchsuchen
search-label = Ereignisse suchen
search-placeholder = Ereignisse, Orte, Personen
search-button = Suchen
nav-explore = Entdecken
nav-timeline = Zeitleiste
nav-map = Karte
nav-new-event = Neues Ereignis
nav-review = Prüfen
signed-in-as = Angemeldet als { $name } ({ $role })
sign-out = Abmelden
sign-out-who = Abmelden ({ $name })
sign-in = Anmelden
footer-about = annals, eine Suchmaschine für historische Ereignisse
footer-api = API
footer-dates = Daten, wie Historiker sie schreiben, EDTF in den Daten
footer-language = Sprache
open-in-annals = In annals öffnen

## Fehler und leere Seiten

error-bad-request = Diese Anfrage konnte nicht gelesen werden
error-not-found = Nicht gefunden
error-busy = Der Server ist ausgelastet
error-too-many = Zu viele Anfragen
error-other = Etwas ist schiefgegangen
error-try-again = Bitte versuchen Sie es gleich noch einmal.
retry-region = Erneut suchen
retry-label = Ereignisse durchsuchen
retry-examples = Zum Beispiel:
retry-treaty = Vertrag
retry-bc = Schlachten vor unserer Zeitrechnung
retry-or = oder
retry-timeline = die ganze Zeitleiste
no-page = Hier gibt es keine Seite
no-page-lede = Die Adresse ist vielleicht falsch geschrieben, oder die Seite wurde verschoben.
no-event = Dieses Ereignis gibt es nicht
no-event-short = Ereignis nicht gefunden
no-event-lede = Kein Ereignis hat die Kennung
no-event-perhaps = Vielleicht eines der Ereignisse, die man findet beim
no-event-searching = Suchen nach „{ $words }“
no-story = Diese Geschichte gibt es nicht
no-story-short = Geschichte nicht gefunden
no-story-lede = Keine Geschichte hat die Kennung
query-error = Diese Suche konnte nicht gelesen werden
query-error-short = Suche nicht verstanden
query-error-where = Stelle in der Anfrage
query-error-combine = Wörter, "Wortgruppen", -Ausschlüsse, OR und Filter lassen sich verbinden, etwa
query-error-docs = Die ganze Sprache beschreibt docs/query.md.
# Was an einer Anfrage falsch ist (annals_query::Problem), nach „Diese Suche konnte nicht gelesen werden“.
# $found ist eines der query-found-*-Wörter; $open, $first: die Stelle eines Zeichens in der Anfrage.
query-found-open = '('
query-found-close = ')'
query-found-or = OR
query-found-minus = '-'
query-found-word = ein Wort
query-found-phrase = eine Wortgruppe
query-found-filter = ein Filter
query-found-sort = sort:
query-found-end = das Ende der Anfrage
query-too-long = Die Anfrage ist { $bytes } Bytes lang; erlaubt sind höchstens { $max }.
query-too-many-clauses = Zu viele Bestandteile: Eine Anfrage darf höchstens { $max } Wörter, Wortgruppen und Filter enthalten.
query-too-deep = Klammern zu tief verschachtelt: Erlaubt sind höchstens { $max } Ebenen.
query-no-open = Unerwartete ')': Dazu gibt es keine öffnende '('.
query-unexpected = Unerwartet an dieser Stelle: { $found }.
query-unclosed = Es fehlt die ')' zur '(' an Stelle { $open }.
query-empty-parentheses = Leere Klammern: Zwischen der '(' an Stelle { $open } und dieser ')' wird ein Wort, eine Wortgruppe, ein Filter oder eine '(' erwartet.
query-nothing-before-or = Vor OR wird ein Wort, eine Wortgruppe, ein Filter oder eine '(' erwartet.
query-expected = Erwartet wird ein Wort, eine Wortgruppe, ein Filter oder eine '(', gefunden: { $found }.
query-expected-after-open = Nach '(' wird ein Wort, eine Wortgruppe, ein Filter oder eine '(' erwartet, gefunden: { $found }.
query-expected-after-or = Nach OR wird ein Wort, eine Wortgruppe, ein Filter oder eine '(' erwartet, gefunden: { $found }.
query-expected-after-minus = Nach '-' wird ein Wort, eine Wortgruppe, ein Filter oder eine '(' erwartet, gefunden: { $found }.
query-or-after-or = Nach OR wird ein Wort, eine Wortgruppe, ein Filter oder eine '(' erwartet, nicht noch ein OR.
query-minus-after-minus = Nach '-' wird ein Wort, eine Wortgruppe, ein Filter oder eine '(' erwartet, nicht noch ein '-'.
query-or-after-minus = Nach '-' wird ein Wort, eine Wortgruppe, ein Filter oder eine '(' erwartet, nicht OR (um das Wort auszuschließen, schreiben Sie -"OR").
query-space-after-minus = Direkt nach '-' wird ein Wort, eine Wortgruppe, ein Filter oder eine '(' erwartet (schreiben Sie -Wort, um ein Wort auszuschließen).
query-sort-in-or = sort: gilt für die ganze Anfrage und kann daher nicht eine Seite eines OR sein; setzen Sie es außerhalb, etwa (a OR b) sort:date.
query-sort-excluded = sort: gilt für die ganze Anfrage und kann daher nicht mit '-' ausgeschlossen werden.
query-second-sort = Eine Anfrage darf nur ein sort: enthalten (das erste steht an Stelle { $first }).
query-unterminated-phrase = Nicht abgeschlossene Wortgruppe: Es fehlt das '"' zum '"' an Stelle { $open }.
query-unterminated-value = Nicht abgeschlossener Wert in Anführungszeichen: Es fehlt das '"' zum '"' an Stelle { $open }.
query-empty-phrase = Leere Wortgruppe: Zwischen den Anführungszeichen werden Wörter erwartet.
query-empty-value = Leerer Wert: Zwischen den Anführungszeichen nach '{ $key }:' wird etwas erwartet.
query-missing-value = Nach '{ $key }:' wird ein Wert erwartet.
query-missing-value-any = Nach '{ $key }:' wird ein Wert erwartet; um einen von mehreren Werten zuzulassen, schreiben Sie (…) OR (…), etwa ({ $name }:a OR { $name }:b).
query-unknown-sort = Unbekannte Sortierung „{ $value }“: Erwartet wird relevance, date (älteste zuerst) oder -date (neueste zuerst).
query-reversed-range = Vertauschter Datumsbereich: „{ $from }“ beginnt erst nach dem Ende von „{ $to }“; schreiben Sie das frühere Datum zuerst.
query-no-day = Das Datum „{ $value }“ bezeichnet keinen Tag: Ein Ende ist offen, das andere unbekannt.
# $problem: was der Datumsleser meldet, auf Englisch.
query-date = Dieses Datum kann nicht gelesen werden: { $problem }
query-date-quote = Dieses Datum kann nicht gelesen werden: { $problem } (ein Datum ohne Anführungszeichen wird als EDTF gelesen; um es als geschriebenen Text zu lesen, setzen Sie es in Anführungszeichen: { $quote })
# $coordinate ist eines der query-coordinate-*-Wörter (stets im Nominativ nach „ein“).
query-coordinate-latitude = Breitengrad
query-coordinate-longitude = Längengrad
query-coordinate-south = südlicher Breitengrad
query-coordinate-west = westlicher Längengrad
query-coordinate-north = nördlicher Breitengrad
query-coordinate-east = östlicher Längengrad
query-not-degrees = Erwartet wird ein { $coordinate } in Dezimalgrad, etwa 35.68, gefunden: „{ $found }“.
query-degrees-range = Der Wert { $value } liegt außerhalb des zulässigen Bereichs: Ein { $coordinate } muss zwischen -{ $limit } und { $limit } liegen.
query-near-form = Erwartet wird near:BREITE,LÄNGE,RADIUS, etwa near:35.68,139.69,300km, gefunden: „{ $found }“.
query-radius-form = Erwartet wird ein Radius mit Einheit (km, m oder mi), etwa 300km, 500m oder 20mi, gefunden: „{ $found }“.
query-radius-range = Der Radius { $value } liegt außerhalb des zulässigen Bereichs: Er muss größer als 0 und höchstens { $max } km sein.
query-bbox-form = Erwartet wird bbox:SÜD,WEST,NORD,OST in Grad, etwa bbox:24,122,46,146, gefunden: „{ $found }“.
query-south-of-north = Der südliche Breitengrad { $south } liegt nördlich des nördlichen Breitengrads { $north }.

## Die Seite eines Ereignisses

facts = Auf einen Blick
fact-date = Datum
fact-duration = Dauer
fact-places = { $n ->
    [one] Ort
   *[other] Orte
}
fact-participants = Beteiligte
fact-kind = Art
fact-tags = Schlagwörter
days = { $n ->
    [one] { $n-shown } Tag
   *[other] { $n-shown } Tage
}
months = { $n ->
    [one] { $n-shown } Monat
   *[other] { $n-shown } Monate
}
years = { $n ->
    [one] { $n-shown } Jahr
   *[other] { $n-shown } Jahre
}
on-world-map = { $place } auf einer Weltkarte
this-record = Dieser Eintrag
edit = Bearbeiten
history = Versionen
earlier-and-later = Frühere und spätere Ereignisse
earlier = Davor
later = Danach
narrative = Darstellung
key-points = Das Wichtigste
how-it-connects = Zusammenhänge
see-also = Siehe auch
rel-part-of = Teil von
rel-has-part = Teile davon
rel-precedes = Gefolgt von
rel-follows = Folgte auf
rel-causes = Führte zu
rel-caused-by = Verursacht durch
rel-related = Verwandte Ereignisse
why-participants = ebenfalls mit { $names }
why-place = ebenfalls in { $place }
why-text = eine ähnliche Geschichte
why-time = etwa zur selben Zeit
sources = Quellen
source-accessed = Abgerufen am { $date }
source-licence = Lizenz: { $licence }
on-the-timeline = Auf der Zeitleiste
on-the-map = Auf der Karte
cite = Dieses Ereignis zitieren
cite-text = Text
cite-plain = „{ $title }“ ({ $date }). In annals. Abgerufen am { $accessed } von { $url }
before-and-after = Ereignisse davor und danach
media = Bilder und Aufnahmen
media-see = Bild ansehen
media-listen = Anhören
media-watch = Ansehen
embed = Auf Ihrer Website einbinden
embed-copy = Kopieren Sie dies in Ihre Seite:

## Arten von Ereignissen

kind-battle = Schlacht
kind-siege = Belagerung
kind-treaty = Vertrag
kind-peace = Friedensvertrag
kind-assassination = Attentat
kind-coronation = Krönung
kind-founding = Gründung
kind-fall = Fall eines Staates oder einer Stadt
kind-sack = Plünderung einer Stadt
kind-eruption = Vulkanausbruch
kind-earthquake = Erdbeben
kind-launch = Start
kind-landing = Landung
kind-election = Wahl
kind-revolution = Revolution
kind-war = Krieg
kind-declaration = Erklärung
kind-discovery = Entdeckung
kind-invention = Erfindung
kind-publication = Veröffentlichung
kind-construction = Bau
kind-unification = Einigung
kind-conquest = Eroberung
kind-council = Konzil
kind-congress = Kongress
kind-conference = Konferenz
kind-massacre = Massaker
kind-rebellion = Rebellion
kind-uprising = Aufstand
kind-crisis = Krise
kind-expedition = Expedition
kind-voyage = Reise
kind-formation = Entstehung
kind-extinction = Aussterben

## Die Startseite

home-title = Historische Ereignisse
home-description = Eine Wissensbasis historischer Ereignisse: Suche, eine Zeitleiste von der Erdgeschichte bis heute und eine Karte.
home-lede = { $n ->
    [one] { $n-shown } historisches Ereignis
   *[other] { $n-shown } historische Ereignisse
}, von der Entstehung der Erde bis heute. Suchen Sie nach Wörtern, Daten, Orten und Personen in einer Anfrage.
home-search-region = Alle Ereignisse durchsuchen
home-placeholder = Vertrag, Napoleon, country:Deutschland, date:1900..1950
home-try = Versuchen Sie
stories = Geschichten
stops = { $n ->
    [one] { $n-shown } Station
   *[other] { $n-shown } Stationen
}
all-stories = Alle Geschichten
recently-changed = Zuletzt geändert
on-this-day = Was geschah am { $date }?
nothing-today = Für diesen Tag ist noch nichts verzeichnet.
browse-era = Nach Epochen
browse-region = Nach Regionen
all-on-map = Alle auf der Karte
events = { $n ->
    [one] { $n-shown } Ereignis
   *[other] { $n-shown } Ereignisse
}
era-deep-time = Erdgeschichte
era-prehistory = Vorgeschichte und die ersten Städte
era-ancient = Die Antike
era-middle-ages = Das Mittelalter
era-early-modern = Die Frühe Neuzeit
era-19th-century = Das 19. Jahrhundert
era-20th-century = Das 20. Jahrhundert
era-21st-century = Das 21. Jahrhundert

## Suche

search-title = Suche
search-title-q = Suche: { $q }
search-description = Historische Ereignisse zu { $q }, mit der Fundstelle und dem Zeitpunkt.
matches = { $n ->
    [one] { $n-shown } Ereignis gefunden
   *[other] { $n-shown } Ereignisse gefunden
}
refine = Suche verfeinern
order = Reihenfolge
best-first = beste Treffer zuerst
oldest-first = älteste zuerst
newest-first = neueste zuerst
from = Von
from-example = 500 v. Chr.
to = bis
apply = Anwenden
active-filters = Filter dieser Suche
remove-filter = Filter { $filter } entfernen
did-you-mean = Meinten Sie
matched = Gefunden über { $field }:
field-participant = Beteiligte
field-place = Ort
field-tag = Schlagwort
more-results = Weitere Treffer
timeline-of-these = Diese Ereignisse auf der Zeitleiste
map-of-these = Diese Ereignisse auf der Karte
narrow = Suche eingrenzen
estimated = Anzahlen aus einer Stichprobe der Treffer geschätzt.
facet-country = Länder
facet-participant = Personen und Staaten
facet-tag = Schlagwörter
facet-century = Jahrhunderte
about = etwa { $n-shown }
no-match = Kein Ereignis passt zu
no-match-this = dieser Suche
no-match-remove = Entfernen Sie den Filter
no-match-widen = Erweitern Sie den Zeitraum, oder
no-match-all-dates = suchen Sie in allen Zeiten
no-match-words = Verwenden Sie weniger oder andere Wörter: Wörter werden mit ihren Endungen gefunden (treaties findet treaty), auch mit ein, zwei Tippfehlern.
no-match-phrase = Versuchen Sie eine Wortgruppe in Anführungszeichen oder OR zwischen Alternativen:

## Zeiträume und Zeitleiste

unit-day = Tag
unit-month = Monat
unit-year = Jahr
unit-decade = Jahrzehnt
unit-century = Jahrhundert
unit-millennium = Jahrtausend
unit-years = { $n-shown } Jahre
unit-million-years = { $n ->
    [one] Million Jahre
   *[other] { $n-shown } Millionen Jahre
}
unit-billion-years = { $n ->
    [one] Milliarde Jahre
   *[other] { $n-shown } Milliarden Jahre
}
period-to = { $a } bis { $b }
matches-over-time = Treffer im Lauf der Zeit, je { $unit }
matches-by = Treffer je { $unit }
events-by = { $n ->
    [one] { $n-shown } Ereignis
   *[other] { $n-shown } Ereignisse
}, je { $unit }.
timeline-description = Historische Ereignisse auf einer Zeitleiste von der Erdgeschichte bis heute.
tl-interactive = Interaktive Zeitleiste
tl-controls = Steuerung der Zeitleiste
zoom-out = Verkleinern
zoom-in = Vergrößern
pan-earlier = Früher
pan-later = Später
show-all = Alle Ereignisse zeigen
everything = Alles
lanes = Spuren
colours = Farben
colours-automatic = Automatisch
lanes-none = Keine
lanes-tag = Schlagwort
lanes-country = Land
lanes-participant = Beteiligte
tl-keys = Zeitleiste: + und − zoomen, Pfeiltasten verschieben, Tab springt zu den Ereignissen
legend = Legende
tl-help = Scrollen oder Zwei-Finger-Geste zum Zoomen, Ziehen zum Verschieben; Tasten + − ← →. Der Streifen oben zeigt den ganzen Zeitraum: Klicken oder Ziehen springt dorthin. Zeigen Sie auf ein Ereignis, um seine Zusammenhänge zu sehen; ein Klick öffnet es.
tl-map = Karte der Ereignisse in diesem Zeitraum
map-of-window = Karte dieses Zeitraums
download-window = Diesen Zeitraum als Abbildung herunterladen:
period = Zeitraum
events-heading = Ereignisse
most-important = Die wichtigsten

## Die Karte

map-description = Historische Ereignisse auf einer Weltkarte, nach Orten benannt.
map-all-time = Alle Zeiten
map-deep-time = Erdgeschichte
map-antiquity = Antike
map-middle-ages = Mittelalter
map-early-modern = 1500–1800
map-19th-century = 19. Jahrhundert
map-20th-century = 20. Jahrhundert
map-since-2000 = Seit 2000
map-matching = zu { $q }
map-from-to = von { $from } bis { $to }
map-the-first = dem Anfang
map-the-last = zum Ende
map-in-view = in diesem Ausschnitt
map-located = { $n ->
    [one] { $n-shown } verortetes Ereignis
   *[other] { $n-shown } verortete Ereignisse
}
map-deep = { $n ->
    [one] { $n-shown } stammt
   *[other] { $n-shown } stammen
} aus der Erdgeschichte (vor 10.000 v. Chr.), hohl gezeichnet: die heutigen Küsten sind nicht ihre.
map-around = um { $place }
map-came-from = das Ereignis, von dem Sie kommen
map-best-known = Die bekanntesten hier
map-showing = Gezeigt wird
map-showing-at = in { $place }, in Blau.
map-controls = Steuerung der Karte
pan-west = Nach Westen
pan-north = Nach Norden
pan-south = Nach Süden
pan-east = Nach Osten
whole-world = Die ganze Welt
world = Welt
map-keys = Karte: + und − zoomen, Pfeiltasten verschieben, Tab springt zu den Ereignissen
world-map = Weltkarte der Ereignisse
map-an-event = ein Ereignis
map-near = Ereignisse nahe beieinander: hineinzoomen
map-periods = Zeiträume
map-when = Wann:
map-form = Ereignisse auf der Karte
map-from-example = 1800, 44 v. Chr., 66 Ma
map-to = Bis
map-show = Zeigen
search-results = Suchergebnisse
download-view = Diesen Ausschnitt als Abbildung herunterladen:

## Orte und Beteiligte

place-description = Ereignisse in { $name }, in der Zeit und auf einer Karte.
participant-description = Ereignisse, an denen { $name } beteiligt war, in der Zeit.
kind-place = Ort
kind-participant = Beteiligte
events-in = { $n ->
    [one] { $n-shown } Ereignis
   *[other] { $n-shown } Ereignisse
}, { $period }.
events-from-to = { $n ->
    [one] { $n-shown } Ereignis
   *[other] { $n-shown } Ereignisse
}, von { $from } bis { $to }.
no-events-here = Hier ist noch kein Ereignis verzeichnet.
search-within = In diesen Ereignissen suchen
roles = Rollen
who-took-part = Wer hier beteiligt war
took-part-with = Beteiligt zusammen mit
events-in-time = Ereignisse in der Zeit
later-events = Spätere Ereignisse

## Die Wörter der Skripte

js-months-short = Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.
js-bc = { $y } v. Chr.
js-ad = { $y } n. Chr.
js-decimal = ,
js-ago = vor { $x }
js-your-periods = Ihre Zeiträume
js-period-name = Name
js-from-year = Von Jahr
js-to-year = Bis Jahr
js-add-period = Zeitraum hinzufügen
js-year-example = Ein Jahr wie 1914, -43 oder 66 Ma
js-remove-period = Zeitraum { $name } entfernen
js-remove = Entfernen
js-timeline-failed = Die Zeitleiste konnte nicht geladen werden: { $error }
js-events-one = { $n } Ereignis
js-events-other = { $n } Ereignisse
js-other = Andere
js-other-values = andere
js-more-here = { $n } weitere Ereignisse hier: zum Vergrößern klicken
js-colours-by = Farben nach { $by }:
js-by-tag = Schlagwort
js-by-country = Land
js-by-participant = Beteiligten
js-key-span = ein Zeitraum (verblassende Enden: ungefähr)
js-key-dot = ein Ereignis; kleine Punkte: kein Platz für den Namen
js-key-more = weitere Ereignisse: zum Vergrößern klicken
js-key-relations = Zusammenhänge von { $title } ({ $kinds })
js-key-point = Zeigen Sie auf ein Ereignis, um seine Zusammenhänge zu sehen
js-empty-window = Keine Ereignisse in diesem Zeitraum. Der Streifen unten zeigt, wo sie sind.
js-nearest-earlier = ← Die nächsten früheren Ereignisse
js-nearest-later = Die nächsten späteren Ereignisse →
js-map-view-failed = Die Ereignisse dieses Ausschnitts konnten nicht geladen werden: { $error }
js-map-here = { $n } Ereignisse hier: hineinzoomen
js-map-events = { $n } Ereignisse: { $titles }
js-map-sample = eine Stichprobe von 5000 verorteten Ereignissen
js-map-located-one = { $n } verortetes Ereignis
js-map-located-other = { $n } verortete Ereignisse
js-map-in-window = in diesem Zeitraum
js-map-failed = Die Ereignisse konnten nicht geladen werden: { $error }
js-map-controls = Steuerung der Karte
js-map-zoom-out = Karte verkleinern
js-map-zoom-in = Karte vergrößern
js-whole-world = Die ganze Welt
js-world = Welt
js-map-of-window = Karte der Ereignisse im Zeitraum der Zeitleiste: + und − zoomen, Pfeiltasten verschieben

## Geschichten

stories-lede = Führungen durch Ereignisse, eine Station nach der anderen.
stories-none = Noch keine Geschichten. Ein Redakteur schreibt eine als JSON-Datei und speichert sie mit
stories-or-api = oder über die API
story-in-stops = { $n ->
    [one] Eine Geschichte in { $n-shown } Station
   *[other] Eine Geschichte in { $n-shown } Stationen
}
story-by = von { $author }
story-stops = Stationen
story-timeline-frame = Die Zeitleiste an dieser Station
story-map-frame = Die Karte an dieser Station
story-stop-of = Station { $i } von { $n }
story-beginning = Beginn
story-today = heute
story-event-gone = Das Ereignis dieser Station ist nicht mehr in annals.
story-read-about = Mehr über { $title }
js-story-previous = Zurück
js-story-next = Weiter
js-story-where = Station { $i } von { $n }

## Das Profil eines Ortes oder Beteiligten, und die Anmeldung

profile-about = Über
profile-from = Von
profile-to = Bis
profile-first-recorded = Zuerst erwähnt
profile-until = Bis
profile-also-called = Auch genannt
profile-describe = Beschreiben
signin-already = Sie sind angemeldet als
signin-name = Name
signin-password = Passwort
signin-accounts = Konten legt ein Administrator an
signin-reading = Zum Lesen braucht es kein Konto.
signin-description = Melden Sie sich an, um Ereignisse zu bearbeiten, Änderungen nachzuvollziehen und Dubletten zu prüfen.
signin-too-many = Zu viele Versuche: Warten Sie eine Minute und versuchen Sie es dann erneut.
signin-no-match = Dieser Name und dieses Passwort passen zu keinem Konto.

## Texte eines Ereignisses in einer anderen Sprache als die Seite

text-in = Dieser Text ist auf { $language }.
language-en = Englisch
language-fr = Französisch
language-de = Deutsch
language-es = Spanisch

## Die Versionen eines Ereignisses

history-before = bevor Versionen aufgezeichnet wurden
history-unknown = unbekannt
history-deleted = Dieses Ereignis wurde gelöscht:
history-kept = Seine Versionen bleiben erhalten:
history-every = alle Versionen
history-last-before = die letzte Version vor dem Löschen
history-restore = Dieses Ereignis wiederherstellen
history-reading-current = Sie lesen die aktuelle Version dieses Ereignisses, von
history-reading-old = Sie lesen eine ältere Version dieses Ereignisses, von
history-now = Das Ereignis, wie es jetzt ist
history-its = seine Versionen
history-put-back-this = Diese Version wiederherstellen
history-deleted-here = In dieser Version gelöscht
history-did-not-exist = In dieser Version gab es das Ereignis nicht.
history-deleted-title = Gelöscht
history-of = Versionen von
history-revisions = { $n ->
    [one] { $n-shown } Version
   *[other] { $n-shown } Versionen
}, die neueste zuerst. Wählen Sie zwei zum Vergleichen.
history-revisions-caption = Versionen
history-from = Von
history-to = Bis
history-revision = Version
history-who = Wer, wann, warum
history-actions = Aktionen
history-deleted-tag = gelöscht
history-put-back = Wiederherstellen
history-put-back-n = Version { $g } wiederherstellen
history-compare = Vergleichen
history-a-to-b = Version { $a } → Version { $b }
history-restored = Version { $a } ist eine Löschung; Version { $b } hat das Ereignis wiederhergestellt.
history-no-revision = Dieses Ereignis hat keine Version { $g }.

## Der Ereignis-Editor (angemeldete Redakteure)

edit-new-title = Neues Ereignis
edit-editing = „{ $title }“ bearbeiten
edit-editing-short = Bearbeiten
edit-nothing-saved = { $n ->
    [one] Nichts wurde gespeichert: { $n-shown } Feld muss überprüft werden.
   *[other] Nichts wurde gespeichert: { $n-shown } Felder müssen überprüft werden.
}
edit-id = Kennung
edit-id-help = Leer lassen, um eine aus Titel und Jahr zu bilden (battle-of-hastings-1066).
edit-title = Titel
edit-title-help = Kurz: ein Name, kein Satz.
edit-date = Datum
edit-date-help = So, wie Sie es schreiben würden: 15. März 44 v. Chr.; um 1000; 1914–1918; Frühjahr 1943; vor 66 Millionen Jahren.
edit-calendar = Kalender
edit-calendar-auto = Julianisch vor dem 15. Oktober 1582
edit-calendar-julian = Julianisch
edit-calendar-gregorian = Gregorianisch
edit-summary = Zusammenfassung
edit-summary-help = Ein Absatz: was geschah, wo, wer.
edit-body = Darstellung
edit-body-help = Absätze, getrennt durch eine Leerzeile.
edit-places = Orte
edit-places-help = Einer pro Zeile: Hastings, United Kingdom — für bekannte Orte werden die Koordinaten ermittelt, sonst geben Sie sie an: Battle, United Kingdom @ 50.91, 0.49
edit-participants = Beteiligte
edit-participants-help = Einer pro Zeile, auf Wunsch mit einer Rolle in Klammern: Harold Godwinson (König von England)
edit-key-points = Das Wichtigste
edit-key-points-help = Einer pro Zeile: ein Stichwort, ein Doppelpunkt, dann die Aussage.
edit-sources = Quellen
edit-sources-help = Eine pro Zeile: ein Name und die Adresse in spitzen Klammern, oder nur die Adresse.
edit-related = Verwandte Ereignisse
edit-related-help = Eines pro Zeile: die Kennung eines Ereignisses und in Klammern, wie es damit zusammenhängt: norse-landfall-in-vinland-1000 (related). Beziehungen: related (verwandt), precedes (geht voraus), follows (folgt), part_of (Teil von), has_part (umfasst), causes (führt zu), caused_by (verursacht durch).
edit-tags = Schlagwörter
edit-tags-help = Durch Kommas getrennt.
edit-media = Bilder und Aufnahmen
edit-media-help = Eines pro Zeile: die Adresse, dann ' | ' und vor jedem Teil sein Stichwort: https://example.org/tapestry.jpg | alt Reiter greifen einen Schildwall an | caption Der Teppich von Bayeux | credit Musée de la Tapisserie de Bayeux | licence CC-BY-SA-4.0 | source https://example.org/tapestry. Ein Bild braucht nach alt einen Alternativtext (was es zeigt); mit kind audio oder kind video wird daraus eine Aufnahme oder ein Film. Das erste Bild steht oben auf der Seite.
edit-importance = Bedeutung
edit-importance-help = Eine Zahl ab 0 (leer: wird berechnet).
edit-lang = Sprache der Texte
edit-lang-help = Die Sprache, in der Titel, Zusammenfassung und Darstellung geschrieben sind: en, fr, de, es… (leer: nicht angegeben).
edit-translations = In anderen Sprachen
edit-translations-help = Ein Block pro Sprache: die Sprache und der Titel in der ersten Zeile (de: Schlacht bei Hastings), dann die Zusammenfassung und die Absätze der Darstellung, jeweils nach einer Leerzeile. Wer in dieser Sprache liest, liest dann diese Texte.
edit-change = Was Sie geändert haben
edit-change-help = Ein paar Worte für die Versionsgeschichte.
edit-save = Speichern
edit-cancel = Abbrechen
edit-problem-title = Geben Sie dem Ereignis einen Titel
edit-problem-date = Geben Sie ein Datum an, so wie Sie es schreiben würden: 15. März 44 v. Chr.; um 1000; 1914–1918
edit-problem-lang = Erwartet wird ein Sprachkürzel wie en, fr oder de-CH
edit-problem-importance = Erwartet wird eine Zahl ab 0
edit-problem-id-taken = Es gibt bereits ein Ereignis mit der Kennung { $id }: Öffnen Sie es, um es zu bearbeiten, oder geben Sie diesem eine andere Kennung
edit-gone = Kein Ereignis hat die Kennung { $id } (inzwischen gelöscht?)
edit-delete = Dieses Ereignis löschen
edit-delete-note = Es verschwindet sofort aus den Seiten und der Suche; seine Versionen bleiben erhalten, und dort lässt es sich wiederherstellen.
edit-delete-why = Warum
edit-delete-button = Löschen
edit-conflict-title = Bearbeitungskonflikt
edit-conflict-heading = Jemand hat dieses Ereignis gespeichert, während Sie es bearbeitet haben
edit-conflict-lede = So unterscheidet sich Ihre Fassung von der jetzt gespeicherten. Von Ihrer Arbeit geht nichts verloren: Das Formular unten enthält Ihre Fassung. Übernehmen Sie, was Sie behalten möchten, und speichern Sie erneut; das Speichern ersetzt die andere Fassung (die in den Versionen erhalten bleibt).
edit-conflict-theirs = Jetzt gespeichert
edit-conflict-yours = Ihre Fassung

## Zwei Versionen eines Ereignisses Feld für Feld verglichen (Bearbeitungskonflikt, Versionen)

diff-none = Kein Feld unterscheidet sich.
diff-caption = Geänderte Felder: { $before } und { $after }
diff-field = Feld
diff-lines = Zeilen
diff-revision = Version { $g }
diff-id = Kennung
diff-title = Titel
diff-date = Datum
diff-summary = Zusammenfassung
diff-body = Darstellung
diff-key-points = Das Wichtigste
diff-places = Orte
diff-participants = Beteiligte
diff-sources = Quellen
diff-related = Verwandte Ereignisse
diff-tags = Schlagwörter
diff-importance = Bedeutung
diff-media = Bilder und Aufnahmen
diff-lang = Sprache
diff-translations = Übersetzungen

## Das Profil eines Ortes oder Beteiligten bearbeiten, und seine Versionen

profile-edit-title = Über { $name }
profile-nothing-saved = Nichts wurde gespeichert: { $problem }
profile-description = Beschreibung
profile-description-help = Ein paar Sätze: wer oder was es ist.
profile-from-help-participant = Wann die Person geboren oder der Staat oder die Körperschaft gegründet wurde: 15. August 1769; 27 v. Chr.; um 1000.
profile-to-help-participant = Wann die Person starb oder der Staat oder die Körperschaft endete.
profile-from-help-place = Wann der Ort gegründet oder zuerst erwähnt wurde: 753 v. Chr.; um 3500 v. Chr.
profile-to-help-place = Wann er zerstört oder aufgegeben wurde, falls überhaupt.
profile-media = Bilder
profile-media-help = Eines pro Zeile, wie bei einem Ereignis: https://example.org/portrait.jpg | alt Ein Mann in rotem Rock | credit National Gallery | licence CC-BY-4.0. Das erste Bild steht oben auf der Seite.
profile-aliases = Andere Namen
profile-aliases-help = Einer pro Zeile: Eine Suche nach einem davon findet die Ereignisse dieses Namens (USA, United States of America).
profile-wikidata = Wikidata-Objekt
profile-wikidata-help = Seine Kennung, etwa Q517.
profile-geonames = GeoNames-Kennung
profile-geonames-help = Ihre Nummer, etwa 2988507.
profile-problem-geonames = Erwartet wird eine GeoNames-Nummer wie 2988507, nicht { $value }
profile-same-participant = Derselbe Beteiligte wie
profile-same-place = Derselbe Ort wie
profile-merge-help = { $name } mit einem anderen Namen zusammenführen: Er wird zu einem von dessen anderen Namen, und diese Seite führt dorthin.
profile-merge = Zusammenführen
profile-back-to = Zurück zu { $name }
profile-history-none = Über { $name } wurde noch nichts geschrieben: Die Seite zeigt die Ereignisse.
profile-history-removed = Entfernt (mit einem anderen Namen zusammengeführt oder geleert).
stories-more = Weitere Geschichten

## Dubletten prüfen (Prüfer)

review-title = Zu prüfende Dubletten
review-none = Keine Paare warten auf Prüfung. Importe und neue Ereignisse schlagen Paare vor, die wie ein doppelt erfasstes Ereignis aussehen; `annals duplicates --scan` durchsucht alles erneut.
review-pairs = { $n ->
    [one] { $n-shown } Paar von Ereignissen sieht aus wie ein doppelt erfasstes Ereignis. Vergleichen Sie die beiden Einträge, dann führen Sie sie zusammen oder kennzeichnen sie als verschiedene Ereignisse.
   *[other] { $n-shown } Paare von Ereignissen sehen jeweils aus wie ein doppelt erfasstes Ereignis, die wahrscheinlichsten zuerst. Vergleichen Sie jedes Paar, dann führen Sie es zusammen oder kennzeichnen die beiden als verschiedene Ereignisse.
}
review-caption = Als Dubletten vorgeschlagene Paare
review-likeness = Ähnlichkeit
review-one = Ein Eintrag
review-other = Der andere
review-why = Warum
review-action = Aktion
review-compare = Vergleichen
review-compare-pair = { $a } und { $b } vergleichen
review-pair-title = Ein Ereignis oder zwei?
review-pair-lede = Vergleichen Sie { $a } und { $b }. Beim Zusammenführen bleiben eine Kennung und die Quellen und Beziehungen beider Einträge erhalten; die andere Adresse leitet dorthin weiter, und Ereignisse, die auf sie verwiesen, verweisen dann auf den behaltenen Eintrag.
review-which-id = Welche Kennung bleibt
review-table-caption = Die beiden Einträge, Feld für Feld, und welchen Wert das zusammengeführte Ereignis übernimmt
review-field = Feld
review-first = Erster: { $id }
review-second = Zweiter: { $id }
review-keep = Übernehmen
review-keep-field = { $field }: übernehmen
review-pick-first = erster
review-pick-second = zweiter
review-pick-both = beide
review-same = gleich
review-empty = (leer)
review-sources-relations = Quellen, Beziehungen
review-sources = { $n ->
    [one] { $n-shown } Quelle
   *[other] { $n-shown } Quellen
}
review-relations = { $n ->
    [one] { $n-shown } Beziehung
   *[other] { $n-shown } Beziehungen
}
review-both-always = immer beide
review-why-label = Warum (für die Versionsgeschichte)
review-why-placeholder = dieselbe Schlacht, doppelt erfasst
review-merge = Zusammenführen
review-distinct = Doch zwei verschiedene Ereignisse?
review-keep-both = Beide behalten
review-distinct-note = Sie werden nicht noch einmal vorgeschlagen.
review-needs-role = Dubletten zu prüfen erfordert die Rolle reviewer; { $name } hat die Rolle { $role }
review-self = Ein Ereignis ist keine Dublette seiner selbst

## Die Wörter des Editor-Skripts (edit.js): { $name } füllt das Skript

js-edit-not-a-date = kein Datum, das annals lesen kann
js-edit-not-read = Nicht erkannt: { $why }
js-edit-reads-as = Verstanden als { $date }
js-edit-reading = (EDTF { $edtf }, { $calendar })
js-edit-reading-range = (EDTF { $edtf }, { $calendar }; zwischen { $earliest } und { $latest })
js-edit-julian = julianisch
js-edit-gregorian = gregorianisch
js-edit-suggestions = Vorschläge
js-edit-map-label = Die Orte auf einer Weltkarte. Ein Klick gibt dem Ort in der Zeile mit dem Cursor seine Koordinaten.
js-edit-map-pins = Stecknadeln: die Orte mit Koordinaten. Ein Klick auf die Karte versetzt den Ort in der Zeile des Cursors.
js-edit-map-none = Orte werden beim Speichern im Ortsverzeichnis gesucht; ein Klick auf die Karte gibt dem Ort in der Zeile des Cursors seine Koordinaten.
js-edit-unnamed-place = Unbenannter Ort
js-edit-upload = Ein Bild von diesem Computer hinzufügen (JPEG, PNG oder WebP)
js-edit-sending = { $file } wird gesendet…
js-edit-refused = { $file }: { $why }
js-edit-not-kept = nicht übernommen
js-edit-kept = { $file } übernommen ({ $width }×{ $height }). Schreiben Sie nach alt, was das Bild zeigt, und geben Sie Urheber und Lizenz an.
js-edit-unreachable = { $file }: Der Server war nicht erreichbar

## Fehlerhafte Zeilen in den Listen des Editors ($line: die Nummer der Zeile), und ein unlesbares Datum

line-medium-kind = Zeile { $line }: kind „{ $value }“: erwartet wird image, audio oder video
line-medium-part = Zeile { $line }: „{ $value }“: nach ' | ' wird kind, alt, caption, credit, licence oder source erwartet
line-medium = Zeile { $line }: { $problem }
line-coordinates = Zeile { $line }: „{ $value }“ nach @: erwartet werden Breite und Länge in Grad (50.91, 0.49)
line-key-point = Zeile { $line }: erwartet werden eine Überschrift, ein Doppelpunkt und der Punkt („Drei Thronanwärter: …“)
line-relation-id = Zeile { $line }: „{ $value }“: erwartet wird die Kennung eines Ereignisses (battle-of-hastings-1066), dann die Beziehung in Klammern
line-translation-title = Zeile { $line }: { $value }: geben Sie den Titel nach dem Doppelpunkt an
line-translation-head = Zeile { $line }: zuerst eine Sprache und ein Titel, etwa fr: Bataille d'Hastings
date-unrecognised = „{ $value }“ ist kein Datum, das annals lesen kann: schreiben Sie es wie „19. Januar 1960“, „44 v. Chr.“, „die 1960er Jahre“, „vor 66 Millionen Jahren“ oder in EDTF
# Was an einem vom Editor gesendeten Ereignis nicht stimmt (annals_core::ModelError), neben dem betreffenden Feld.
model-empty-title = Geben Sie dem Ereignis einen Titel.
model-empty-place = Ein Ort braucht einen Namen.
model-empty-participant = Ein Beteiligter braucht einen Namen.
model-empty-source = Eine Quelle braucht einen Namen.
model-empty-key-point = Jeder Punkt unter „Das Wichtigste“ braucht ein Stichwort.
model-empty-translation = Ein Text in einer anderen Sprache braucht einen Titel.
model-empty-date = Geben Sie ein Datum an.
# $problem: was die Datumserkennung meldet, auf Englisch.
model-date = Dieses Datum lässt sich nicht lesen: { $problem }
model-bad-id = Die Kennung „{ $value }“ ist ungültig: Verwenden Sie 1 bis 200 Buchstaben, Ziffern, '.', '_' oder '-'.
model-bad-kind = Die Beziehung „{ $value }“ ist ungültig: Verwenden Sie Kleinbuchstaben und '_'.
model-bad-importance = Die Bedeutung { $value } ist ungültig: Verwenden Sie eine Zahl ab 0.
model-bad-coordinates = Der Ort „{ $value }“ braucht sowohl eine Breite (-90 bis 90) als auch eine Länge (-180 bis 180).
model-self-relation = Das Ereignis „{ $value }“ kann nicht mit sich selbst in Beziehung stehen.
model-bad-lang = „{ $value }“ ist kein Sprachkürzel wie „fr“ oder „de-CH“.
model-second-text = Die Sprache „{ $value }“ ist doppelt angegeben (oder ist bereits die Sprache des Ereignisses).
# Warum das im Editor hochgeladene Bild abgelehnt wurde ($size, $limit, $width, $height: Zahlen).
media-too-large = Die Datei ist { $size } Bytes groß; angenommen werden höchstens { $limit }.
media-too-many-pixels = Das Bild hat { $width }×{ $height } Pixel; angenommen werden höchstens { $limit } Pixel.
# $what: was die Datei stattdessen ist, auf Englisch („a PDF document“).
media-unsupported = Erwartet wird ein Bild im Format JPEG, PNG oder WebP; diese Datei: { $what }.
# $format: JPEG, PNG oder WebP; $problem: was der Decoder meldet, auf Englisch.
media-broken = Diese { $format }-Datei lässt sich nicht als Bild lesen: { $problem }
# Warum zwei Einträge als dasselbe, doppelt erfasste Ereignis vorgeschlagen werden.
reason-same-date = gleiches Datum
reason-overlapping-dates = überlappende Daten
reason-titles-alike = ähnliche Titel ({ $percent } %)
reason-summaries-alike = ähnliche Zusammenfassungen ({ $percent } %)
reason-same-place = gleicher Ort: { $name }
reason-shared-participants = gemeinsame Beteiligte: { $names }
