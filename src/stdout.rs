//! Standard output for the command line: a report that was not written must not pass, and a reader
//! that stopped reading (`newslint … | head`) is not an error.

use newslint::engine::{Error, Piece};
use newslint::report::JsonArray;
use std::io::Write;
use std::process::ExitCode;

/// Writes to stdout; a closed pipe (`newslint … | head`) ends the program quietly, any other write
/// error (a full disk) is an error: a report that was not written must not pass.
pub fn emit(text: &str) -> Result<ExitCode, Error> {
    let mut out = std::io::stdout().lock();
    written(out.write_all(text.as_bytes()).and_then(|_| out.flush())).map(|()| ExitCode::SUCCESS)
}

/// Standard output written a piece at a time, with `emit`'s handling of errors.
pub struct Out(std::io::BufWriter<std::io::StdoutLock<'static>>);

impl Out {
    pub fn new() -> Out {
        Out(std::io::BufWriter::new(std::io::stdout().lock()))
    }

    pub fn write(&mut self, text: &str) -> Result<(), Error> {
        written(self.0.write_all(text.as_bytes()))
    }

    pub fn flush(&mut self) -> Result<(), Error> {
        written(self.0.flush())
    }
}

/// A closed pipe (`newslint … | head`) ends the program quietly; any other write error (a full
/// disk) is an error: a report that was not written must not pass.
fn written(result: std::io::Result<()>) -> Result<(), Error> {
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::Message(format!("cannot write the report: {e}"))),
    }
}

/// Reports written file by file as the engine hands them over, in a JSON array when `json`; a file
/// that could not be read is said on stderr and remembered, so the run exits 2.
pub struct Streamed {
    out: Out,
    array: Option<JsonArray>,
    unreadable: bool,
}

impl Streamed {
    pub fn new(json: bool) -> Streamed {
        Streamed {
            out: Out::new(),
            array: json.then(JsonArray::default),
            unreadable: false,
        }
    }

    pub fn take(&mut self, piece: Piece<String>) -> Result<(), Error> {
        match piece {
            Piece::Unreadable(e) => {
                eprintln!("error: {e}");
                self.unreadable = true;
                Ok(())
            }
            Piece::Report(text) => match &mut self.array {
                Some(array) => {
                    self.out.write(array.before(&text))?;
                    self.out.write(&text)
                }
                None => self.out.write(&text),
            },
        }
    }

    /// `take`, for a report written straight out by `write` (one element of the JSON array when
    /// `json`, never none): a long file's report is not held whole.
    pub fn take_written<R>(
        &mut self,
        piece: Piece<R>,
        write: impl FnOnce(&mut dyn Write, &R) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        match piece {
            Piece::Unreadable(e) => self.take(Piece::Unreadable(e)),
            Piece::Report(report) => {
                if let Some(array) = &mut self.array {
                    self.out.write(array.before_elements())?;
                }
                written(write(&mut self.out.0, &report))
            }
        }
    }

    /// Ends the array and flushes; whether a file could not be read.
    pub fn finish(mut self) -> Result<bool, Error> {
        if let Some(array) = self.array.take() {
            self.out.write(array.end())?;
        }
        self.out.flush()?;
        Ok(self.unreadable)
    }
}
