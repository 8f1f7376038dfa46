//! Turning a file's bytes into text, keeping a map back to the original bytes.
//!
//! Every fact's `start`/`end` are offsets into the original file, whatever its encoding, so
//! decoding must remember where each piece of text came from. For UTF-8 that is the identity
//! (shifted past a BOM); for other encodings the map records the pieces that differ.

/// One stretch of the text and the original bytes it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    text: usize,
    orig: usize,
    text_len: usize,
    orig_len: usize,
}

/// Maps byte offsets in the decoded text to byte offsets in the original file.
///
/// Stretches where text and original have the same length map linearly; others (a re-encoded
/// character, a decoded entity) are atomic, mapping their start and end only.
///
/// ```
/// let d = factx::decode::decode(b"\xEF\xBB\xBFHello").unwrap();
/// assert_eq!(d.text, "Hello");
/// assert_eq!(d.map.to_orig(0), 3);
/// ```
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    shift: usize,
    segs: Vec<Seg>,
    /// A further map applied after this one (markup text → decoded text → original bytes).
    then: Option<Box<OffsetMap>>,
}

impl OffsetMap {
    /// The identity shifted by `shift` bytes (for a BOM).
    pub fn shifted(shift: usize) -> Self {
        OffsetMap {
            shift,
            segs: Vec::new(),
            then: None,
        }
    }

    /// True when text offsets equal original offsets plus a constant.
    pub fn is_linear(&self) -> bool {
        self.segs.is_empty() && self.then.as_ref().is_none_or(|t| t.is_linear())
    }

    /// This map followed by `next`: `to_orig(t)` is `next.to_orig(self.to_orig(t))`.
    pub fn then(mut self, next: OffsetMap) -> OffsetMap {
        self.then = Some(Box::new(match self.then.take() {
            Some(inner) => inner.then(next),
            None => next,
        }));
        self
    }

    /// The offset `t` maps to before any following map is applied.
    pub fn to_inner(&self, t: usize) -> usize {
        self.local(t)
    }

    /// Builder: append a stretch of `text_len` text bytes from `orig_len` original bytes at `orig`.
    pub fn push(&mut self, text: usize, orig: usize, text_len: usize, orig_len: usize) {
        if let Some(last) = self.segs.last_mut() {
            // Merge adjacent linear stretches.
            if last.text_len == last.orig_len
                && text_len == orig_len
                && last.text + last.text_len == text
                && last.orig + last.orig_len == orig
            {
                last.text_len += text_len;
                last.orig_len += orig_len;
                return;
            }
        }
        self.segs.push(Seg {
            text,
            orig,
            text_len,
            orig_len,
        });
    }

    /// The original byte offset of text offset `t`.
    pub fn to_orig(&self, t: usize) -> usize {
        let o = self.local(t);
        match &self.then {
            Some(next) => next.to_orig(o),
            None => o,
        }
    }

    /// The original byte offset of text offset `t` taken as the end of a span: just past the
    /// bytes of the character before `t`, so that a span never takes in markup dropped after it.
    pub fn to_orig_end(&self, t: usize) -> usize {
        let o = self.local_end(t);
        match &self.then {
            Some(next) => next.to_orig_end(o),
            None => o,
        }
    }

    fn local_end(&self, t: usize) -> usize {
        if self.segs.is_empty() || t == 0 {
            return self.local(t);
        }
        // An end offset belongs to the stretch before it.
        self.in_segment(t, self.segs.partition_point(|s| s.text < t))
    }

    fn local(&self, t: usize) -> usize {
        if self.segs.is_empty() {
            return t + self.shift;
        }
        self.in_segment(t, self.segs.partition_point(|s| s.text <= t))
    }

    /// Map `t` within the stretch before index `i` of the segments.
    fn in_segment(&self, t: usize, i: usize) -> usize {
        if i == 0 {
            return self.segs[0].orig;
        }
        let s = self.segs[i - 1];
        let off = t - s.text;
        if off >= s.text_len {
            s.orig + s.orig_len
        } else if s.text_len == s.orig_len {
            s.orig + off
        } else {
            s.orig
        }
    }
}

/// A decoded document.
#[derive(Debug, Clone, Default)]
pub struct Decoded {
    /// The text a reader sees.
    pub text: String,
    /// From text offsets to original byte offsets.
    pub map: OffsetMap,
    /// The encoding used, as written in `documents.csv`.
    pub encoding: &'static str,
    /// Something a user should know about the decoding (lossy bytes), for `documents.csv`.
    pub note: Option<String>,
    /// For markup (HTML): the decoded text of the whole file, from which `text` was taken.
    pub source: Option<Source>,
    /// A title given by the markup (`<h1>`, `<title>`).
    pub title_hint: Option<String>,
    /// A publication date (ISO) given by the markup (`<time datetime>`, `<meta>`).
    pub published_hint: Option<String>,
}

/// The full decoded text of a markup file, of which [`Decoded::text`] is the visible part.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// Every character of the file, tags included.
    pub text: String,
    /// From offsets of [`Decoded::text`] to offsets of [`Source::text`].
    pub map: OffsetMap,
    /// Original byte offsets where the file's lines start.
    pub line_starts: Vec<usize>,
}

/// Why a file's bytes are not treated as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// No bytes at all.
    Empty,
    /// NUL bytes or other signs of a binary format.
    Binary,
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotText::Empty => write!(f, "empty file"),
            NotText::Binary => write!(f, "binary file (contains NUL bytes)"),
        }
    }
}

/// Decode `bytes`: UTF-8 (with or without BOM), UTF-16 with a BOM, else the legacy encoding
/// that `chardetng` guesses (Windows-1252 for Western text, Latin-1 included).
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if bytes.is_empty() {
        return Err(NotText::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(utf8_or_lossy(rest, 3, "UTF-8 (BOM)"));
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Ok(decode_utf16(bytes, true));
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Ok(decode_utf16(bytes, false));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(NotText::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            map: OffsetMap::shifted(0),
            encoding: "UTF-8",
            ..Default::default()
        }),
        Err(_) => Ok(decode_legacy(bytes)),
    }
}

fn utf8_or_lossy(bytes: &[u8], shift: usize, name: &'static str) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            map: OffsetMap::shifted(shift),
            encoding: name,
            ..Default::default()
        },
        Err(_) => {
            // Lossy: each invalid sequence becomes U+FFFD, mapped to its original bytes.
            let mut text = String::with_capacity(bytes.len());
            let mut map = OffsetMap::default();
            let mut bad = 0usize;
            for chunk in bytes.utf8_chunks() {
                let valid = chunk.valid();
                let orig = shift + (valid.as_ptr() as usize - bytes.as_ptr() as usize);
                map.push(text.len(), orig, valid.len(), valid.len());
                text.push_str(valid);
                let inv = chunk.invalid();
                if !inv.is_empty() {
                    bad += 1;
                    map.push(text.len(), orig + valid.len(), 3, inv.len());
                    text.push('\u{FFFD}');
                }
            }
            Decoded {
                text,
                map,
                encoding: name,
                note: Some(format!(
                    "{bad} invalid UTF-8 sequence(s) replaced by U+FFFD"
                )),
                ..Default::default()
            }
        }
    }
}

fn decode_utf16(bytes: &[u8], le: bool) -> Decoded {
    let body = &bytes[2..];
    let mut text = String::with_capacity(body.len() / 2);
    let mut map = OffsetMap::default();
    let units = body.chunks(2).map(|c| {
        if c.len() < 2 {
            0xFFFD
        } else if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut orig = 2;
    let mut bad = 0;
    for r in char::decode_utf16(units) {
        let (ch, n) = match r {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => {
                bad += 1;
                ('\u{FFFD}', 2)
            }
        };
        let n = n.min(bytes.len() - orig);
        map.push(text.len(), orig, ch.len_utf8(), n);
        text.push(ch);
        orig += n;
    }
    Decoded {
        text,
        map,
        encoding: if le { "UTF-16LE" } else { "UTF-16BE" },
        note: (bad > 0).then(|| format!("{bad} unpaired UTF-16 surrogate(s) replaced by U+FFFD")),
        ..Default::default()
    }
}

/// How many bytes the encoding detector looks at.
const DETECT_BYTES: usize = 1 << 20;

/// Below this many non-ASCII bytes the detector has too little evidence (it may take
/// `Jos\xe9 ... \xa32m` for Central European), so the Western default, Windows-1252, is kept.
const DETECT_MIN_EVIDENCE: usize = 16;

fn decode_legacy(bytes: &[u8]) -> Decoded {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(DETECT_BYTES)];
    det.feed(head, head.len() == bytes.len());
    let evidence = head.iter().filter(|b| !b.is_ascii()).count();
    let enc = if evidence < DETECT_MIN_EVIDENCE {
        if head
            .utf8_chunks()
            .filter(|c| !c.invalid().is_empty())
            .count()
            * 2
            < evidence
        {
            // Mostly well-formed UTF-8 sequences: UTF-8 with a few broken bytes.
            encoding_rs::UTF_8
        } else {
            encoding_rs::WINDOWS_1252
        }
    } else {
        det.guess(None, chardetng::Utf8Detection::Allow)
    };
    if enc == encoding_rs::UTF_8 {
        // Mostly UTF-8 with a few broken sequences.
        return utf8_or_lossy(bytes, 0, "UTF-8");
    }
    let mut d = if enc.is_single_byte() {
        decode_single_byte(bytes, enc)
    } else {
        decode_multi_byte(bytes, enc)
    };
    d.encoding = enc.name();
    let lossy = d.text.contains('\u{FFFD}');
    d.note = Some(format!(
        "not valid UTF-8; decoded as {} (detected){}",
        enc.name(),
        if lossy {
            ", undecodable bytes replaced by U+FFFD"
        } else {
            ""
        }
    ));
    d
}

fn decode_single_byte(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Decoded {
    let mut table = ['\u{FFFD}'; 256];
    for (b, slot) in table.iter_mut().enumerate() {
        let byte = [b as u8];
        let (s, _) = enc.decode_without_bom_handling(&byte);
        *slot = s.chars().next().unwrap_or('\u{FFFD}');
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut map = OffsetMap::default();
    for (i, &b) in bytes.iter().enumerate() {
        let ch = table[b as usize];
        map.push(text.len(), i, ch.len_utf8(), 1);
        text.push(ch);
    }
    Decoded {
        text,
        map,
        ..Default::default()
    }
}

/// A multi-byte legacy encoding (Shift_JIS, GBK, ...): fed byte by byte, so that every piece
/// of output is mapped to the bytes that produced it.
fn decode_multi_byte(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Decoded {
    let mut dec = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 2);
    let mut map = OffsetMap::default();
    let mut pending = 0usize; // first byte not yet accounted for
    for i in 0..=bytes.len() {
        let last = i == bytes.len();
        let chunk = if last { &[][..] } else { &bytes[i..i + 1] };
        let before = text.len();
        let need = dec
            .max_utf8_buffer_length(chunk.len())
            .unwrap_or(16)
            .max(16);
        text.reserve(need);
        let _ = dec.decode_to_string(chunk, &mut text, last);
        if text.len() > before {
            let end = if last { bytes.len() } else { i + 1 };
            map.push(before, pending, text.len() - before, end - pending);
            pending = end;
        }
    }
    Decoded {
        text,
        map,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_identity() {
        let d = decode("Café said".as_bytes()).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.map.to_orig(6), 6);
    }

    #[test]
    fn cp1252_maps_each_char_to_its_byte() {
        // "£5 caf\xe9 ok": £ is 0xA3 (1 byte) but 2 bytes in UTF-8.
        let bytes = b"\xa35 caf\xe9 ok";
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "£5 café ok");
        assert_eq!(d.encoding, "windows-1252");
        let ok = d.text.find("ok").unwrap();
        assert_eq!(d.map.to_orig(ok), 8);
        let cafe = d.text.find("café").unwrap();
        assert_eq!(d.map.to_orig(cafe), 3);
        assert_eq!(d.map.to_orig(cafe + "café".len()), 7);
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hi “x”".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Hi “x”");
        let x = d.text.find('x').unwrap();
        assert_eq!(d.map.to_orig(x), 2 + 4 * 2);
    }

    #[test]
    fn binary_and_empty_are_not_text() {
        assert_eq!(decode(b"").unwrap_err(), NotText::Empty);
        assert_eq!(decode(b"PK\x03\x04\x00\x00").unwrap_err(), NotText::Binary);
    }

    #[test]
    fn bom_with_invalid_bytes_is_lossy_and_mapped() {
        let d = decode(b"\xEF\xBB\xBFab\xFFcd").unwrap();
        assert_eq!(d.text, "ab\u{FFFD}cd");
        assert!(d.note.is_some());
        let c = d.text.find('c').unwrap();
        assert_eq!(d.map.to_orig(c), 6);
    }

    #[test]
    fn legacy_encodings_are_detected_and_mapped() {
        // Latin-1 / Windows-1252 text: detected as windows-1252.
        let d = decode(b"Fran\xe7ois Ch\xe2teau said \x93yes\x94 in Z\xfcrich.").unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "François Château said “yes” in Zürich.");
        let z = d.text.find("Zürich").unwrap();
        assert_eq!(d.map.to_orig(z), 31);
        assert_eq!(d.map.to_orig_end(z + "Zürich".len()), 37);
        // Every character boundary maps inside the file, in order.
        let bytes: Vec<u8> = (0u8..=255).filter(|b| *b != 0).collect();
        let d = decode(&bytes).unwrap();
        let mut last = 0;
        for (t, _) in d.text.char_indices() {
            let o = d.map.to_orig(t);
            assert!(o >= last && o <= bytes.len());
            last = o;
        }
    }
}
