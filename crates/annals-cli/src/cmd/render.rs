//! `annals render`: figures as SVG, PNG or PDF (`annals-render`), from the search index.

use super::{open_existing, window};
use crate::cli::{RenderCommand, RenderTimelineArgs};
use crate::{exit, InvalidInput};
use annals_dates::DayNumber;
use annals_render::{Format, Window};
use annals_store::Db;
use anyhow::{Context, Result};

pub fn render(db: &Db, cmd: RenderCommand) -> Result<u8> {
    match cmd {
        RenderCommand::Timeline(args) => timeline(db, &args),
    }
}

fn timeline(db: &Db, args: &RenderTimelineArgs) -> Result<u8> {
    let name = args.out.display().to_string();
    let format = Format::of(&name).ok_or_else(|| {
        InvalidInput(format!(
            "--out {name}: expected a file name ending in .svg, .png or .pdf"
        ))
    })?;
    if !(480..=6000).contains(&args.width) {
        return Err(InvalidInput(format!("--width {}: expected 480 to 6000", args.width)).into());
    }
    open_existing(db)?;
    let index = crate::indexer::for_search(db)?;
    let query = args.window.query.join(" ");
    let request = annals_query::parse(&query).map_err(|e| InvalidInput(e.to_string()))?;
    let (from, to) = window(args.window.from.as_deref(), args.window.to.as_deref())?;
    let store_name = db.file().and_then(|f| f.file_name()).map_or_else(
        || "a PostgreSQL store".to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    let w = Window {
        query: query.clone(),
        from,
        to,
        events: args.events,
        title: args.title.clone(),
        credit: format!("annals · {store_name} · {}", DayNumber::today()),
        width: f64::from(args.width),
    };
    let Some(figure) = annals_render::timeline_figure(&index, &request, &w)? else {
        return Err(InvalidInput(format!("no events match {query:?} in this window")).into());
    };
    let svg = annals_render::timeline_svg(&figure);
    let bytes = format.bytes(&svg)?;
    std::fs::write(&args.out, bytes).with_context(|| format!("cannot write {name}"))?;
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
