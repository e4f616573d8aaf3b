//! `annals render`: figures as SVG, PNG or PDF (`annals-render`), from the search index: the
//! timeline of a window and the map of a view.

use super::{open_existing, window};
use crate::cli::{FigureArgs, RenderCommand, RenderMapArgs, RenderTimelineArgs};
use crate::{exit, InvalidInput};
use annals_dates::DayNumber;
use annals_render::{Format, Window};
use annals_store::Db;
use anyhow::{Context, Result};

pub fn render(db: &Db, cmd: RenderCommand) -> Result<u8> {
    match cmd {
        RenderCommand::Timeline(args) => timeline(db, &args),
        RenderCommand::Map(args) => map(db, &args),
    }
}

/// The format `--out` asks for, and a width within reason.
fn output(f: &FigureArgs) -> Result<Format> {
    let (out, width) = (&f.out, f.width);
    let name = out.display().to_string();
    let format = Format::of(&name).ok_or_else(|| {
        InvalidInput(format!(
            "--out {name}: expected a file name ending in .svg, .png or .pdf"
        ))
    })?;
    if !(480..=6000).contains(&width) {
        return Err(InvalidInput(format!("--width {width}: expected 480 to 6000")).into());
    }
    Ok(format)
}

/// The credit line: annals, the store, today.
fn credit(db: &Db) -> String {
    let store_name = db.file().and_then(|f| f.file_name()).map_or_else(
        || "a PostgreSQL store".to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    format!("annals · {store_name} · {}", DayNumber::today())
}

fn map(db: &Db, args: &RenderMapArgs) -> Result<u8> {
    let name = args.figure.out.display().to_string();
    let format = output(&args.figure)?;
    let view = match args.view.as_deref() {
        None => annals_render::map::WORLD,
        Some(v) => annals_render::map::parse_view(v).ok_or_else(|| {
            InvalidInput(format!(
                "--view {v}: expected SOUTH,WEST,NORTH,EAST in degrees, such as 35,-12,62,32 (south below north, west of east, some of the world in view)"
            ))
        })?,
    };
    let store = open_existing(db)?;
    let selected = match args.event.as_deref() {
        None => None,
        Some(id) => {
            let Some(e) = store.get(id)? else {
                return Ok(super::not_found(id));
            };
            let pin = annals_render::map::selected(&e);
            if pin.is_none() {
                return Err(InvalidInput(format!(
                    "--event {id}: the event has no place with coordinates to pin"
                ))
                .into());
            }
            pin
        }
    };
    let index = crate::indexer::for_search(db)?;
    let query = args.window.query.join(" ");
    let request = annals_query::parse(&query).map_err(|e| InvalidInput(e.to_string()))?;
    let (from, to) = window(args.window.from.as_deref(), args.window.to.as_deref())?;
    let w = annals_render::MapWindow {
        query: query.clone(),
        window: (from.is_some() || to.is_some())
            .then(|| (from.unwrap_or(i64::MIN), to.unwrap_or(i64::MAX))),
        view,
        selected,
        title: args.figure.title.clone(),
        credit: credit(db),
        width: f64::from(args.figure.width),
    };
    let Some(figure) = annals_render::map_figure(&index, &request, &w)? else {
        return Err(InvalidInput(format!(
            "no located events match {query:?} in this window and view"
        ))
        .into());
    };
    let bytes = format.bytes(&annals_render::map_svg(&figure))?;
    std::fs::write(&args.figure.out, bytes).with_context(|| format!("cannot write {name}"))?;
    let drawn = figure.layout.markers.len();
    outln!(
        "wrote {name}: {} located event{} in {drawn} marker{}, {} named",
        figure.total,
        super::plural(figure.total as usize),
        super::plural(drawn),
        figure
            .layout
            .labels
            .iter()
            .filter(|l| matches!(
                l.kind,
                annals_render::map::Kind::Event
                    | annals_render::map::Kind::Cluster
                    | annals_render::map::Kind::Selected
            ))
            .count()
    );
    Ok(exit::OK)
}

fn timeline(db: &Db, args: &RenderTimelineArgs) -> Result<u8> {
    let name = args.figure.out.display().to_string();
    let format = output(&args.figure)?;
    open_existing(db)?;
    let index = crate::indexer::for_search(db)?;
    let query = args.window.query.join(" ");
    let request = annals_query::parse(&query).map_err(|e| InvalidInput(e.to_string()))?;
    let (from, to) = window(args.window.from.as_deref(), args.window.to.as_deref())?;
    let w = Window {
        query: query.clone(),
        from,
        to,
        events: args.events,
        title: args.figure.title.clone(),
        credit: credit(db),
        width: f64::from(args.figure.width),
    };
    let Some(figure) = annals_render::timeline_figure(&index, &request, &w)? else {
        return Err(InvalidInput(format!("no events match {query:?} in this window")).into());
    };
    let svg = annals_render::timeline_svg(&figure);
    let bytes = format.bytes(&svg)?;
    std::fs::write(&args.figure.out, bytes).with_context(|| format!("cannot write {name}"))?;
    let layout = annals_render::timeline::layout(&figure);
    outln!(
        "wrote {name}: {} event{} drawn of {} in the window{}",
        layout.placed.len(),
        if layout.placed.len() == 1 { "" } else { "s" },
        figure.total,
        if layout.left_out > 0 {
            format!(" ({} more left out for want of room)", layout.left_out)
        } else {
            String::new()
        }
    );
    Ok(exit::OK)
}
