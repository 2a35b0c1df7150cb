//! Character helpers shared by the numeric input parsers (amounts, months and rates).
//!
//! Japanese input methods often leave the keyboard in full-width mode, so numeric fields accept
//! full-width digits and punctuation and convert them, instead of refusing what the member meant.

/// The offset between a full-width ASCII variant (U+FF01..U+FF5E) and its ASCII character.
const FULL_WIDTH_OFFSET: u32 = 0xFF01 - 0x21;

/// Turns a full-width ASCII variant (０, ．, ，, ％ …) or the full-width yen sign into its
/// half-width form, leaving any other character as it is.
pub(crate) fn to_half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - FULL_WIDTH_OFFSET).unwrap_or(c),
        // The full-width yen sign lies outside the block above, but members type it just as
        // often as the half-width one.
        '\u{FFE5}' => '¥',
        _ => c,
    }
}

/// Whether a character is whitespace that may surround a typed number, including the
/// ideographic space a Japanese keyboard produces.
pub(crate) fn is_surrounding_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Converts every full-width character of the input to half-width and trims surrounding spaces,
/// which is the common first step of every numeric parser.
pub(crate) fn half_width_trimmed(raw: &str) -> String {
    raw.chars()
        .map(to_half_width)
        .collect::<String>()
        .trim_matches(is_surrounding_space)
        .to_owned()
}
