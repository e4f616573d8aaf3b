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
sign-out-who = { $name } abmelden
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
