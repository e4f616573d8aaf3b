//! Name folding: the key under which names are indexed and looked up.
//!
//! [`fold`] lowercases, strips diacritics from Latin letters ("Münster" → "munster", "São Paulo" →
//! "saopaulo"), spells out a few letters that do not decompose (ß → ss, æ → ae, ø → o, ł → l …)
//! and drops everything that is not a letter or digit (spaces, commas, periods, hyphens,
//! apostrophes, modifier letters such as ʻ). So "Washington, D.C.", "Washington D. C." and
//! "washington dc" share one key, and so do "Xi'an" and "Xian". Letters of other scripts are kept,
//! lowercased.
//!
//! `data/build.py` implements the same folding in Python (to drop alternate names that fold to a
//! name already kept); the two tables below were generated from it with Python's `unicodedata`
//! (NFKD, first character when it is an ASCII letter).

/// Base letters of U+00C0..=U+024F (Latin-1 Supplement letters, Latin Extended-A and -B);
/// `.` means "no ASCII base letter".
const LATIN_1_EXT: &[u8; 400] = b"\
aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y\
aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.\
...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs\
................................oo.............uu...............\
....dddlllnnnaaiioouuuuuuuuuu.aaaa....ggkkoooo..jdddgg..nnaa....\
aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............\
................";

/// Base letters of U+1E00..=U+1EFF (Latin Extended Additional: Vietnamese and others).
const LATIN_ADDITIONAL: &[u8; 256] = b"\
aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm\
mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv\
wwwwwwwwwwxxxxyyzzzzzzhtwyas....aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee\
eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

/// Letters that do not decompose to an ASCII letter but have a usual Latin spelling.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        'ĳ' | 'Ĳ' => "ij",
        'ð' | 'Ð' | 'đ' | 'Đ' => "d",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' | 'ŀ' | 'Ŀ' => "l",
        'ħ' | 'Ħ' => "h",
        'ı' => "i",
        'ŧ' | 'Ŧ' => "t",
        'ƒ' => "f",
        _ => return None,
    })
}

/// Appends the folded form of `s` to `out` (see the module documentation).
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        if let Some(x) = special(c) {
            out.push_str(x);
            continue;
        }
        let cp = c as u32;
        let base = match cp {
            0xC0..=0x24F => LATIN_1_EXT[(cp - 0xC0) as usize],
            0x1E00..=0x1EFF => LATIN_ADDITIONAL[(cp - 0x1E00) as usize],
            _ => b'.',
        };
        if base != b'.' {
            out.push(base as char);
        } else if (0x2B0..=0x36F).contains(&cp) {
            // spacing modifier letters (ʻ ʼ ʿ) and combining diacritical marks
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
}

/// The folded key of `s` (see the module documentation).
///
/// ```
/// use annals_places::fold::fold;
/// assert_eq!(fold("Münster"), "munster");
/// assert_eq!(fold("São Paulo"), "saopaulo");
/// assert_eq!(fold("Washington, D.C."), fold("Washington D. C."));
/// assert_eq!(fold("Łódź"), "lodz");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_latin_letters() {
        assert_eq!(fold("Münster"), "munster");
        assert_eq!(fold("MÜNSTER"), "munster");
        assert_eq!(fold("São Paulo"), "saopaulo");
        assert_eq!(fold("Kraków"), "krakow");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Hà Nội"), "hanoi");
        assert_eq!(fold("Ærøskøbing"), "aeroskobing");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Istʻanpul"), "istanpul");
        assert_eq!(fold("Xi'an"), "xian");
        // decomposed input (e + combining acute)
        assert_eq!(fold("Cafe\u{301}"), "cafe");
    }

    #[test]
    fn keeps_other_scripts_and_digits() {
        assert_eq!(fold("Москва"), "москва");
        assert_eq!(fold("東京"), "東京");
        assert_eq!(fold("6th of October"), "6thofoctober");
        assert_eq!(fold(" ,.;- "), "");
    }
}
