//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  invalid input: problems were found (an import then writes nothing)
  2  usage error
  3  no event with that id
  4  failure: the database or a file could not be read or written

Examples:
  annals demo                             import the bundled demo corpus and serve it (--no-serve: list it)
  annals import examples/                 import event files
  annals list --from 1900 --to 1999       events of the 20th century
  annals list --from \"44 BC\" --to \"AD 14\"
  annals show establishment-of-nato-1949
  annals search 'treaty country:Japan date:1950..1970'
  annals timeline --from \"4.6 billion years ago\" --to 2025 --buckets 12
  annals export --format jsonl --out all.jsonl";

/// annals: a historical events engine. Reads event records (event cards, native JSON),
/// understands historical dates (BC, Julian, uncertain, deep time), stores them in an embedded
/// database and lists them in time.
#[derive(Debug, Parser)]
#[command(name = "annals", version, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    /// The database: a file [default: ./annals.db], or a PostgreSQL database that several
    /// annals nodes share (postgres://user:password@host:port/dbname)
    #[arg(long, global = true, env = "ANNALS_DB", value_name = "PATH|URL")]
    pub db: Option<PathBuf>,
    /// Where this machine keeps the search index of a PostgreSQL database [default:
    /// ./DBNAME.pg.index] (an SQLite file's index is always beside it)
    #[arg(long, global = true, env = "ANNALS_INDEX_DIR", value_name = "DIR")]
    pub index_dir: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import event files and directories into the database, all or nothing.
    #[command(
        after_help = "Formats (docs/formats/): event cards (.txt, .card), native JSON (.json: one event or an \
array), JSON Lines (.jsonl, .ndjson), CSV (.csv, and tab- or semicolon-separated .tsv: annals' columns, \
or a TimelineJS sheet), TimelineJS JSON, Wikidata entity JSON or dumps and SPARQL JSON results (.json, \
told apart by content), Markdown with YAML front matter (.md), Wikipedia articles as wikitext (.wiki) \
and MediaWiki XML exports and pages-articles dumps (.xml, .xml.bz2; docs/formats/wikipedia.md). \
Other files are recognised by their content; --format overrides. Directories are \
read recursively (files with those extensions only). Importing the same record again updates it. \
Places without coordinates are looked up in the offline gazetteer (GeoNames); coordinates given \
in the input always win."
    )]
    Import(ImportArgs),
    /// Check event files without writing anything; list every problem.
    Check(CheckArgs),
    /// List events in chronological order.
    List(ListArgs),
    /// Show one event.
    Show(ShowArgs),
    /// Export events.
    Export(ExportArgs),
    /// Counts of what the database holds.
    Stats(StatsArgs),
    /// The places of the stored events, with their coordinates and GeoNames ids.
    Places(PlacesArgs),
    /// The media of the stored events (pictures, recordings, films) with their credits.
    #[command(
        after_help = "Every medium with the event it belongs to, its licence and its credit. With --licences, those \
that lack a licence (or a credit, unless the licence puts them in the public domain) are flagged and counted, and \
the command exits with 1 when any is (for a check before publishing). Media are given in the native JSON's \
\"media\" list (docs/media.md). Examples:\n  annals media\n  annals media --licences\n  annals media --licences --json"
    )]
    Media(MediaArgs),
    /// Import the bundled demo corpus (110 events, from the formation of the Earth to 2023)
    /// and serve it on http://127.0.0.1:8080 (or list it, with --no-serve).
    Demo(DemoArgs),
    /// Serve the web app and the HTTP API.
    Serve(ServeArgs),
    /// Search events by words, dates, places and participants in one query.
    Search(SearchArgs),
    /// How many events fall in each period of a window, with the most important of each.
    Timeline(TimelineArgs),
    /// Events on a month and day in history.
    OnThisDay(OnThisDayArgs),
    /// Events related to one event, and why.
    Related(RelatedArgs),
    /// Rebuild the search index from the store.
    Reindex,
    /// Users who may edit (editor, reviewer, admin), and their API tokens.
    #[command(subcommand)]
    User(UserCommand),
    /// Other names of participants and places: `participant:USA` then finds the events of
    /// "United States", `place:Constantinople` those of "Istanbul, Turkey".
    #[command(subcommand)]
    Alias(AliasCommand),
    /// Figures to print or put on a slide: the timeline of a window, or the map of a view, as
    /// SVG, PNG or PDF.
    #[command(
        subcommand,
        after_help = "The format is the --out file's extension (.svg, .png, .pdf). Labels never overlap: on a timeline the most \
important events are placed first and those that find no room are left out (the legend counts them); on a map events near \
each other are drawn as one marker with their count, as on the map page. Examples:\n  \
annals render timeline --from \"800 BC\" --to \"AD 500\" --out antiquity.png\n  \
annals render timeline \"participant:Napoleon\" --out napoleon.pdf --title \"Napoleon's wars\"\n  \
annals render map battle --from 1800 --to 1900 --view 35,-12,62,32 --out battles-europe.png\n  \
annals render map --event battle-of-hastings-1066 --view 45,-10,58,10 --out hastings.pdf"
    )]
    Render(RenderCommand),
    /// Stories: guided tours through events, stop by stop (docs/stories.md).
    #[command(
        subcommand,
        after_help = "A story is a native JSON file (docs/stories.md): an id, a title, a summary and its stops, each an \
event (by id), a query, or a time window and map view, with the author's own text. Served at /stories/ID.\n\
Examples:\n  annals story add road-to-hastings.json\n  annals story list\n  annals story show road-to-hastings\n  \
annals story export road-to-hastings --format timelinejs --out road-timeline.json\n  \
annals story import a-timelinejs-timeline.json\n  annals story remove road-to-hastings"
    )]
    Story(StoryCommand),
    /// Every state an event has had: who changed it, when, why, and what changed.
    History(HistoryArgs),
    /// Put an event back as it was after a given change (a new change itself; a deleted
    /// event comes back).
    Revert(RevertArgs),
    /// Pairs of events that look like one event recorded twice, waiting for review.
    #[command(
        after_help = "Imports propose pairs by themselves (same title and date, or alike enough: dates that \
overlap, titles, summaries, places and participants alike). --scan looks again through every stored event. \
Examples:\n  annals duplicates                       the review queue, best first\n  annals duplicates --scan --min-score 0.6\n  annals merge hastings hastings-2        keep hastings, merge hastings-2 into it\n  annals distinct kadesh kadesh-1274      two events after all: never proposed again"
    )]
    Duplicates(DuplicatesArgs),
    /// Make two events one: KEPT stays (with both records' lists and sources), OTHER is
    /// deleted and redirects to KEPT, links to OTHER point to KEPT.
    Merge(MergeArgs),
    /// Mark two events proposed as duplicates as different events.
    Distinct(DistinctArgs),
    /// Copy the database and its index, consistently, while a server may be writing.
    #[command(
        after_help = "The backup is a database itself: FILE and FILE.index/ beside it, at one write (generation). \
Writers wait while it is made; readers go on. `annals --db FILE search ...` works on it as it is, and \
`annals restore FILE` puts it back. Example:\n  annals backup /var/backups/annals-$(date +%F).db"
    )]
    Backup(BackupArgs),
    /// Put a backup made by `annals backup` in place as the database (--db).
    Restore(RestoreArgs),
    /// Copy a whole store into a new, empty one: SQLite to PostgreSQL or back.
    #[command(
        after_help = "Everything is copied in one transaction: events, their history and tombstones, commits (who, when, why), redirects, duplicate decisions, profiles and other names, users, sessions and tokens. The copy is then read back and compared with the original: the counts of each kind and a checksum of every row must agree, or the command fails. The destination's search index is built when first used (or by `annals reindex`). Examples:\n  annals migrate --from annals.db --to postgres://annals@db.example/annals\n  annals migrate --from postgres://annals@db.example/annals --to copy.db"
    )]
    Migrate(MigrateArgs),
    /// Find the dates in prose (text, Markdown, TimeML) and propose the events they date.
    #[command(
        after_help = "Writes nothing unless --import is given. Examples:\n  annals extract article.txt                    event candidates, for review\n  annals extract article.md --json              the same as native JSON Lines\n  annals extract article.txt --import           store them (tagged `extracted`)\n  annals extract doc.tml --format timeml        the text with TIMEX3 tags inline\n  annals extract notes.txt --dct 1960-01-20 --anchor news --format timeml"
    )]
    Extract(ExtractArgs),
    /// Score TimeML time expressions against gold files as TempEval-3 does.
    #[command(
        after_help = "Files are paired by name. Prints per-file counts and micro-averaged strict and relaxed extent \
P/R/F1, type and value F1 (type/value accuracy over relaxed matches times relaxed F1). A missing \
system file, or one whose text differs from the gold, is reported and counted as all misses \
(exit code 1)."
    )]
    EvalTimex(EvalTimexArgs),
}

/// Options of the readers.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Files and directories to read.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read every file in this format instead of guessing from its name and content.
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,
    /// For CSV from other spreadsheets: map their column headers onto annals' columns
    /// (`"Name=title,When=date_text,Notes=-"`; `-` ignores a column). See docs/formats/csv.md.
    #[arg(long, value_name = "MAP")]
    pub columns: Option<String>,
    /// The cell delimiter of CSV files: `,`, `;`, `tab` (or `\t`). By default a `.tsv` file's is
    /// a tab, and others' the one their header row uses.
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Keep places exactly as given: do not look up coordinates in the offline gazetteer.
    #[arg(long)]
    pub no_gazetteer: bool,
    /// The calendar of dates written as text without a calendar of their own. `auto` reads day
    /// and month dates before 15 October 1582 as Julian.
    #[arg(long, value_enum, default_value = "auto")]
    pub calendar: CalendarArg,
}

/// `annals import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What to read.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Import the valid records and report each rejected one as file:line: reason.
    #[arg(long)]
    pub skip_invalid: bool,
}

/// `annals check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// What to read.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Also check that the search index agrees with the store (same events, same generation).
    #[arg(long)]
    pub index: bool,
}

/// `annals serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// A file holding the token that writes need (`Authorization: Bearer TOKEN`); without it
    /// the server is read-only. One line of at least 16 printable ASCII characters, in a
    /// file that only its owner can write and others cannot read.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// A streaming replica of the PostgreSQL database (--db) to read pages and events from;
    /// writes and the index's catching up go to --db. While the primary is down, reads go on
    /// and writes answer 503 database_unavailable.
    #[arg(long, env = "ANNALS_READ_DB", value_name = "URL")]
    pub read_db: Option<String>,
    /// Request logs on standard error: `text` or `json` (one object per line). The level
    /// comes from RUST_LOG (default `info`).
    #[arg(long, value_enum, default_value = "text")]
    pub log_format: LogFormat,
    /// The sites that may show the embed pages (/embed/...) in a frame: `*` for any, `'none'`,
    /// or addresses separated by spaces (`https://school.example https://museum.example`).
    #[arg(long, value_name = "SOURCES", default_value = "*", value_parser = embed_sources)]
    pub embed_allow: String,
    /// Largest body of a write other than an import.
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20, help_heading = "Limits (docs/deploy.md)")]
    pub max_body: usize,
    /// Largest body of an import (POST /api/import).
    #[arg(long, value_name = "BYTES", default_value_t = 16 << 20, help_heading = "Limits (docs/deploy.md)")]
    pub max_import: usize,
    /// Largest picture uploaded (POST /api/media, and from the editor).
    #[arg(long, value_name = "BYTES", default_value_t = 20 << 20, help_heading = "Limits (docs/deploy.md)")]
    pub max_upload: usize,
    /// Seconds for a client to send a request's headers; also how long an idle kept-alive
    /// connection stays open.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..), help_heading = "Limits (docs/deploy.md)")]
    pub header_timeout: u64,
    /// Seconds for a client to send a request's body.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..), help_heading = "Limits (docs/deploy.md)")]
    pub body_timeout: u64,
    /// Open connections at most (lowered to fit the open-file limit); more get 503.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1024,
        help_heading = "Limits (docs/deploy.md)"
    )]
    pub max_connections: usize,
    /// Searches, timelines, maps and exports run at most N at once [default: cores - 1].
    #[arg(long, value_name = "N", help_heading = "Limits (docs/deploy.md)")]
    pub expensive: Option<usize>,
    /// Expensive requests waiting at most; more get 503.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 64,
        help_heading = "Limits (docs/deploy.md)"
    )]
    pub queue: usize,
    /// Writes per client address per minute; more get 429.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 120,
        help_heading = "Limits (docs/deploy.md)"
    )]
    pub writes_per_minute: u32,
    /// Seconds given to requests in flight on SIGTERM or Ctrl-C.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 10,
        help_heading = "Limits (docs/deploy.md)"
    )]
    pub shutdown_grace: u64,
}

/// Log formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// `annals demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Only import and list; do not serve.
    #[arg(long)]
    pub no_serve: bool,
    /// How to serve.
    #[command(flatten)]
    pub serve: ServeArgs,
}

/// `annals search`.
#[derive(Debug, Args)]
#[command(
    after_help = "The query language (docs/query.md): words (stemmed, accents folded, typo tolerant), \"phrases\", \
-exclusion, OR, parentheses, and filters date:1950..1970 within:1939..1945 place:\"Washington, D.C.\" \
country:Japan participant:\"Japanese government\" tag:treaty near:35.68,139.69,300km \
bbox:south,west,north,east id:ID sort:relevance|date|-date.

Example: annals search 'treaty country:Japan date:1950..1970 near:35.68,139.69,300km'"
)]
pub struct SearchArgs {
    /// The query (several arguments are joined with spaces).
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Run one query per line of FILE (`-` for standard input) and print one JSON object per line.
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    pub queries: Option<PathBuf>,
    /// Hits per page.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Continue after this cursor (the `next_cursor` of the previous page).
    #[arg(long)]
    pub cursor: Option<String>,
    /// Print JSON: {"total": N, "hits": [...], "facets": {...}, "next_cursor": ...}.
    #[arg(long)]
    pub json: bool,
    /// Skip facet counts (faster).
    #[arg(long)]
    pub no_facets: bool,
}

/// A query and a time window, as `timeline` and `render timeline` take them.
#[derive(Debug, Args)]
pub struct WindowArgs {
    /// Only events matching this query (default: all).
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Start of the window (a date: "1900", "44 BC", "66 million years ago", EDTF; default:
    /// the first event).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// End of the window (default: the last event).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub to: Option<String>,
}

/// `annals timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub window: WindowArgs,
    /// At most this many buckets; the unit (day, month, year, decade, century, ... billion
    /// years) is the finest that fits.
    #[arg(long, default_value_t = 20)]
    pub buckets: usize,
    /// Events listed per bucket, by importance.
    #[arg(long, default_value_t = 3)]
    pub top: usize,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Batch mode for scripts and benchmarks: one density query per line of FILE (`-` for
    /// standard input), each a JSON object `{"q": "...", "from": "1800", "to": "1949",
    /// "buckets": 15, "top": 0}` (every field optional; the options above are the defaults);
    /// one timeline JSON object per line out, with `took_ms`.
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    pub queries: Option<PathBuf>,
}

/// `annals on-this-day`.
#[derive(Debug, Args)]
pub struct OnThisDayArgs {
    /// Month and day, MM-DD [default: today].
    #[arg(long, value_name = "MM-DD")]
    pub date: Option<String>,
    /// At most this many events.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `annals related`.
#[derive(Debug, Args)]
pub struct RelatedArgs {
    /// The event's id.
    pub id: String,
    /// At most this many events.
    #[arg(long, default_value_t = 12)]
    pub limit: usize,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `annals list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only events that overlap this date or later ("1950", "44 BC", "1960-01", EDTF).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// Only events that overlap this date or earlier.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub to: Option<String>,
    /// Only events at this place ("Rome", "Washington, D.C., United States") or in this country.
    #[arg(long)]
    pub place: Option<String>,
    /// Only events with this participant.
    #[arg(long)]
    pub participant: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Print native JSON, one event per line.
    #[arg(long)]
    pub json: bool,
}

/// `annals show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The event's id (as `annals list` prints it).
    pub id: String,
    /// Print native JSON.
    #[arg(long)]
    pub json: bool,
}

/// `annals export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Write here instead of standard output. For `card`, an existing directory (or a path
    /// ending in `/`) gets one file per event; `markdown` always writes one file per event.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Export only the hits of this query (the search query language), in its order.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
}

/// `annals extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Plain text, Markdown or TimeML files.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// What to write: `events` (candidates, one per line), `json` (native JSON Lines events),
    /// `timeml` (the text with TIMEX3 tags inline), `timex` (one JSON object per expression).
    #[arg(long, default_value = "events", value_parser = ["events", "json", "timeml", "timex"])]
    pub format: String,
    /// Write native JSON Lines events (the same as --format json).
    #[arg(long)]
    pub json: bool,
    /// The document's date, for plain text (TimeML files have their own <DCT>): 2009-12-19,
    /// 1960-01, "January 19, 1960".
    #[arg(long, value_name = "DATE")]
    pub dct: Option<String>,
    /// What relative dates count from: `narrative` (the story's current date, which moves with
    /// the text) or `news` (the document date).
    #[arg(long, default_value = "narrative", value_parser = ["narrative", "news"])]
    pub anchor: String,
    /// Read the files as `text`, `markdown` or `timeml` instead of guessing.
    #[arg(long, value_parser = ["text", "markdown", "timeml"])]
    pub input: Option<String>,
    /// Write one file per input into this directory (the same name; `.tml` for timeml).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Store the event candidates in the database, tagged `extracted`, in one transaction.
    #[arg(long)]
    pub import: bool,
}

/// `annals eval-timex`.
#[derive(Debug, Args)]
pub struct EvalTimexArgs {
    /// Directory of gold TimeML files.
    #[arg(value_name = "GOLD_DIR")]
    pub gold: PathBuf,
    /// Directory of system TimeML files (paired with the gold by file name).
    #[arg(value_name = "SYSTEM_DIR")]
    pub system: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Also list every difference: missed, spurious, extent, type, value.
    #[arg(long)]
    pub diff: bool,
}

/// `annals render ...`.
#[derive(Debug, Subcommand)]
pub enum RenderCommand {
    /// The timeline of a window: the most important events as dots and bars above a time axis,
    /// a title, a legend and a credit line.
    Timeline(RenderTimelineArgs),
    /// The map of a view: the located events as named dots and clusters on the world's
    /// countries, a title, a legend, a scale bar and the credits of the map's data.
    Map(RenderMapArgs),
}

/// `annals render map`.
#[derive(Debug, Args)]
pub struct RenderMapArgs {
    #[command(flatten)]
    pub window: WindowArgs,
    /// The part of the world to show: SOUTH,WEST,NORTH,EAST in degrees (default: the whole
    /// world), as in the map page's address.
    #[arg(long, value_name = "S,W,N,E", allow_hyphen_values = true)]
    pub view: Option<String>,
    /// An event to mark with a pin and name first (its id).
    #[arg(long, value_name = "ID")]
    pub event: Option<String>,
    #[command(flatten)]
    pub figure: FigureArgs,
}

/// The file a figure goes to, its title and its width.
#[derive(Debug, Args)]
pub struct FigureArgs {
    /// The file to write: .svg, .png (twice the width in pixels) or .pdf.
    #[arg(long, short)]
    pub out: PathBuf,
    /// The figure's title (default: the query and the window).
    #[arg(long)]
    pub title: Option<String>,
    /// Its width in pixels (480 to 6000).
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
}

/// `annals render timeline`.
#[derive(Debug, Args)]
pub struct RenderTimelineArgs {
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub figure: FigureArgs,
    /// Events considered: the most important of each period of the window.
    #[arg(long, default_value_t = 80)]
    pub events: usize,
}

/// `annals story ...`.
#[derive(Debug, Subcommand)]
pub enum StoryCommand {
    /// Store stories from native JSON files (one story each), all or nothing; a story of the
    /// same id is replaced (its earlier states stay in its history). Every event a stop names
    /// must be stored.
    Add {
        /// The story files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the stories.
    List {
        /// One JSON object per story: id, title, stops.
        #[arg(long)]
        json: bool,
    },
    /// Show a story stop by stop.
    Show {
        /// The story's id.
        id: String,
    },
    /// Import a TimelineJS JSON file as a story: its slides become events (or update them) and
    /// the story's stops, in the file's order, with their text; all or nothing.
    Import {
        /// The TimelineJS file.
        file: PathBuf,
        /// The story's id (default: made from the timeline's title).
        #[arg(long)]
        id: Option<String>,
    },
    /// Write a story as native JSON, or as a TimelineJS timeline (to standard output, or --out).
    Export {
        /// The story's id.
        id: String,
        /// `json` (annals' own) or `timelinejs` (slides in TimelineJS's date order; what
        /// TimelineJS cannot show is said on standard error).
        #[arg(long, default_value = "json", value_parser = ["json", "timelinejs"])]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Every state a story has had: who changed it, when and why.
    History {
        /// The story's id.
        id: String,
    },
    /// Delete a story (its earlier states stay in its history).
    Remove {
        /// The story's id.
        id: String,
    },
}

/// `annals alias ...`.
#[derive(Debug, Subcommand)]
pub enum AliasCommand {
    /// Give a participant (or with --place, a place) other names
    /// (`annals alias add "United States" USA "United States of America"`).
    Add {
        /// The name, as its events write it.
        name: String,
        /// Its other names.
        #[arg(required = true)]
        aliases: Vec<String>,
        /// Of a place ("Istanbul, Turkey"), not a participant.
        #[arg(long)]
        place: bool,
    },
    /// List every other name of participants and places.
    List,
    /// Forget other names.
    Remove {
        /// The names to forget.
        #[arg(required = true)]
        aliases: Vec<String>,
        /// Of a place, not a participant.
        #[arg(long)]
        place: bool,
    },
}

/// `annals user ...`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user; the password is read from standard input (one line, at least 10
    /// characters).
    Add {
        /// The user's name.
        name: String,
        /// What they may do: editor (events), reviewer (also duplicates), admin (also users).
        #[arg(long, default_value = "editor", value_parser = ["editor", "reviewer", "admin"])]
        role: String,
    },
    /// List the users.
    List,
    /// Change a user's role.
    Role {
        /// The user's name.
        name: String,
        /// editor, reviewer or admin.
        #[arg(value_parser = ["editor", "reviewer", "admin"])]
        role: String,
    },
    /// Make an API token for a user (printed once: keep it; only its hash is stored).
    Token {
        /// The user's name.
        name: String,
        /// read, write, or admin (write acts as an editor or reviewer; admin with the user's
        /// whole role).
        #[arg(long, default_value = "write", value_parser = ["read", "write", "admin"])]
        scope: String,
        /// A label to tell tokens apart.
        #[arg(long, default_value = "")]
        label: String,
    },
    /// List API tokens (a user's, or everyone's), never their secrets.
    Tokens {
        /// Only this user's.
        name: Option<String>,
    },
    /// Revoke an API token by its number (`annals user tokens` lists them).
    Revoke {
        /// The token's number.
        id: i64,
    },
}

/// `annals history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The event's id.
    pub id: String,
    /// Print JSON: every revision with its commit and the event as it was.
    #[arg(long)]
    pub json: bool,
}

/// `annals revert`.
#[derive(Debug, Args)]
pub struct RevertArgs {
    /// The event's id.
    pub id: String,
    /// The change (generation) whose state to put back, as `annals history` numbers it.
    pub generation: u64,
    /// Why (recorded with the change).
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
}

/// `annals duplicates`.
#[derive(Debug, Args)]
pub struct DuplicatesArgs {
    /// Look through every stored event for pairs (through the search index: dates that
    /// overlap, words alike) and propose them, before listing the queue.
    #[arg(long)]
    pub scan: bool,
    /// With --scan: propose pairs scoring at least this (0 to 1).
    #[arg(long, value_name = "SCORE", default_value_t = annals_index::duplicates::MIN_SCORE)]
    pub min_score: f64,
    /// List at most this many pairs.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
    /// Print JSON Lines: a, b, score, reasons.
    #[arg(long)]
    pub json: bool,
}

/// `annals merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The event that stays.
    pub kept: String,
    /// The event merged into it.
    pub other: String,
    /// Why (recorded with the change).
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
}

/// `annals distinct`.
#[derive(Debug, Args)]
pub struct DistinctArgs {
    /// One event.
    pub a: String,
    /// The other.
    pub b: String,
}

/// `annals backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file to write (its index goes to FILE.index/).
    #[arg(value_name = "FILE")]
    pub to: PathBuf,
}

/// `annals migrate`.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// The store to copy: a file or a postgres:// URL.
    #[arg(long, value_name = "PATH|URL")]
    pub from: PathBuf,
    /// The new, empty store to fill: a file or a postgres:// URL.
    #[arg(long, value_name = "PATH|URL")]
    pub to: PathBuf,
}

/// `annals restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup (a file written by `annals backup`, with FILE.index/ beside it).
    #[arg(value_name = "FILE")]
    pub from: PathBuf,
    /// Replace the database if it exists (stop any server using it first).
    #[arg(long)]
    pub force: bool,
}

/// `annals stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `annals places`.
#[derive(Debug, Args)]
pub struct PlacesArgs {
    /// Only the places without coordinates (not in the gazetteer, none given).
    #[arg(long)]
    pub unresolved: bool,
    /// Print JSON Lines: one place per line.
    #[arg(long)]
    pub json: bool,
}

/// `annals media`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct MediaArgs {
    /// Keep pictures in the database (`annals media add FILE...`).
    #[command(subcommand)]
    pub action: Option<MediaCommand>,
    /// Flag the media without a licence or a credit, count them, and exit with 1 when any is.
    #[arg(long, alias = "licenses")]
    pub licences: bool,
    /// Print JSON Lines: one medium per line, with what it lacks.
    #[arg(long)]
    pub json: bool,
}

/// What `annals media` does besides listing.
#[derive(Debug, Subcommand)]
pub enum MediaCommand {
    /// Keep pictures (JPEG, PNG or WebP) in the database: known by their bytes, whatever their
    /// names; their metadata (EXIF with the camera's position, XMP, comments) stripped; a photo
    /// taken sideways turned upright; smaller copies made for pages. Prints each one's
    /// `media:` address, to give as the url of a medium of an event, a story stop or a profile.
    /// All files are checked before any is kept.
    #[command(
        after_help = "Example:\n  annals media add scans/treaty.jpg\n  media:3f5c…e1  scans/treaty.jpg  2400×1800 image/jpeg, copies 320, 640, 1280\n\nthen, in the event's JSON: \"media\": [{\"url\": \"media:3f5c…e1\", \"alt\": \"…\", \"credit\": \"…\", \"licence\": \"CC-BY-4.0\"}]"
    )]
    Add {
        /// The picture files.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// Largest file taken, in bytes.
        #[arg(long, value_name = "BYTES", default_value_t = 20 << 20)]
        max_upload: usize,
    },
    /// The stored pictures that nothing names: no event, profile or story, now or in any
    /// revision of its history (an upload never used, or one whose every mention was removed
    /// and whose history was emptied). Lists them with their size, when and by whom they were
    /// kept; with --delete removes those kept more than --older-than hours ago.
    #[command(
        after_help = "Examples:\n  annals media unused\n  annals media unused --delete\n  annals media unused --delete --older-than 0\n\nA picture uploaded in the editor is named by the event only once it is saved: the default grace of 24 hours keeps the pictures of edits in progress."
    )]
    Unused {
        /// Remove them (those older than --older-than), and say how many bytes that freed.
        #[arg(long)]
        delete: bool,
        /// Keep the pictures kept less than this many hours ago, named or not.
        #[arg(long, value_name = "HOURS", default_value_t = 24)]
        older_than: u64,
    },
}

/// Input formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    /// Event cards.
    Card,
    /// Native JSON (one event or an array).
    Json,
    /// Native JSON Lines.
    Jsonl,
    /// CSV with annals' columns (or others, with --columns).
    Csv,
    /// TimelineJS JSON.
    Timelinejs,
    /// The TimelineJS spreadsheet, as CSV.
    TimelinejsCsv,
    /// Markdown with YAML front matter, one event per file.
    Markdown,
    /// Wikidata entity JSON, or a dump of entities.
    Wikidata,
    /// One Wikipedia article's wikitext (its title from the file name).
    Wikitext,
    /// A MediaWiki XML export or pages-articles dump, plain or bzip2 (multistream too).
    Mediawiki,
    /// SPARQL JSON results (the Wikidata Query Service): item, label, date, coordinates.
    Sparql,
}

/// Output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    /// Native JSON Lines: every field.
    Jsonl,
    /// Event cards, with related events as lead cards.
    Card,
    /// CSV with annals' columns: every field but the texts in other languages.
    Csv,
    /// TimelineJS JSON (opens in TimelineJS).
    Timelinejs,
    /// The TimelineJS spreadsheet, as CSV.
    TimelinejsCsv,
    /// GeoJSON FeatureCollection of the events with coordinates.
    Geojson,
    /// JSON-LD with schema.org Event.
    Jsonld,
    /// Markdown with YAML front matter, one file per event (needs --out DIR): every field but
    /// the texts in other languages.
    Markdown,
    /// Wikidata entity JSON (a dump of items).
    Wikidata,
}

/// Calendar option.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CalendarArg {
    /// Julian before 15 October 1582, Gregorian after.
    Auto,
    /// All text dates are Julian.
    Julian,
    /// All text dates are Gregorian.
    Gregorian,
}

/// `--delimiter`: one ASCII character, or `tab`.
fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() && s != "\"" && s != "\n" => Ok(s.as_bytes()[0]),
        _ => Err(format!(
            "{s:?}: expected one character such as , or ; or tab"
        )),
    }
}

/// A `frame-ancestors` source list: `*`, `'none'`, or addresses (scheme://host[:port]) with
/// nothing that could end the policy or start another directive.
fn embed_sources(s: &str) -> Result<String, String> {
    let s = s.trim();
    let ok = |src: &str| {
        src == "*"
            || src == "'none'"
            || src == "'self'"
            || ((src.starts_with("https://") || src.starts_with("http://"))
                && src.len() <= 200
                && src
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:/*".contains(&b)))
    };
    if !s.is_empty() && s.split_whitespace().all(ok) {
        Ok(s.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Err(format!(
            "{s:?}: expected *, 'none', or addresses such as https://school.example separated by spaces"
        ))
    }
}
