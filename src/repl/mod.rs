//! The interactive shell (rustyline): multi-line queries ending in `;`, history with Ctrl-R,
//! completion and highlighting that know the graph, meta-commands, and dossiers.
//!
//! The terminal loop lives here; everything it does with an input is in [`session::Session`],
//! which works without a terminal (and is what the tests drive).

pub mod commands;
pub mod dossier;
pub mod explain;
pub mod help;
pub mod helper;
pub mod path_explain;
pub mod render;
pub mod scan;
pub mod session;
pub mod style;
pub mod summary;
pub mod vocab;

use crate::graph::Graph;
use helper::{CONTINUATION, ContinueLine, PROMPT, ReplHelper, strip_continuations};
use rustyline::error::ReadlineError;
use rustyline::history::{DefaultHistory, History};
use rustyline::{
    ColorMode, CompletionType, Config, Editor, EventHandler, KeyCode, KeyEvent, Modifiers,
};
use session::{Action, Session};
use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use thiserror::Error;
use vocab::Vocab;

/// Why the REPL stopped with an error.
#[derive(Debug, Error)]
pub enum ReplError {
    #[error("terminal error: {0}")]
    Readline(#[from] ReadlineError),
}

/// How to start the REPL.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The file the graph came from (the default target of `:save`).
    pub file: Option<PathBuf>,
    /// The history file; by default `newsgraph/history` in the user's data directory.
    pub history: Option<PathBuf>,
}

/// The default history file: `$XDG_DATA_HOME/newsgraph/history` (or the platform's data dir).
pub fn history_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("newsgraph").join("history"))
}

/// Runs the REPL on a graph until the user quits.
pub fn run(graph: Graph) -> Result<(), ReplError> {
    run_with(graph, Options::default())
}

/// Runs the REPL with options.
pub fn run_with(graph: Graph, opts: Options) -> Result<(), ReplError> {
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let color = style::color_wanted();
    let config = Config::builder()
        .history_ignore_space(true)
        .history_ignore_dups(true)?
        .max_history_size(10_000)?
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        // The helper draws the continuation prompt even without colours, so it is always called;
        // it emits no escape codes when `color` is off.
        .color_mode(if interactive {
            ColorMode::Forced
        } else {
            ColorMode::Disabled
        })
        .build();
    let mut rl: Editor<ReplHelper, DefaultHistory> = Editor::with_config(config)?;
    rl.set_helper(Some(ReplHelper::new(Vocab::from_graph(&graph), color)));
    rl.bind_sequence(
        KeyEvent(KeyCode::Enter, Modifiers::NONE),
        EventHandler::Conditional(Box::new(ContinueLine)),
    );
    let history = opts.history.clone().or_else(history_path);
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if h.exists()
            && let Err(e) = rl.load_history(h)
        {
            eprintln!("note: could not read the history file {}: {e}", h.display());
        }
    }

    let mut session = Session::new(graph, opts.file);
    session.color = color;
    session.progress = interactive;
    // Ctrl-C outside line editing (while a command runs) sets the flag instead of killing us.
    let flag = session.cancel.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));

    println!("{}", session.banner());
    let mut pending = String::new();
    loop {
        let prompt = if pending.is_empty() {
            PROMPT
        } else {
            CONTINUATION
        };
        let reply = match rl.readline(prompt) {
            Ok(line) => {
                if !pending.is_empty() {
                    pending.push('\n');
                }
                pending.push_str(&line);
                if !scan::is_complete(&pending) {
                    continue;
                }
                let input = std::mem::take(&mut pending);
                if input.trim().is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(input.as_str());
                if let Some(h) = &history {
                    let _ = rl.append_history(h);
                }
                session.handle(&strip_continuations(&input))
            }
            Err(ReadlineError::Interrupted) => {
                pending.clear();
                continue;
            }
            Err(ReadlineError::Eof) => session.quit(false),
            Err(e) => return Err(e.into()),
        };
        if !reply.text.is_empty() {
            println!("{}", reply.text);
        }
        if reply.vocab_changed
            && let Some(h) = rl.helper_mut()
        {
            h.vocab = Vocab::from_graph(&session.graph);
        }
        match reply.action {
            Action::Continue => {}
            Action::Quit => break,
            Action::ConfirmQuit => {
                if confirm_quit(&mut session) {
                    break;
                }
            }
        }
    }
    if let Some(h) = &history {
        let _ = rl.history_mut().save(h);
    }
    Ok(())
}

/// Reads one answer line from standard input (the terminal is in its normal mode between
/// line edits, so Enter ends the answer whatever it is). `None` at end of input.
fn ask(question: &str) -> Option<String> {
    print!("{question}");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    match std::io::stdin().read_line(&mut answer) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(answer.trim().to_string()),
    }
}

/// Asks whether to save before leaving; returns whether to leave.
fn confirm_quit(session: &mut Session) -> bool {
    let target = session
        .file
        .as_ref()
        .map_or(String::new(), |f| format!(" to {}", f.display()));
    loop {
        let Some(answer) = ask(&format!(
            "The graph has unsaved changes. Save{target} before leaving? [y]es, [n]o, [c]ancel: "
        )) else {
            println!("\nleaving without saving (no more input)");
            return true;
        };
        match answer.to_ascii_lowercase().as_str() {
            "y" | "yes" => {
                let file = if session.file.is_none() {
                    match ask("Save to file: ") {
                        Some(f) if !f.is_empty() => Some(PathBuf::from(f)),
                        _ => return false,
                    }
                } else {
                    None
                };
                return match session.save(file) {
                    Ok(msg) => {
                        println!("{msg}");
                        true
                    }
                    Err(e) => {
                        println!(
                            "{}",
                            style::paint_if(session.color, style::Style::Error, &e)
                        );
                        false
                    }
                };
            }
            "n" | "no" => return true,
            "c" | "cancel" | "" => return false,
            _ => continue,
        }
    }
}
