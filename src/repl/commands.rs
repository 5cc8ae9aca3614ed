//! The meta-commands (`:help`, `:schema`, `:show NAME`...): their list, and parsing a line into one.

use super::render::OutputFormat;
use std::path::PathBuf;

/// A meta-command's name, arguments and one-line description.
#[derive(Debug, Clone, Copy)]
pub struct MetaCommand {
    pub name: &'static str,
    pub args: &'static str,
    pub help: &'static str,
}

/// Every meta-command, in the order `:help` lists them.
pub const META_COMMANDS: &[MetaCommand] = &[
    MetaCommand {
        name: ":help",
        args: "[TOPIC]",
        help: "this help; topics: queries, commands, keys, or a command name",
    },
    MetaCommand {
        name: ":schema",
        args: "",
        help: "labels, relationship types and property keys, with counts",
    },
    MetaCommand {
        name: ":stats",
        args: "",
        help: "size of the graph: documents, nodes, relationships, sources",
    },
    MetaCommand {
        name: ":show",
        args: "NAME",
        help: "the dossier of an entity, with the sentences behind each fact",
    },
    MetaCommand {
        name: ":path",
        args: "A B",
        help: "the shortest connection between two entities, in words (quote names with spaces)",
    },
    MetaCommand {
        name: ":load",
        args: "PATH...",
        help: "extract more articles (files or folders) into the open graph",
    },
    MetaCommand {
        name: ":open",
        args: "FILE",
        help: "open a saved graph (.ngraph) or build one from articles, replacing this one",
    },
    MetaCommand {
        name: ":save",
        args: "[FILE]",
        help: "save the graph (to the file it came from when FILE is left out)",
    },
    MetaCommand {
        name: ":dot",
        args: "FILE [--render svg|png] [QUERY]",
        help: "write the last result (or QUERY's, or the whole graph) as Graphviz DOT",
    },
    MetaCommand {
        name: ":param",
        args: "[NAME [VALUE]]",
        help: "set $NAME for queries (VALUE is a literal: 42, 'text', [1, 2]); list them without arguments",
    },
    MetaCommand {
        name: ":explain",
        args: "QUERY",
        help: "show how a query would run, without running it",
    },
    MetaCommand {
        name: ":format",
        args: "table|json|csv",
        help: "how results are printed",
    },
    MetaCommand {
        name: ":timing",
        args: "on|off",
        help: "show the time each query takes",
    },
    MetaCommand {
        name: ":unsaved",
        args: "ask|refuse",
        help: "on leaving with unsaved changes: ask to save, or refuse until :save or :quit!",
    },
    MetaCommand {
        name: ":quit",
        args: "",
        help: "leave (:quit! leaves without saving changes); Ctrl-D does the same",
    },
];

/// Meta-commands whose first argument is a file path (completed from the file system).
pub fn completes_file(name: &str) -> bool {
    matches!(name, ":load" | ":open" | ":save" | ":dot")
}

/// The topics `:help` knows.
pub fn help_topics() -> Vec<&'static str> {
    let mut v = vec!["queries", "commands", "keys"];
    v.extend(META_COMMANDS.iter().map(|c| c.name.trim_start_matches(':')));
    v
}

/// What to do when leaving with unsaved changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnsavedPolicy {
    /// Ask whether to save.
    #[default]
    Ask,
    /// Refuse to leave until the graph is saved (or `:quit!`).
    Refuse,
}

/// Graphviz output formats for `:dot --render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Render {
    Svg,
    Png,
}

/// A parsed meta-command.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Help(Option<String>),
    Schema,
    Stats,
    Show(String),
    Path(String, String),
    Load(Vec<PathBuf>),
    Open {
        file: PathBuf,
        force: bool,
    },
    Save(Option<PathBuf>),
    Dot {
        file: PathBuf,
        render: Option<Render>,
        query: Option<String>,
    },
    Param(Option<(String, Option<String>)>),
    Explain(String),
    Format(OutputFormat),
    Timing(bool),
    Unsaved(UnsavedPolicy),
    Quit {
        force: bool,
    },
}

/// Parses a meta-command line (starting with `:`). Errors are messages for the user.
pub fn parse(line: &str) -> Result<Command, String> {
    let line = line.trim().trim_end_matches(';').trim_end();
    let (name, rest) = match line.find(char::is_whitespace) {
        Some(i) => (&line[..i], line[i..].trim()),
        None => (line, ""),
    };
    let usage = |n: &str| {
        META_COMMANDS
            .iter()
            .find(|c| c.name == n)
            .map_or(String::new(), |c| format!("usage: {} {}", c.name, c.args))
    };
    let need = |n: &str| -> Result<String, String> {
        if rest.is_empty() {
            Err(usage(n))
        } else {
            Ok(rest.to_string())
        }
    };
    let none = |n: &str, c: Command| -> Result<Command, String> {
        if rest.is_empty() {
            Ok(c)
        } else {
            Err(format!("{n} takes no arguments"))
        }
    };
    match name {
        ":help" | ":h" | ":?" => Ok(Command::Help(
            (!rest.is_empty()).then(|| rest.trim_start_matches(':').to_string()),
        )),
        ":schema" => none(name, Command::Schema),
        ":stats" => none(name, Command::Stats),
        ":show" => Ok(Command::Show(unquote(&need(name)?))),
        ":path" => {
            let args = split_args(rest)?;
            match args.as_slice() {
                [a, b] => Ok(Command::Path(a.clone(), b.clone())),
                _ => Err(format!(
                    "{}\n  (names with spaces need quotes: :path \"Lee Jae Myung\" \"Xi Jinping\")",
                    usage(name)
                )),
            }
        }
        ":load" => {
            let args = split_args(&need(name)?)?;
            Ok(Command::Load(args.into_iter().map(PathBuf::from).collect()))
        }
        ":open" | ":open!" => Ok(Command::Open {
            file: PathBuf::from(unquote(&need(":open")?)),
            force: name.ends_with('!'),
        }),
        ":save" => Ok(Command::Save(
            (!rest.is_empty()).then(|| PathBuf::from(unquote(rest))),
        )),
        ":dot" => parse_dot(rest).ok_or_else(|| usage(name)),
        ":param" | ":params" => {
            if rest.is_empty() {
                return Ok(Command::Param(None));
            }
            let (key, value) = match rest.find(|c: char| c.is_whitespace() || c == '=' || c == ':')
            {
                Some(i) => (
                    &rest[..i],
                    rest[i..].trim_start_matches([' ', '\t', '=', ':']).trim(),
                ),
                None => (rest, ""),
            };
            let key = key.trim_start_matches('$');
            if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return Err(format!("not a parameter name: {key:?}"));
            }
            Ok(Command::Param(Some((
                key.to_string(),
                (!value.is_empty()).then(|| value.to_string()),
            ))))
        }
        ":explain" => Ok(Command::Explain(need(name)?)),
        ":format" => rest.parse().map(Command::Format),
        ":timing" => match rest {
            "on" => Ok(Command::Timing(true)),
            "off" => Ok(Command::Timing(false)),
            _ => Err(usage(name)),
        },
        ":unsaved" => match rest {
            "ask" => Ok(Command::Unsaved(UnsavedPolicy::Ask)),
            "refuse" => Ok(Command::Unsaved(UnsavedPolicy::Refuse)),
            _ => Err(usage(name)),
        },
        ":quit" | ":q" | ":exit" => none(name, Command::Quit { force: false }),
        ":quit!" | ":q!" => none(name, Command::Quit { force: true }),
        other => {
            let close: Vec<&str> = META_COMMANDS
                .iter()
                .map(|c| c.name)
                .filter(|n| {
                    other
                        .trim_start_matches(':')
                        .chars()
                        .next()
                        .is_some_and(|c| n.trim_start_matches(':').starts_with(c))
                })
                .collect();
            let hint = if close.is_empty() {
                String::new()
            } else {
                format!(" (did you mean {}?)", close.join(", "))
            };
            Err(format!("unknown command {other}{hint}; :help lists them"))
        }
    }
}

fn parse_dot(rest: &str) -> Option<Command> {
    let (file, mut rest) = match rest.find(char::is_whitespace) {
        Some(i) => (&rest[..i], rest[i..].trim_start()),
        None => (rest, ""),
    };
    if file.is_empty() {
        return None;
    }
    let mut render = None;
    if let Some(r) = rest.strip_prefix("--render") {
        let r = r.trim_start();
        let (fmt, tail) = match r.find(char::is_whitespace) {
            Some(i) => (&r[..i], r[i..].trim_start()),
            None => (r, ""),
        };
        render = Some(match fmt {
            "svg" => Render::Svg,
            "png" => Render::Png,
            _ => return None,
        });
        rest = tail;
    }
    Some(Command::Dot {
        file: PathBuf::from(unquote(file)),
        render,
        query: (!rest.is_empty()).then(|| rest.to_string()),
    })
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return s[1..s.len() - 1].to_string();
        }
    }
    s.to_string()
}

/// Splits arguments on whitespace, keeping quoted parts ("Lee Jae Myung") together.
pub fn split_args(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                any = true;
            }
            None if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            None => cur.push(c),
        }
    }
    if let Some(q) = quote {
        return Err(format!("missing closing {q}"));
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_arguments_and_quotes() {
        assert_eq!(
            parse(":path \"Lee Jae Myung\" 'Xi Jinping'"),
            Ok(Command::Path("Lee Jae Myung".into(), "Xi Jinping".into()))
        );
        assert_eq!(
            parse(":show Lee Jae Myung"),
            Ok(Command::Show("Lee Jae Myung".into()))
        );
        assert_eq!(
            parse(":dot out.dot --render svg MATCH (n) RETURN n"),
            Ok(Command::Dot {
                file: "out.dot".into(),
                render: Some(Render::Svg),
                query: Some("MATCH (n) RETURN n".into())
            })
        );
        assert_eq!(
            parse(":param who 'Ana'"),
            Ok(Command::Param(Some(("who".into(), Some("'Ana'".into())))))
        );
        assert_eq!(parse(":format csv"), Ok(Command::Format(OutputFormat::Csv)));
        assert_eq!(parse(":quit!"), Ok(Command::Quit { force: true }));
        assert_eq!(parse(":help :path"), Ok(Command::Help(Some("path".into()))));
    }

    #[test]
    fn reports_usage_and_unknown_commands() {
        assert_eq!(parse(":show"), Err("usage: :show NAME".into()));
        assert!(
            parse(":path onlyone")
                .unwrap_err()
                .contains("usage: :path A B")
        );
        assert!(parse(":timing maybe").is_err());
        assert!(parse(":stats now").is_err());
        assert!(parse(":shwo x").unwrap_err().contains(":show"));
        assert!(
            parse(":path \"open")
                .unwrap_err()
                .contains("missing closing")
        );
    }
}
