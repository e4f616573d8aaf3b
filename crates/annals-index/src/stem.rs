//! Stemming with a memory: the stemming filter of the words analyzer (English) and of the
//! analyzers of the texts in other languages ([`crate::schema::STEMMED`]).
//!
//! Stemming was a tenth of an import's time, and running text repeats a small vocabulary, so an
//! analyzer that has stemmed many words remembers their stems in a direct-mapped table (one
//! slot per hash, the word and its stem stored in the slot: one cache line per lookup, no
//! pointers to follow). The stems are those of tantivy's own `Stemmer` (the same Snowball
//! English algorithm, from the same crate): only the cost changes.

use std::borrow::Cow;
use std::hash::BuildHasher;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Slots of the table (a power of two): 128 KB per indexing analyzer, small enough to stay in
/// a core's cache beside the postings being built (larger tables measured no faster).
const SLOTS: usize = 1 << 12;
/// Longest word (and stem) a slot holds, in bytes; longer words are stemmed every time.
const WIDTH: usize = 15;
/// Words an analyzer stems before it makes its table: query analyzers, which see a few
/// words each, never do.
const WARM_UP: usize = 4096;

/// One slot: the word's length and bytes, then the stem's.
type Slot = [u8; 2 * (WIDTH + 1)];

/// Stems remembered by one analyzer.
#[derive(Clone, Default)]
struct Memory {
    slots: Vec<Slot>,
    stemmed: usize,
}

impl Memory {
    /// Replace `word` by its stem.
    fn stem(&mut self, stemmer: &frostem::Stemmer, word: &mut String) {
        let bytes = word.as_bytes();
        if bytes.len() > WIDTH {
            return stem_now(stemmer, word);
        }
        if self.slots.is_empty() {
            self.stemmed += 1;
            if self.stemmed < WARM_UP {
                return stem_now(stemmer, word);
            }
            self.slots = vec![[0; 2 * (WIDTH + 1)]; SLOTS];
        }
        let hash = foldhash::fast::FixedState::default().hash_one(bytes);
        let slot = &mut self.slots[hash as usize & (SLOTS - 1)];
        let (key, stem) = slot.split_at_mut(WIDTH + 1);
        if usize::from(key[0]) == bytes.len() && &key[1..=bytes.len()] == bytes {
            let stem = &stem[1..=usize::from(stem[0])];
            // The slot was filled from a `str`, so it holds whole UTF-8 characters.
            if let Ok(stem) = std::str::from_utf8(stem) {
                word.clear();
                word.push_str(stem);
                return;
            }
        }
        key[0] = bytes.len() as u8;
        key[1..=bytes.len()].copy_from_slice(bytes);
        stem_now(stemmer, word);
        // A stem is rarely longer than its word, but some languages' stemmers rewrite letters
        // (and a stem that does not fit is simply not remembered).
        if word.len() > WIDTH {
            key[0] = 0;
            return;
        }
        stem[0] = word.len() as u8;
        stem[1..=word.len()].copy_from_slice(word.as_bytes());
    }
}

fn stem_now(stemmer: &frostem::Stemmer, word: &mut String) {
    let stem = match stemmer.stem(word) {
        Cow::Owned(stem) => stem,
        Cow::Borrowed(stem) if stem == word.as_str() => return,
        Cow::Borrowed(stem) => stem.to_string(),
    };
    *word = stem;
}

/// Whether the words analyzer stems a token (lowercased and folded): Snowball's English stemmer
/// leaves words of one or two characters as they are, and every suffix it removes is made of
/// letters, so numbers need no stemming.
pub(crate) fn stems(token: &str) -> bool {
    token.len() > 2 && token.bytes().any(|b| b.is_ascii_lowercase())
}

/// Replace a token (lowercased and folded) by its stem, as the words analyzer does.
pub(crate) fn stem(token: &mut String) {
    if stems(token) {
        stem_now(&frostem::Stemmer::new(frostem::Algorithm::English), token);
    }
}

/// Whether a stemmer for another language than English stems a token (lowercased, not yet
/// folded): any word of three bytes or more that is not a number.
fn stems_other(token: &str) -> bool {
    token.len() > 2 && !token.bytes().all(|b| b.is_ascii_digit())
}

/// Snowball stemming in one language that remembers the stems of words it has seen.
#[derive(Clone, Copy)]
pub struct CachedStemmer {
    algorithm: frostem::Algorithm,
}

impl CachedStemmer {
    /// A stemmer of `algorithm`'s language.
    pub fn new(algorithm: frostem::Algorithm) -> Self {
        CachedStemmer { algorithm }
    }
}

impl Default for CachedStemmer {
    /// English.
    fn default() -> Self {
        CachedStemmer::new(frostem::Algorithm::English)
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemFilter<T> {
        CachedStemFilter {
            inner: tokenizer,
            memory: Memory::default(),
            algorithm: self.algorithm,
        }
    }
}

/// A tokenizer followed by [`CachedStemmer`].
#[derive(Clone)]
pub struct CachedStemFilter<T> {
    inner: T,
    memory: Memory,
    algorithm: frostem::Algorithm,
}

impl<T: Tokenizer> Tokenizer for CachedStemFilter<T> {
    type TokenStream<'a> = CachedStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemStream {
            tail: self.inner.token_stream(text),
            memory: &mut self.memory,
            stemmer: frostem::Stemmer::new(self.algorithm),
            english: self.algorithm == frostem::Algorithm::English,
        }
    }
}

/// The tokens of a [`CachedStemFilter`].
pub struct CachedStemStream<'a, T> {
    tail: T,
    memory: &'a mut Memory,
    stemmer: frostem::Stemmer,
    english: bool,
}

impl<T: TokenStream> TokenStream for CachedStemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        // Numbers and words of one or two letters need neither stemming nor a place in the
        // memory.
        let needed = if self.english {
            stems(&token.text)
        } else {
            stems_other(&token.text)
        };
        if needed {
            self.memory.stem(&self.stemmer, &mut token.text);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            let t = s.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    fn ours() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer::default())
            .build()
    }

    /// Many distinct words (so that slots are shared and overwritten), with the Snowball
    /// exceptions, words longer than a slot, numbers and other scripts.
    fn text() -> String {
        let syllables = [
            "ba", "kor", "ste", "mi", "lun", "dra", "fe", "qui", "zo", "ther", "al", "wen",
        ];
        let suffixes = [
            "", "s", "es", "ies", "ing", "ed", "ly", "ness", "ational", "ful", "ment", "ize",
        ];
        let mut text = String::from(
            "Running runners ran; the armies marched, marching and MARCHED again. \
             Treaties, treaty, generously generous Constantinople's walls. Skies dying lying \
             ugly early only idly gently singly news howe atlas cosmos bias andes skis \
             internationalization counterrevolutionaries In 1066, 10th ies is as ys 2nd \
             ΑΘΗΝΑΙ Ἀθῆναι x1s ",
        );
        for a in syllables {
            for b in syllables {
                for c in syllables {
                    for s in suffixes {
                        text.push_str(&format!("{a}{b}{c}{s} "));
                    }
                }
            }
        }
        text
    }

    #[test]
    fn stems_as_tantivy_does_first_time_and_remembered() {
        let text = text();
        let mut theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let expected = tokens(&mut theirs, &text);
        assert!(expected.len() > 2 * WARM_UP);
        assert!(expected.iter().any(|t| t.0 == "march"));
        assert!(expected.iter().any(|t| t.0 == "sky"));
        // Three times through the same analyzer: stemmed, then mostly answered from memory.
        let mut ours = ours();
        for _ in 0..3 {
            assert_eq!(tokens(&mut ours, &text), expected);
        }
    }

    #[test]
    fn stems_keep_the_first_letter() {
        // What highlighting relies on to stem only the words that may match.
        let text = text() + " dying lying tying skies yearly yelling ying";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
        for (word, ..) in tokens(&mut plain, &text) {
            let mut stemmed = word.clone();
            stem(&mut stemmed);
            assert_eq!(
                stemmed.chars().next(),
                word.chars().next(),
                "{word} → {stemmed}"
            );
        }
    }

    #[test]
    fn other_languages_stem_as_tantivy_does() {
        let text = "Die Krönungen der Kaiser; les couronnements des rois normands; las \
                    batallas de los reyes; ça été 1066 XIVe"
            .repeat(2000);
        for (ours, theirs) in [
            (frostem::Algorithm::German, Language::German),
            (frostem::Algorithm::French, Language::French),
            (frostem::Algorithm::Spanish, Language::Spanish),
        ] {
            let mut expected = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(Stemmer::new(theirs))
                .build();
            let mut ours = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(CachedStemmer::new(ours))
                .build();
            assert_eq!(tokens(&mut ours, &text), tokens(&mut expected, &text));
        }
    }

    #[test]
    fn query_analyzers_make_no_table() {
        let mut a = ours();
        for _ in 0..100 {
            assert_eq!(tokens(&mut a, "Treaties marching")[1].0, "march");
        }
        let mut memory = Memory::default();
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        for _ in 0..WARM_UP - 1 {
            let mut w = "treaties".to_string();
            memory.stem(&stemmer, &mut w);
            assert_eq!(w, "treati");
        }
        assert!(memory.slots.is_empty());
        let mut w = "treaties".to_string();
        memory.stem(&stemmer, &mut w);
        assert_eq!((w.as_str(), memory.slots.len()), ("treati", SLOTS));
    }
}
