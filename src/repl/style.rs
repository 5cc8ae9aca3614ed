//! ANSI colours for the REPL, and the rule for when to use them.

use std::io::IsTerminal;

/// The colour roles of the REPL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Keyword,
    Function,
    Label,
    Property,
    Variable,
    Parameter,
    String,
    Number,
    Comment,
    /// The bracket pair around the cursor.
    Bracket,
    /// A meta-command word (`:help`).
    Meta,
    Prompt,
    /// The continuation prompt.
    Prompt2,
    Hint,
    Error,
    /// Row counts and timings.
    Footer,
    Heading,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Keyword => "1;34",
            Style::Function => "34",
            Style::Label => "36",
            Style::Property => "35",
            Style::Variable => "33",
            Style::Parameter => "1;33",
            Style::String => "32",
            Style::Number => "95",
            Style::Comment => "90",
            Style::Bracket => "1;7",
            Style::Meta => "1;35",
            Style::Prompt => "1;32",
            Style::Prompt2 => "90",
            Style::Hint => "90",
            Style::Error => "1;31",
            Style::Footer => "90",
            Style::Heading => "1",
        }
    }

    /// The text wrapped in this style's escape codes.
    pub fn paint(self, text: &str) -> String {
        format!("\x1b[{}m{text}\x1b[0m", self.code())
    }
}

/// Whether to colour output: standard output is a terminal and `NO_COLOR` is unset or empty.
pub fn color_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

/// Removes ANSI escape sequences (`ESC [ ... letter`).
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Paints `text` when `color` is on, else returns it unchanged.
pub fn paint_if(color: bool, style: Style, text: &str) -> String {
    if color {
        style.paint(text)
    } else {
        text.to_string()
    }
}
