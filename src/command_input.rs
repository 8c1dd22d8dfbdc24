//! What the native commands share: their input, a file or standard input (`-`).

use std::io::Read;

/// The text of `input`, a file or `-` for standard input; an error names which.
pub fn read_input(input: &str) -> Result<String, String> {
    if input == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("standard input: {e}"))?;
        Ok(text)
    } else {
        std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))
    }
}
