# annals: the interface in English (the reference: every message is here).
# Arguments: $n is a count (it picks the plural form; $n-shown is it written with the language's
# digit grouping); everything else is text.

## The frame of every page

skip = Skip to content
site-search = Search the site
search-label = Search events
search-placeholder = Search events, places, people
search-button = Search
nav-explore = Explore
nav-timeline = Timeline
nav-map = Map
nav-new-event = New event
nav-review = Review
signed-in-as = Signed in as { $name } ({ $role })
sign-out = Sign out
sign-out-who = Sign out { $name }
sign-in = Sign in
footer-about = annals, a historical events engine
footer-api = API
footer-dates = dates as historians write them, EDTF in the data
footer-language = Language
open-in-annals = Open in annals

## Errors and empty states

error-bad-request = That request could not be read
error-not-found = Not found
error-busy = The server is busy
error-too-many = Too many requests
error-other = Something went wrong
error-try-again = Please try again in a moment.
retry-region = Search again
retry-label = Search the events
retry-examples = For example:
retry-treaty = treaty
retry-bc = battles before the common era
retry-or = or
retry-timeline = the whole timeline
no-page = There is no page here
no-page-lede = The address may be mistyped, or the page may have moved.
no-event = There is no such event
no-event-short = No such event
no-event-lede = No event has the id
no-event-perhaps = Perhaps one of the events found by
no-event-searching = searching for “{ $words }”
no-story = There is no such story
no-story-short = No such story
no-story-lede = No story has the id
query-error = That search could not be read
query-error-short = Search not understood
query-error-where = Where in the query
query-error-combine = Words, "phrases", -exclusions, OR and filters combine, as in
query-error-docs = The whole language is in docs/query.md.

## An event's page

facts = Facts
fact-date = Date
fact-duration = Duration
fact-places = { $n ->
    [one] Place
   *[other] Places
}
fact-participants = Participants
fact-kind = Kind
fact-tags = Tags
days = { $n ->
    [one] { $n-shown } day
   *[other] { $n-shown } days
}
months = { $n ->
    [one] { $n-shown } month
   *[other] { $n-shown } months
}
years = { $n ->
    [one] { $n-shown } year
   *[other] { $n-shown } years
}
on-world-map = { $place } on a map of the world
this-record = This record
edit = Edit
history = History
earlier-and-later = Earlier and later events
earlier = Earlier
later = Later
narrative = Narrative
key-points = Key points
how-it-connects = How it connects
see-also = See also
rel-part-of = Part of
rel-has-part = Parts of it
rel-precedes = Followed by
rel-follows = Followed
rel-causes = Led to
rel-caused-by = Caused by
rel-related = Related events
why-participants = also with { $names }
why-place = also at { $place }
why-text = a similar story
why-time = at about the same time
sources = Sources
source-accessed = Accessed { $date }
source-licence = Licence: { $licence }
on-the-timeline = On the timeline
on-the-map = On the map
cite = Cite this event
cite-text = Text
cite-plain = “{ $title }” ({ $date }). In annals. Retrieved { $accessed }, from { $url }
before-and-after = Events before and after in time
media = Pictures and recordings
media-see = See the picture
media-listen = Listen
media-watch = Watch
embed = Embed this on your site
embed-copy = Copy this into your page:

## Kinds of event (a title's first word says which)

kind-battle = battle
kind-siege = siege
kind-treaty = treaty
kind-peace = peace treaty
kind-assassination = assassination
kind-coronation = coronation
kind-founding = founding
kind-fall = fall of a state or city
kind-sack = sack of a city
kind-eruption = volcanic eruption
kind-earthquake = earthquake
kind-launch = launch
kind-landing = landing
kind-election = election
kind-revolution = revolution
kind-war = war
kind-declaration = declaration
kind-discovery = discovery
kind-invention = invention
kind-publication = publication
kind-construction = construction
kind-unification = unification
kind-conquest = conquest
kind-council = council
kind-congress = congress
kind-conference = conference
kind-massacre = massacre
kind-rebellion = rebellion
kind-uprising = uprising
kind-crisis = crisis
kind-expedition = expedition
kind-voyage = voyage
kind-formation = formation
kind-extinction = extinction

## The front page

home-title = Historical events
home-description = A knowledge base of historical events: search, a timeline from deep time to today, and a map.
home-lede = { $n ->
    [one] { $n-shown } historical event
   *[other] { $n-shown } historical events
}, from the formation of the Earth to today. Search them by words, dates, places and people in one query.
home-search-region = Search all events
home-placeholder = treaty, Napoleon, country:Japan, date:1900..1950
home-try = Try
stories = Stories
stops = { $n ->
    [one] { $n-shown } stop
   *[other] { $n-shown } stops
}
all-stories = All stories
recently-changed = Recently changed
on-this-day = On this day, { $date }
nothing-today = Nothing recorded on this day yet.
browse-era = Browse by era
browse-region = Browse by region
all-on-map = All of them on the map
events = { $n ->
    [one] { $n-shown } event
   *[other] { $n-shown } events
}
era-deep-time = Deep time
era-prehistory = Prehistory and the first cities
era-ancient = The ancient world
era-middle-ages = The Middle Ages
era-early-modern = The early modern world
era-19th-century = The 19th century
era-20th-century = The 20th century
era-21st-century = The 21st century

## Search

search-title = Search
search-title-q = Search: { $q }
search-description = Historical events matching { $q }, with where they matched and when they happened.
matches = { $n ->
    [one] { $n-shown } event matches
   *[other] { $n-shown } events match
}
refine = Refine the search
order = Order
best-first = best match first
oldest-first = oldest first
newest-first = newest first
from = From
from-example = 500 BC
to = to
apply = Apply
active-filters = Filters in this search
remove-filter = Remove the filter { $filter }
did-you-mean = Did you mean
matched = Matched { $field }:
field-participant = participant
field-place = place
field-tag = tag
more-results = More results
timeline-of-these = Timeline of these events
map-of-these = Map of these events
narrow = Narrow the search
estimated = Counts estimated from a sample of the matches.
facet-country = Countries
facet-participant = People and states
facet-tag = Tags
facet-century = Centuries
about = about { $n-shown }
no-match = No event matches
no-match-this = this search
no-match-remove = Remove the filter
no-match-widen = Widen the date range, or
no-match-all-dates = search all dates
no-match-words = Use fewer or other words: words are matched with their endings (treaties finds treaty) and a typo or two.
no-match-phrase = Try a phrase in quotes, or OR between alternatives:

## Periods and the timeline

unit-day = day
unit-month = month
unit-year = year
unit-decade = decade
unit-century = century
unit-millennium = millennium
unit-years = { $n-shown } years
unit-million-years = { $n ->
    [one] million years
   *[other] { $n-shown } million years
}
unit-billion-years = { $n ->
    [one] billion years
   *[other] { $n-shown } billion years
}
period-to = { $a } to { $b }
matches-over-time = Matches over time, by { $unit }
matches-by = matches by { $unit }
events-by = { $n ->
    [one] { $n-shown } event
   *[other] { $n-shown } events
}, by { $unit }.
timeline-description = Historical events on a timeline from deep time to today.
tl-interactive = Interactive timeline
tl-controls = Timeline controls
zoom-out = Zoom out
zoom-in = Zoom in
pan-earlier = Earlier
pan-later = Later
show-all = Show all events
everything = Everything
lanes = Lanes
colours = Colours
colours-automatic = Automatic
lanes-none = None
lanes-tag = Tag
lanes-country = Country
lanes-participant = Participant
tl-keys = Timeline: + and − zoom, arrow keys pan, Tab moves to the events
legend = Legend
tl-help = Scroll or pinch to zoom, drag to pan; keys + − ← →. The strip above shows the whole range: click or drag it to move. Point at an event to see how it connects; click to open it.
tl-map = Map of the events in this window
map-of-window = Map of this window
download-window = Download this window as a figure:
period = Period
events-heading = Events
most-important = Most important

## The map

map-description = Historical events on a map of the world, named by place.
map-all-time = All time
map-deep-time = deep time
map-antiquity = Antiquity
map-middle-ages = Middle Ages
map-early-modern = 1500–1800
map-19th-century = 19th century
map-20th-century = 20th century
map-since-2000 = Since 2000
map-matching = matching { $q }
map-from-to = from { $from } to { $to }
map-the-first = the first
map-the-last = the last
map-in-view = in this view
map-located = { $n ->
    [one] { $n-shown } located event
   *[other] { $n-shown } located events
}
map-deep = { $n ->
    [one] { $n-shown } is
   *[other] { $n-shown } are
} from deep time (before 10,000 BC), drawn hollow: today's coastlines are not theirs.
map-around = around { $place }
map-came-from = the event you came from
map-best-known = Best known here
map-showing = Showing
map-showing-at = at { $place }, in blue.
map-controls = Map controls
pan-west = Pan west
pan-north = Pan north
pan-south = Pan south
pan-east = Pan east
whole-world = Whole world
world = World
map-keys = Map: + and − zoom, arrow keys pan, Tab moves to the events
world-map = World map of the events
map-an-event = an event
map-near = events near each other: zoom in
map-periods = Periods
map-when = When:
map-form = Events on the map
map-from-example = 1800, 44 BC, 66 Ma
map-to = To
map-show = Show
search-results = Search results
download-view = Download this view as a figure:

## Places and participants

place-description = Events at { $name }, in time and on a map.
participant-description = Events { $name } took part in, in time.
kind-place = Place
kind-participant = Participant
events-in = { $n ->
    [one] { $n-shown } event
   *[other] { $n-shown } events
}, { $period }.
events-from-to = { $n ->
    [one] { $n-shown } event
   *[other] { $n-shown } events
}, from { $from } to { $to }.
no-events-here = No events recorded here yet.
search-within = Search within these events
roles = Roles
who-took-part = Who took part here
took-part-with = Took part together with
events-in-time = Events in time
later-events = Later events

## The scripts' words (timeline.js, map.js): { $name } stays for the script to fill

js-months-short = Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
js-bc = { $y } BC
js-ad = AD { $y }
js-decimal = .
js-ago = { $x } ago
js-your-periods = Your periods
js-period-name = Name
js-from-year = From year
js-to-year = To year
js-add-period = Add period
js-year-example = A year such as 1914, 44 BC or 66 Ma
js-remove-period = Remove the period { $name }
js-remove = Remove
js-timeline-failed = Could not load the timeline: { $error }
js-events-one = { $n } event
js-events-other = { $n } events
js-other = Other
js-other-values = other
js-more-here = { $n } more events here: click to zoom in
js-colours-by = Colours by { $by }:
js-by-tag = tag
js-by-country = country
js-by-participant = participant
js-key-span = a span (faded ends: approximate)
js-key-dot = an event; small dots: no room for a label
js-key-more = more events: click to zoom in
js-key-relations = relations of { $title } ({ $kinds })
js-key-point = Point at or focus an event to see its relations
js-empty-window = No events in this window. The strip below shows where they are.
js-nearest-earlier = ← Nearest earlier events
js-nearest-later = Nearest later events →
js-map-view-failed = Could not load the events of this view: { $error }
js-map-here = { $n } events here: zoom in
js-map-events = { $n } events: { $titles }
js-map-sample = a sample of 5000 located events
js-map-located-one = { $n } located event
js-map-located-other = { $n } located events
js-map-in-window = in this window
js-map-failed = Could not load the events: { $error }
js-map-controls = Map controls
js-map-zoom-out = Zoom the map out
js-map-zoom-in = Zoom the map in
js-whole-world = Whole world
js-world = World
js-map-of-window = Map of the events in the timeline window: + and − zoom, arrow keys pan

## Stories

stories-lede = Guided tours through events, one stop at a time.
stories-none = No stories yet. An editor writes one as a JSON file and stores it with
stories-or-api = or the API
story-in-stops = { $n ->
    [one] A story in { $n-shown } stop
   *[other] A story in { $n-shown } stops
}
story-by = by { $author }
story-stops = Stops
story-timeline-frame = The timeline at this stop
story-map-frame = The map at this stop
story-stop-of = Stop { $i } of { $n }
story-beginning = the beginning
story-today = today
story-event-gone = This stop's event is no longer in annals.
story-read-about = Read about { $title }
js-story-previous = Previous
js-story-next = Next
js-story-where = Stop { $i } of { $n }

## A place's or participant's profile, and signing in

profile-about = About
profile-from = From
profile-to = To
profile-first-recorded = First recorded
profile-until = Until
profile-also-called = Also called
profile-describe = Describe
signin-already = You are signed in as
signin-name = Name
signin-password = Password
signin-accounts = Accounts are made by an administrator
signin-reading = Reading needs no account.
signin-description = Sign in to edit events, see who changed what, and review duplicates.
signin-too-many = Too many attempts: wait a minute, then try again.
signin-no-match = That name and password do not match an account.

## An event's texts in another language than the page's

text-in = This text is in { $language }.
language-en = English
language-fr = French
language-de = German
language-es = Spanish

## An event's history

history-before = before histories were kept
history-unknown = unknown
history-deleted = This event was deleted:
history-kept = Its history is kept:
history-every = every revision
history-last-before = the last version before it was deleted
history-restore = Restore this event
history-reading-current = You are reading the current revision of this event, by
history-reading-old = You are reading an old revision of this event, by
history-now = The event as it is now
history-its = its history
history-put-back-this = Put this revision back
history-deleted-here = Deleted in this revision
history-did-not-exist = At this revision the event did not exist.
history-deleted-title = Deleted
history-of = History of
history-revisions = { $n ->
    [one] { $n-shown } revision
   *[other] { $n-shown } revisions
}, newest first. Choose two to compare.
history-revisions-caption = Revisions
history-from = From
history-to = To
history-revision = Revision
history-who = Who, when, why
history-actions = Actions
history-deleted-tag = deleted
history-put-back = Put back
history-put-back-n = Put back revision { $g }
history-compare = Compare
history-a-to-b = Revision { $a } → revision { $b }
history-restored = Revision { $a } is a deletion; revision { $b } brought the event back.
history-no-revision = There is no revision { $g } of this event.
