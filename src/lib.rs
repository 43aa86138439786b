//! tongyong: Chinese text to National Common Braille.
