//! The whole path on the crate's own fixtures, and on the real samples of
//! `../shared/datasets/wikipedia-dev` when present (skipped with a message otherwise, failing
//! under `CI=true`).

use annals_core::Event;
use annals_dates::CalendarHint;
use annals_wiki::{read, Input, Report, Skip, WikiError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[path = "../../../tests/support/shared.rs"]
#[allow(dead_code)] // only `skipped` is used here
mod support;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read_bytes(input: Input, bytes: &[u8]) -> (Vec<Result<Event, WikiError>>, Report) {
    let mut out = Vec::new();
    let mut report = Report::default();
    let r = read(
        &input,
        &mut || Ok(Box::new(bytes) as Box<dyn Read>),
        CalendarHint::Auto,
        &mut report,
        &mut |_| {},
        &mut |item| {
            out.push(item);
            true
        },
    );
    if let Err(e) = r {
        out.push(Err(e));
    }
    (out, report)
}

fn events(items: &[Result<Event, WikiError>]) -> Vec<&Event> {
    items.iter().filter_map(|i| i.as_ref().ok()).collect()
}

fn by_title<'a>(es: &[&'a Event], title: &str) -> &'a Event {
    es.iter()
        .find(|e| e.title == title)
        .unwrap_or_else(|| panic!("no event {title:?}"))
}

#[test]
fn one_article() {
    let bytes = std::fs::read(fixture("Battle_of_Greyford.wiki")).unwrap();
    let (items, report) = read_bytes(Input::Wikitext(Some("Battle of Greyford".into())), &bytes);
    let es = events(&items);
    assert_eq!(es.len(), 1, "{items:?}");
    let e = es[0];
    assert_eq!(e.id, "battle-of-greyford-1402");
    // Before 1582 a day is Julian: 14 March 1402 (O.S.) is 23 March (proleptic Gregorian).
    assert_eq!(e.date.edtf, "1402-03-23");
    assert_eq!(
        e.summary,
        "The Battle of Greyford was fought on 14 March 1402 at the ford of Greyford, between the League of River Towns and the Earldom of Harl."
    );
    assert_eq!(e.places[0].name, "Greyford");
    assert_eq!(e.places[0].country, "England");
    assert_eq!(
        (e.places[0].lat, e.places[0].lon),
        (Some(51.5), Some(-1.25))
    );
    let parts: Vec<(&str, &str)> = e
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        parts,
        [
            ("League of River Towns", "combatant, side 1"),
            ("Abbey of Ashmere", "combatant, side 1"),
            ("Earldom of Harl", "combatant, side 2"),
            ("Ada of Merrow", "commander, side 1"),
            ("Tomas Wend", "commander, side 1"),
            ("Earl Osric", "commander, side 2"),
        ]
    );
    let kp: Vec<&str> = e.key_points.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(kp, ["Result", "Background", "Battle", "Aftermath"]);
    assert_eq!(e.key_points[0].text, "Victory for the river towns");
    assert!(
        e.body[0].starts_with("It ended the first phase"),
        "{:?}",
        e.body
    );
    assert!(e
        .body
        .iter()
        .any(|p| p.starts_with("The river towns had refused")));
    assert_eq!(
        e.sources[0].url.as_deref(),
        Some("https://en.wikipedia.org/wiki/Battle_of_Greyford")
    );
    assert_eq!(e.sources[0].licence.as_deref(), Some("CC BY-SA 4.0"));
    assert!(e.validate().is_ok());
    assert_eq!(report.events, 1);
    // Alone, its links name no event of the input.
    assert!(e.related.is_empty());
    assert!(report.unresolved_links > 0);
}

#[test]
fn title_from_the_lead_when_not_given() {
    let bytes = std::fs::read(fixture("Battle_of_Greyford.wiki")).unwrap();
    let (items, _) = read_bytes(Input::Wikitext(None), &bytes);
    assert_eq!(events(&items)[0].title, "Battle of Greyford");
}

#[test]
fn an_export_with_relations_and_skipped_pages() {
    let bytes = std::fs::read(fixture("sample.xml")).unwrap();
    let (items, report) = read_bytes(Input::Xml, &bytes);
    assert!(items.iter().all(Result::is_ok), "{items:?}");
    let es = events(&items);
    let dates: Vec<(&str, &str)> = es
        .iter()
        .map(|e| (e.title.as_str(), e.date.edtf.as_str()))
        .collect();
    assert_eq!(
        dates,
        [
            ("Greyford War", "1399/1405"),
            ("Battle of Greyford", "1402-03-23"),
            // The Julian rule holds for the date templates too: 2 June 1405 (O.S.).
            ("Treaty of Ashmere", "1405-06-11"),
            ("Siege of Old Harl", "-0217~"),
            ("Merrow earthquake", "1755-11-01"),
            ("Coronation of Tsar Example", "1896-05-26"),
            ("Merrow flood", "1821-05-03"),
        ]
    );
    let rel = |t: &str| -> Vec<(String, String)> {
        by_title(&es, t)
            .related
            .iter()
            .map(|r| (r.id.clone(), r.kind.clone()))
            .collect()
    };
    assert_eq!(
        rel("Battle of Greyford"),
        [
            ("greyford-war-1399".to_string(), "part_of".to_string()),
            ("treaty-of-ashmere-1405".to_string(), "related".to_string()),
        ]
    );
    assert_eq!(
        rel("Treaty of Ashmere"),
        [
            ("battle-of-greyford-1402".to_string(), "follows".to_string()),
            ("greyford-war-1399".to_string(), "related".to_string()),
        ]
    );
    assert_eq!(
        rel("Merrow flood"),
        [("merrow-earthquake-1755".to_string(), "related".to_string())]
    );
    let treaty = by_title(&es, "Treaty of Ashmere");
    let roles: Vec<(&str, &str)> = treaty
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        roles,
        [
            ("League of River Towns", "party"),
            ("Earldom of Harl", "party"),
            ("Ada of Merrow", "signatory"),
            ("Osric, Earl of Harl", "signatory"),
        ]
    );
    assert_eq!(treaty.places[0].name, "Ashmere Abbey");
    assert_eq!(
        treaty.sources[0].url.as_deref(),
        Some("https://en.wikipedia.org/w/index.php?title=Treaty_of_Ashmere&oldid=9003")
    );
    assert!(treaty.sources[0]
        .name
        .contains("revision 9003 of 2024-05-03T10:00:00Z"));
    assert_eq!(report.pages, 14);
    assert_eq!(report.events, 7);
    assert_eq!(report.by_lead, 1);
    assert_eq!(report.undated, 1);
    assert_eq!(report.undated_examples[0].0, "Battle of Ashmere Bridge");
    let skipped = |k| report.skipped.get(&k).copied().unwrap_or(0);
    assert_eq!(skipped(Skip::Person), 1);
    assert_eq!(skipped(Skip::Place), 1);
    assert_eq!(skipped(Skip::List), 1);
    assert_eq!(skipped(Skip::Disambiguation), 1);
    assert_eq!(skipped(Skip::Redirect), 1);
    assert_eq!(skipped(Skip::Namespace), 1);
    for e in &es {
        assert!(e.validate().is_ok(), "{}", e.id);
    }
}

fn bz2(bytes: &[u8]) -> Vec<u8> {
    let mut enc = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn bzip2_single_and_multistream() {
    let xml = std::fs::read(fixture("sample.xml")).unwrap();
    let (plain, _) = read_bytes(Input::Xml, &xml);
    let (single, _) = read_bytes(Input::Xml, &bz2(&xml));
    assert_eq!(events(&plain), events(&single));
    // Multistream: the header, each page and the footer compressed on their own, as
    // `pages-articles-multistream` dumps are.
    let text = String::from_utf8(xml.clone()).unwrap();
    let mut multi = Vec::new();
    let mut rest = text.as_str();
    while let Some(k) = rest.find("  <page>") {
        multi.extend(bz2(&rest.as_bytes()[..k]));
        let end = rest[k..].find("</page>").unwrap() + k + 8;
        multi.extend(bz2(&rest.as_bytes()[k..end]));
        rest = &rest[end..];
    }
    multi.extend(bz2(rest.as_bytes()));
    let (multi, _) = read_bytes(Input::Xml, &multi);
    assert_eq!(events(&plain), events(&multi));
}

#[test]
fn bad_input_names_the_page() {
    let xml = std::fs::read(fixture("sample.xml")).unwrap();
    // Truncated inside the treaty.
    let cut = String::from_utf8_lossy(&xml).find("preceded_by").unwrap();
    let (items, _) = read_bytes(Input::Xml, &xml[..cut]);
    let e = items.last().unwrap().as_ref().unwrap_err();
    assert_eq!(e.page.as_deref(), Some("Treaty of Ashmere"));
    assert!(e.message.contains("truncated"), "{e}");
    assert_eq!(events(&items).len(), 2);
    // Corrupt bzip2.
    let mut b = bz2(&xml);
    let n = b.len();
    for x in &mut b[n / 2..n / 2 + 64] {
        *x ^= 0x5A;
    }
    let (items, _) = read_bytes(Input::Xml, &b);
    let e = items.last().unwrap().as_ref().unwrap_err();
    assert!(
        e.message.contains("compressed") || e.message.contains("XML"),
        "{e}"
    );
    // Bad UTF-8 in a page.
    let mut bad = xml.clone();
    let at = String::from_utf8_lossy(&xml)
        .find("was a peace treaty")
        .unwrap();
    bad[at] = 0xC3;
    bad[at + 1] = 0x28;
    let (items, _) = read_bytes(Input::Xml, &bad);
    let e = items.last().unwrap().as_ref().unwrap_err();
    assert_eq!(e.page.as_deref(), Some("Treaty of Ashmere"));
    assert!(e.message.contains("UTF-8"), "{e}");
    // A wikitext page that is not an event says so.
    let (items, _) = read_bytes(
        Input::Wikitext(Some("Greyford".into())),
        b"{{Infobox settlement|name=Greyford}}\n'''Greyford''' is a village.",
    );
    let e = items[0].as_ref().unwrap_err();
    assert!(e.message.contains("not an event page (places)"), "{e}");
}

/// The real samples: four event articles in 206 pages.
#[test]
fn wikipedia_dev_samples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/datasets/wikipedia-dev");
    let dump =
        dir.join("gensim_enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2");
    if !dump.is_file() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(!ci, "CI=true and {} not found", dump.display());
        support::skipped("../shared/datasets/wikipedia-dev not found");
        return;
    }
    let bytes = std::fs::read(&dump).unwrap();
    let (items, report) = read_bytes(Input::Xml, &bytes);
    assert!(items.iter().all(Result::is_ok));
    let es = events(&items);
    let got: Vec<(&str, &str)> = es
        .iter()
        .map(|e| (e.title.as_str(), e.date.edtf.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Apollo 11", "1969-07-16/1969-07-24"),
            ("Apollo 8", "1968-12-21/1968-12-27"),
            ("Articles of Confederation", "1781-03-01"),
            ("American Revolutionary War", "1775-04-19/1783-09-03"),
        ]
    );
    assert_eq!(report.pages, 206);
    assert_eq!(report.skipped.get(&Skip::Redirect), Some(&99));
    let arw = by_title(&es, "American Revolutionary War");
    assert!(arw
        .summary
        .starts_with("The American Revolutionary War (1775–1783), also known as"));
    assert!(arw
        .participants
        .iter()
        .any(|p| p.name == "George Washington" && p.role.as_deref() == Some("commander, side 1")));
    assert!(arw
        .participants
        .iter()
        .any(|p| p.name == "Kingdom of Great Britain"
            && p.role.as_deref() == Some("combatant, side 2")));
    let tiny = dir.join("dumpster-dive_tinywiki-latest-pages-articles.xml");
    let (items, report) = read_bytes(Input::Xml, &std::fs::read(tiny).unwrap());
    assert!(items.iter().all(Result::is_ok), "{items:?}");
    assert_eq!(report.pages, 8);
    assert_eq!(report.events, 0);
}

/// Hostile pages: unclosed templates, nested tables, 10k-deep nesting, a huge page; each is
/// read in bounded time and never panics.
#[test]
fn hostile_pages() {
    let meta = annals_wiki::Meta {
        title: "Battle of Nowhere".into(),
        ..annals_wiki::Meta::default()
    };
    let infobox = "{{Infobox military conflict|date=1 May 1900|place=X}}\n";
    let huge_lead = "The '''Battle of Nowhere''' was fought on 1 May 1900. ".repeat(200_000);
    for body in [
        "{{a|".repeat(10_000),
        "{|\n".repeat(10_000) + &"|}\n".repeat(10_000),
        "[[a|".repeat(10_000) + "x",
        "{{Infobox military conflict|date={{Start date|".repeat(5_000),
        "<ref>".repeat(10_000) + &"== A ==\n".repeat(10_000),
        huge_lead,
        "{{{{{{{{{{".repeat(10_000),
    ] {
        let text = format!("{infobox}{body}");
        let t = std::time::Instant::now();
        let _ = annals_wiki::page::read(&meta, &text, CalendarHint::Auto);
        assert!(t.elapsed().as_secs() < 10, "slow on {:?}", &body[..20]);
    }
}

/// The shapes of issue 17, through the whole path (as one article and inside an XML export):
/// 10,000-deep templates, tables and links (closed and not), pages that end inside a template
/// or table, and 5 MB pages of one line. Each returns, without panic or stack overflow (no
/// timing is asserted; in release each takes well under a second).
#[test]
fn hostile_shapes_return() {
    const MB5: usize = 5 << 20;
    let fill = |unit: &str| unit.repeat(MB5 / unit.len());
    let shapes: Vec<(&str, String)> = vec![
        ("templates 10k open", "{{a|".repeat(10_000)),
        (
            "templates 10k closed",
            "{{a|".repeat(10_000) + &"}}".repeat(10_000),
        ),
        (
            "infobox 10k",
            "{{Infobox military conflict|date={{Start date|1900|5|".repeat(10_000)
                + &"}}".repeat(20_000),
        ),
        ("tables 10k open", "{|\n".repeat(10_000)),
        (
            "tables 10k closed",
            "{|\n".repeat(10_000) + &"|}\n".repeat(10_000),
        ),
        (
            "tables 10k with cells",
            "{|\n|-\n| a ||".repeat(10_000) + &"\n|}".repeat(10_000),
        ),
        ("links 10k open", "[[a|".repeat(10_000)),
        (
            "links 10k closed",
            "[[a|".repeat(10_000) + &"]]".repeat(10_000),
        ),
        ("args 10k", "{{{".repeat(10_000) + &"}}}".repeat(10_000)),
        (
            "mixed 10k",
            "{{a|[[b|{|\n".repeat(10_000) + &"|}]]}}".repeat(10_000),
        ),
        (
            "unclosed template at end",
            "The '''Battle of Nowhere''' was fought on 1 May 1900.\n{{Infobox military conflict|date=1 May 1900|place=[[X".into(),
        ),
        (
            "unclosed table at end",
            "{{Infobox military conflict|date=1 May 1900}}\nThe '''Battle of Nowhere''' was fought.\n{|\n|-\n| a".into(),
        ),
        ("unclosed tags at end", "a<ref>b<!-- c <nowiki>d".into()),
        ("5 MB of letters", fill("abcdefgh")),
        ("5 MB of braces", fill("{")),
        ("5 MB of closers", fill("}")),
        ("5 MB of links", fill("[[")),
        ("5 MB of templates", fill("{{a|")),
        ("5 MB of tables on one line", fill("{|")),
        ("5 MB of pipes and braces", fill("|}{|")),
        ("5 MB of refs", fill("<ref>")),
        ("5 MB of ref openers", fill("<ref ")),
        ("5 MB of comments", fill("<!--")),
        ("5 MB of external links", fill("[http://")),
        ("5 MB of html", fill("<b ")),
        ("5 MB of quotes", fill("''")),
        ("5 MB of entities", fill("&amp")),
        ("5 MB of brackets", fill("(a")),
        ("5 MB of closing brackets", "(a".to_string() + &fill(")")),
        ("5 MB of sentences", fill("A. B. ")),
        ("5 MB of magic", fill("__A")),
        ("5 MB of headings", fill("==")),
        ("5 MB of spaces", fill(" ") + "{|"),
        (
            "5 MB lead",
            "{{Infobox military conflict|date=1 May 1900}}\n".to_string()
                + &fill("The '''Battle''' was [[fought]] on {{Start date|1900|5|1}}. "),
        ),
        ("5 MB categories", fill("[[Category:")),
        ("5 MB redirect", "#REDIRECT".to_string() + &fill("[[")),
    ];
    let title = || Input::Wikitext(Some("Battle of Nowhere".into()));
    for (name, body) in &shapes {
        let (items, report) = read_bytes(title(), body.as_bytes());
        assert_eq!(report.pages, 1, "{name}: {items:?}");
        if body.len() > 1 << 20 {
            continue;
        }
        // The small ones also as a page of an export, and with the title from the lead.
        let _ = read_bytes(Input::Wikitext(None), body.as_bytes());
        let escaped = body.replace('&', "&amp;").replace('<', "&lt;");
        let xml = format!(
            "<mediawiki><page><title>Battle of Nowhere</title><ns>0</ns><revision><text>{escaped}</text></revision></page></mediawiki>"
        );
        let (_, report) = read_bytes(Input::Xml, xml.as_bytes());
        assert_eq!(report.pages, 1, "{name}");
    }
}
