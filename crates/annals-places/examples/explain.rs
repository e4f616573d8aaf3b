//! Prints how the gazetteer reads each argument: `cargo run -p annals-places --example explain -- "Paris, Texas"`.
fn main() {
    let g = annals_places::Gazetteer::get();
    for a in std::env::args().skip(1) {
        println!("{a:40} {}", g.explain(&a, ""));
    }
}
