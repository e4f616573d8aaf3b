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
# What is wrong with a query (annals_query::Problem), after "That search could not be read".
# $found is one of the query-found-* words; $open, $first: a character's place in the query.
query-found-open = '('
query-found-close = ')'
query-found-or = OR
query-found-minus = '-'
query-found-word = a word
query-found-phrase = a phrase
query-found-filter = a filter
query-found-sort = sort:
query-found-end = the end of the query
query-too-long = The query is { $bytes } bytes long; at most { $max } are allowed.
query-too-many-clauses = Too many clauses: a query may have at most { $max } words, phrases and filters.
query-too-deep = Parentheses nested too deeply: at most { $max } levels.
query-no-open = Unexpected ')': there is no '(' to close.
query-unexpected = Unexpected { $found }.
query-unclosed = Expected ')' to close the '(' at character { $open }.
query-empty-parentheses = Empty parentheses: expected a word, phrase, filter or '(' between the '(' at character { $open } and this ')'.
query-nothing-before-or = Expected a word, phrase, filter or '(' before OR.
query-expected = Expected a word, phrase, filter or '(', found { $found }.
query-expected-after-open = Expected a word, phrase, filter or '(' after '(', found { $found }.
query-expected-after-or = Expected a word, phrase, filter or '(' after OR, found { $found }.
query-expected-after-minus = Expected a word, phrase, filter or '(' after '-', found { $found }.
query-or-after-or = Expected a word, phrase, filter or '(' after OR, found another OR.
query-minus-after-minus = Expected a word, phrase, filter or '(' after '-', found another '-'.
query-or-after-minus = Expected a word, phrase, filter or '(' after '-', found OR (to exclude the word, write -"OR").
query-space-after-minus = Expected a word, phrase, filter or '(' directly after '-' (write -word to exclude a word).
query-sort-in-or = sort: applies to the whole query, so it cannot be one side of an OR; put it outside, e.g. (a OR b) sort:date.
query-sort-excluded = sort: applies to the whole query, so it cannot be excluded with '-'.
query-second-sort = A query may have only one sort: (the first is at character { $first }).
query-unterminated-phrase = Unterminated phrase: expected a '"' to close the '"' at character { $open }.
query-unterminated-value = Unterminated quoted value: expected a '"' to close the '"' at character { $open }.
query-empty-phrase = Empty phrase: expected words between the quotes.
query-empty-value = Empty value: expected something between the quotes after '{ $key }:'.
query-missing-value = Expected a value after '{ $key }:'.
query-missing-value-any = Expected a value after '{ $key }:'; to match any of several values, write (…) OR (…), e.g. ({ $name }:a OR { $name }:b).
query-unknown-sort = Unknown sort "{ $value }": expected relevance, date (oldest first) or -date (newest first).
query-reversed-range = Reversed date range: "{ $from }" begins after "{ $to }" ends; write the earlier date first.
query-no-day = The date "{ $value }" names no day: one end is open and the other unknown.
# $problem: what the date reader says, in English.
query-date = This date cannot be read: { $problem }
query-date-quote = This date cannot be read: { $problem } (a bare date is EDTF; to read it as written text, quote it: { $quote })
# $coordinate is one of the query-coordinate-* words.
query-coordinate-latitude = latitude
query-coordinate-longitude = longitude
query-coordinate-south = southern latitude
query-coordinate-west = western longitude
query-coordinate-north = northern latitude
query-coordinate-east = eastern longitude
query-not-degrees = Expected a { $coordinate } in decimal degrees, such as 35.68, found "{ $found }".
query-degrees-range = The { $coordinate } { $value } is out of range: it must lie between -{ $limit } and { $limit }.
query-near-form = Expected near:LATITUDE,LONGITUDE,RADIUS such as near:35.68,139.69,300km, found "{ $found }".
query-radius-form = Expected a radius with a unit (km, m or mi), such as 300km, 500m or 20mi, found "{ $found }".
query-radius-range = The radius { $value } is out of range: it must be more than 0 and at most { $max } km.
query-bbox-form = Expected bbox:SOUTH,WEST,NORTH,EAST in degrees, such as bbox:24,122,46,146, found "{ $found }".
query-south-of-north = The southern latitude { $south } is north of the northern latitude { $north }.

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

## The event editor (signed-in editors)

edit-new-title = New event
edit-editing = Editing { $title }
edit-editing-short = Editing
edit-nothing-saved = { $n ->
    [one] Nothing was saved: { $n-shown } field needs a look.
   *[other] Nothing was saved: { $n-shown } fields need a look.
}
edit-id = Id
edit-id-help = Leave empty to make one from the title and year (battle-of-hastings-1066).
edit-title = Title
edit-title-help = Short: a name, not a sentence.
edit-date = Date
edit-date-help = As you would write it: March 15, 44 BC; c. 1000; 1914–1918; spring 1943; 66 million years ago.
edit-calendar = Calendar
edit-calendar-auto = Julian before 15 October 1582
edit-calendar-julian = Julian
edit-calendar-gregorian = Gregorian
edit-summary = Summary
edit-summary-help = One paragraph: what happened, where, who.
edit-body = Narrative
edit-body-help = Paragraphs, separated by an empty line.
edit-places = Places
edit-places-help = One per line: Hastings, United Kingdom — coordinates are found for known places, or give them: Battle, United Kingdom @ 50.91, 0.49
edit-participants = Participants
edit-participants-help = One per line, with a role in parentheses if you like: Harold Godwinson (king of England)
edit-key-points = Key points
edit-key-points-help = One per line: a label, a colon, the point.
edit-sources = Sources
edit-sources-help = One per line: a name and the address in angle brackets, or just the address.
edit-related = Related events
edit-related-help = One per line: an event's id and how it relates in parentheses: norse-landfall-in-vinland-1000 (related). Relations: related, precedes, follows, part_of, has_part, causes, caused_by.
edit-tags = Tags
edit-tags-help = Separated by commas.
edit-media = Pictures and recordings
edit-media-help = One per line: the address, then ' | ' and a word before each part: https://example.org/tapestry.jpg | alt Horsemen charge a shield wall | caption The Bayeux Tapestry | credit Bayeux Museum | licence CC-BY-SA-4.0 | source https://example.org/tapestry. An image needs its alt (what it shows); add kind audio or kind video for a recording or a film. The first image leads the page.
edit-importance = Importance
edit-importance-help = A number of 0 or more (empty: computed).
edit-lang = Language of the texts
edit-lang-help = The language the title, summary and narrative are written in: en, fr, de, es… (empty: not said).
edit-translations = In other languages
edit-translations-help = A block per language: the language and the title on the first line (fr: Bataille d'Hastings), then the summary and the paragraphs of the narrative, each after an empty line. Readers of that language read these instead.
edit-change = What you changed
edit-change-help = A few words for the history.
edit-save = Save
edit-cancel = Cancel
edit-problem-title = give the event a title
edit-problem-date = give a date, as you would write it: March 15, 44 BC; c. 1000; 1914–1918
edit-problem-lang = expected a language tag such as en, fr or de-CH
edit-problem-importance = expected a number of 0 or more
edit-problem-id-taken = there is already an event with the id { $id }: open it to edit it, or give this one another id
edit-gone = no event with the id { $id } (deleted meanwhile?)
edit-delete = Delete this event
edit-delete-note = It leaves the pages and the search at once; its history stays, and it can be restored from there.
edit-delete-why = Why
edit-delete-button = Delete
edit-conflict-title = Edit conflict
edit-conflict-heading = Someone saved this event while you were editing
edit-conflict-lede = Here is how your version differs from the one saved now. Nothing of yours is lost: the form below holds your version. Merge what you want to keep, then save again; saving replaces their version (which stays in the history).
edit-conflict-theirs = Saved now
edit-conflict-yours = Yours

## Two versions of an event compared field by field (the editor's conflict page, the history)

diff-none = No field differs.
diff-caption = Changed fields: { $before } and { $after }
diff-field = Field
diff-lines = Lines
diff-revision = revision { $g }
diff-id = id
diff-title = title
diff-date = date
diff-summary = summary
diff-body = body
diff-key-points = key points
diff-places = places
diff-participants = participants
diff-sources = sources
diff-related = related
diff-tags = tags
diff-importance = importance
diff-media = media
diff-lang = lang
diff-translations = translations

## Editing a place's or a participant's profile, and its history

profile-edit-title = About { $name }
profile-nothing-saved = Nothing was saved: { $problem }
profile-description = Description
profile-description-help = A few sentences: who or what it is.
profile-from-help-participant = When the person was born, or the state or body founded: 15 August 1769; 27 BC; c. 1000.
profile-to-help-participant = When they died, or it ended.
profile-from-help-place = When it was founded or first recorded: 753 BC; c. 3500 BC.
profile-to-help-place = When it was destroyed or abandoned, if it was.
profile-media = Pictures
profile-media-help = One per line, as on an event: https://example.org/portrait.jpg | alt A man in a red coat | credit National Gallery | licence CC-BY-4.0. The first image heads the page.
profile-aliases = Other names
profile-aliases-help = One per line: searches for any of them find the events of this one (USA, United States of America).
profile-wikidata = Wikidata item
profile-wikidata-help = Its id, such as Q517.
profile-geonames = GeoNames id
profile-geonames-help = Its number, such as 2988507.
profile-problem-geonames = expected a GeoNames number such as 2988507, not { $value }
profile-same-participant = The same participant as
profile-same-place = The same place as
profile-merge-help = Merge { $name } into another name: it becomes one of its other names, and this page leads there.
profile-merge = Merge
profile-back-to = Back to { $name }
profile-history-none = Nothing has been written about { $name } yet: its page shows its events.
profile-history-removed = Removed (merged into another name, or emptied).
stories-more = More stories

## Reviewing duplicates (reviewers)

review-title = Duplicates to review
review-none = No pairs wait for review. Imports and new events propose pairs that look like one event recorded twice; `annals duplicates --scan` looks through everything again.
review-pairs = { $n ->
    [one] { $n-shown } pair of events look like one event recorded twice, the likeliest first. Compare each pair, then merge it or mark the two as different events.
   *[other] { $n-shown } pairs of events look like one event recorded twice, the likeliest first. Compare each pair, then merge it or mark the two as different events.
}
review-caption = Pairs proposed as duplicates
review-likeness = Likeness
review-one = One record
review-other = The other
review-why = Why
review-action = Action
review-compare = Compare
review-compare-pair = Compare { $a } and { $b }
review-pair-title = One event or two?
review-pair-lede = Compare { $a } and { $b }. Merging keeps one id and both records' sources and relations; the other address redirects to it, and events that linked to it link to the one kept.
review-which-id = Which id stays
review-table-caption = The two records, field by field, and which value the merged event takes
review-field = Field
review-first = First: { $id }
review-second = Second: { $id }
review-keep = Keep
review-keep-field = { $field }: keep
review-pick-first = first
review-pick-second = second
review-pick-both = both
review-same = the same
review-empty = (none)
review-sources-relations = Sources, relations
review-sources = { $n ->
    [one] { $n-shown } source
   *[other] { $n-shown } sources
}
review-relations = { $n ->
    [one] { $n-shown } relation
   *[other] { $n-shown } relations
}
review-both-always = both, always
review-why-label = Why (for the history)
review-why-placeholder = same battle, recorded twice
review-merge = Merge
review-distinct = Two different events after all?
review-keep-both = Keep both
review-distinct-note = They will not be proposed again.
review-needs-role = reviewing duplicates needs the reviewer role; { $name } is { $role }
review-self = an event is not a duplicate of itself

## The editor's script (edit.js): { $name } stays for the script to fill

js-edit-not-a-date = not a date annals can read
js-edit-not-read = Not read: { $why }
js-edit-reads-as = Reads as { $date }
js-edit-reading = (EDTF { $edtf }, { $calendar })
js-edit-reading-range = (EDTF { $edtf }, { $calendar }; from { $earliest } to { $latest })
js-edit-julian = julian
js-edit-gregorian = gregorian
js-edit-suggestions = Suggestions
js-edit-map-label = The places on a world map. Click to set the coordinates of the place on the line where the cursor is.
js-edit-map-pins = Pins: the places with coordinates. Click the map to move the place on the cursor's line.
js-edit-map-none = Places are located from the gazetteer when saved; click the map to give the place on the cursor's line its coordinates.
js-edit-unnamed-place = Unnamed place
js-edit-upload = Add a picture from this computer (JPEG, PNG or WebP)
js-edit-sending = Sending { $file }…
js-edit-refused = { $file }: { $why }
js-edit-not-kept = not kept
js-edit-kept = { $file } kept ({ $width }×{ $height }). Say what it shows after alt, and who made it and its licence.
js-edit-unreachable = { $file }: the server could not be reached

## Problems in the lines of the editor's lists ($line: the line's number), and a date it cannot read

line-medium-kind = line { $line }: kind "{ $value }": expected image, audio or video
line-medium-part = line { $line }: "{ $value }": expected kind, alt, caption, credit, licence or source after ' | '
line-medium = line { $line }: { $problem }
line-coordinates = line { $line }: "{ $value }" after @: expected latitude, longitude in degrees (50.91, 0.49)
line-key-point = line { $line }: expected a label, a colon and the point ("Three Claimants: ...")
line-relation-id = line { $line }: "{ $value }": expected an event's id (battle-of-hastings-1066), then its relation in parentheses
line-translation-title = line { $line }: { $value }: give the title after the colon
line-translation-head = line { $line }: expected a language and a title first, such as fr: Bataille d'Hastings
date-unrecognised = "{ $value }" is not a date annals can read: write it as in "January 19, 1960", "44 BC", "the 1960s", "66 million years ago", or in EDTF
# What is wrong with an event the editor sent (annals_core::ModelError), beside its field.
model-empty-title = Give the event a title.
model-empty-place = A place needs a name.
model-empty-participant = A participant needs a name.
model-empty-source = A source needs a name.
model-empty-key-point = A key point needs a label.
model-empty-translation = A text in another language needs a title.
model-empty-date = Give a date.
# $problem: what the date reader says, in English.
model-date = This date cannot be read: { $problem }
model-bad-id = The id "{ $value }" is not valid: use 1 to 200 letters, digits, '.', '_' or '-'.
model-bad-kind = The relation "{ $value }" is not valid: use lowercase letters and '_'.
model-bad-importance = The importance { $value } is not valid: use a number of 0 or more.
model-bad-coordinates = The place "{ $value }" needs both a latitude (-90 to 90) and a longitude (-180 to 180).
model-self-relation = The event "{ $value }" cannot be related to itself.
model-bad-lang = "{ $value }" is not a language tag such as "fr" or "de-CH".
model-second-text = The language "{ $value }" is given twice (or is the event's own language).
# Why the editor's picture upload was refused ($size, $limit, $width, $height: numbers).
media-too-large = The file has { $size } bytes; at most { $limit } are taken.
media-too-many-pixels = The picture is { $width }×{ $height } pixels; at most { $limit } pixels are taken.
# $what: what the file is instead, in English ("a PDF document").
media-unsupported = Expected a JPEG, PNG or WebP picture; this file is { $what }.
# $format: JPEG, PNG or WebP; $problem: what the decoder says, in English.
media-broken = This { $format } file does not read as a picture: { $problem }
# Why two records were proposed as one event recorded twice (annals_core::likeness::Reason).
reason-same-date = same date
reason-overlapping-dates = overlapping dates
reason-titles-alike = titles alike ({ $percent } %)
reason-summaries-alike = summaries alike ({ $percent } %)
reason-same-place = same place: { $name }
reason-shared-participants = shared participants: { $names }
