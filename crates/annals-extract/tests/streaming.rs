//! Streaming: a large input goes through the tagger in bounded memory. (Its own test binary, so
//! that no other test shares the process whose peak memory it measures.)

use annals_extract::doc::Format;
use annals_extract::Options;

/// A large input streams through in bounded memory: the peak resident size grows by far less than
/// the input.
#[test]
fn large_input_streams_in_bounded_memory() {
    struct Repeat {
        piece: &'static [u8],
        left: usize,
        at: usize,
    }
    impl std::io::Read for Repeat {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let mut n = 0;
            while n < buf.len() && self.left > 0 {
                buf[n] = self.piece[self.at];
                self.at = (self.at + 1) % self.piece.len();
                self.left -= 1;
                n += 1;
            }
            Ok(n)
        }
    }
    fn peak_kb() -> Option<u64> {
        let s = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
    let piece: &'static [u8] = b"On June 10, 1940, Italy invaded; twelve days later France surrendered. In the spring of 1941 the war spread to the Balkans, and by the end of the year it was a world war. ";
    let run = |size: usize| {
        let input = std::io::BufReader::new(Repeat {
            piece,
            left: size,
            at: 0,
        });
        let st = annals_extract::annotate::to_timeml(
            input,
            Format::Text,
            "big",
            Options::default(),
            false,
            std::io::sink(),
        )
        .unwrap();
        assert_eq!(st.bytes, size as u64);
        st.timexes
    };
    let p0 = peak_kb();
    assert!(run(2 << 20) > 40_000);
    let p1 = peak_kb();
    assert!(run(6 << 20) > 120_000);
    let p2 = peak_kb();
    if let (Some(p0), Some(p1), Some(p2)) = (p0, p1, p2) {
        let first = p1.saturating_sub(p0) / 1024;
        let more = p2.saturating_sub(p1) / 1024;
        assert!(
            first < 16,
            "peak memory grew by {first} MB for a 2 MB input"
        );
        assert!(
            more < 2,
            "peak memory grew by {more} MB more for a 6 MB input: not bounded"
        );
    }
}
