//! The `factx` command line: parses arguments and calls the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};

use factx::extract::{DateOrder, ExtractOptions};
use factx::rules::RuleSources;
use factx::{Options, Pipeline, Rules};

#[derive(Parser)]
#[command(
    name = "factx",
    version,
    about = "Extract people, roles, dates and claims, with provenance, from folders of English documents"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from files and folders into CSV tables and facts.jsonl.
    Extract(ExtractArgs),
    /// Score an output folder against a gold file.
    Eval(EvalArgs),
    /// Check or write out rule files.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or folders to read (folders are walked recursively).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder (created; replaced if it is a previous factx output).
    #[arg(short, long)]
    output: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Use the rule files in DIR instead of the built-in defaults (missing files keep defaults).
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// CSV with columns doc,published giving known publication dates (wins over the text).
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
    /// How to read numeric dates such as 04/11/2019.
    #[arg(long, value_enum, default_value_t = Order::Dmy)]
    date_order: Order,
    /// Skip files larger than this many bytes (listed in documents.csv).
    #[arg(long, default_value_t = 512 * 1024 * 1024)]
    max_bytes: u64,
    /// Write a UTF-8 byte order mark at the start of each CSV (for Excel).
    #[arg(long)]
    excel: bool,
    /// Replace the output folder even if it is not a factx output.
    #[arg(long)]
    force: bool,
    /// No progress line and no summary.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Order {
    /// Day first: 04/11/2019 is 4 November 2019.
    Dmy,
    /// Month first: 04/11/2019 is 11 April 2019.
    Mdy,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Gold annotations (JSON Lines, as in the annotation guide).
    #[arg(long)]
    gold: PathBuf,
    /// The output folder of `factx extract`.
    out_dir: PathBuf,
    /// The documents folder (default: the input recorded in run.json).
    #[arg(long)]
    docs: Option<PathBuf>,
    /// Print the scores as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Validate a rules folder (default: the built-in rules); prints file:line: problem.
    Check {
        /// The rules folder.
        dir: Option<PathBuf>,
    },
    /// Write the built-in rule files into DIR, to edit and use with --rules.
    Dump {
        /// Destination folder (created).
        dir: PathBuf,
    },
}

/// mimalloc 3 allocates and frees the many small strings of each document's facts faster than
/// the system allocator (BENCHMARKS.md: about 10% of the run), and gives freed memory back, so
/// the peak stays bounded by the batches, not the corpus (55 MB on 1 GB and on 2 GB).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A panic inside one document is caught and recorded in documents.csv; say so in one line.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("factx: internal error (recorded in documents.csv): {info}");
    }));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Eval(a) => eval(a),
        Command::Rules { command } => rules(command),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("factx: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn load_rules(dir: Option<&PathBuf>) -> Result<Rules> {
    Ok(match dir {
        Some(d) => Rules::from_dir(d)?,
        None => Rules::builtin(),
    })
}

fn extract(a: ExtractArgs) -> Result<ExitCode> {
    let rules = load_rules(a.rules.as_ref())?;
    let manifest = match &a.manifest {
        Some(m) => factx::pipeline::read_manifest(m)?,
        None => Default::default(),
    };
    let opts = Options {
        threads: a.threads,
        extract: ExtractOptions {
            date_order: match a.date_order {
                Order::Dmy => DateOrder::Dmy,
                Order::Mdy => DateOrder::Mdy,
            },
        },
        manifest,
        max_bytes: a.max_bytes,
        excel: a.excel,
        force: a.force,
        ..Options::default()
    };
    let pipeline = Pipeline::new(rules, opts);
    let flag = pipeline.interrupt_flag();
    let _ = ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst));
    let show = !a.quiet && std::io::stderr().is_terminal();
    let mut progress = |p: &factx::Progress| {
        if show {
            let mb = p.bytes as f64 / 1e6;
            let rate = if p.elapsed_secs > 0.0 {
                mb / p.elapsed_secs
            } else {
                0.0
            };
            eprint!(
                "\r\x1b[2Kfactx: {} documents, {:.1} MB, {:.1} MB/s",
                p.documents, mb, rate
            );
        }
    };
    let summary = pipeline.run(&a.inputs, &a.output, &mut progress);
    if show {
        eprint!("\r\x1b[2K");
    }
    let s = summary.with_context(|| format!("extract into {} failed", a.output.display()))?;
    if !a.quiet {
        eprintln!(
            "factx: {} documents ({} ok, {} skipped, {} failed); {} people, {} roles, {} dates, {} claims; {:.2} MB in {:.2} s ({:.1} MB/s) -> {}",
            s.counts.documents,
            s.documents_ok,
            s.documents_skipped,
            s.documents_failed,
            s.counts.people,
            s.counts.roles,
            s.counts.dates,
            s.counts.claims,
            s.bytes as f64 / 1e6,
            s.wall_secs,
            s.mb_per_sec(),
            a.output.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(a: EvalArgs) -> Result<ExitCode> {
    let report = factx::eval::evaluate(&a.gold, &a.out_dir, a.docs.as_deref())?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", report.table());
    }
    Ok(ExitCode::SUCCESS)
}

fn rules(c: RulesCommand) -> Result<ExitCode> {
    match c {
        RulesCommand::Check { dir } => {
            let sources = match &dir {
                Some(d) => RuleSources::from_dir(d)?,
                None => RuleSources::builtin(),
            };
            match sources.compile() {
                Ok(r) => {
                    println!(
                        "rules OK: {} ({} files, {} date patterns, {} honorifics, {} role heads, {} speech verbs; fingerprint {})",
                        r.source,
                        sources.files().len(),
                        r.date_rules.len(),
                        r.honorifics.len(),
                        r.role_heads.len(),
                        r.speech_verbs.len(),
                        &r.fingerprint[..12]
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(factx::Error::Rules(problems)) => {
                    for p in &problems {
                        println!("{p}");
                    }
                    eprintln!("factx: {} problem(s) in the rules", problems.len());
                    Ok(ExitCode::from(1))
                }
                Err(e) => Err(e.into()),
            }
        }
        RulesCommand::Dump { dir } => {
            for (rel, content) in RuleSources::builtin().files() {
                let p = dir.join(rel);
                if p.exists() {
                    bail!("{} exists; not overwriting", p.display());
                }
                if let Some(parent) = p.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(&p, content).with_context(|| format!("writing {}", p.display()))?;
            }
            println!("wrote the built-in rules to {}", dir.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}
