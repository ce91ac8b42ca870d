/// Everything that can go wrong in the journal core, as one `Sendable` error.
///
/// Like swift-nio's `FileSystemError`: a stable ``code`` that programs switch on, and a
/// ``message`` written for the person at the terminal saying what happened and what to do.
/// Messages never contain journal text, passphrases or keys (GRDB's rule for statement arguments).
public struct SottoError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Code: String, Sendable, Hashable {
    /// The passphrase does not open the journal's key envelope.
    case wrongPassphrase
    /// The file is not a Sotto journal, or its header is damaged.
    case notAJournal
    /// No journal at the path.
    case journalNotFound
    /// `init` found a journal already there.
    case journalExists
    /// The journal was written by a newer Sotto.
    case newerFormat
    /// One or more records or the manifest failed their checks.
    case damaged
    /// SQLite or the file system failed: disk full, read-only, locked, missing folder.
    case storage
    /// The passphrase is too weak to protect the journal.
    case weakPassphrase
    /// The passphrase could not be read (file, descriptor or terminal).
    case passphraseInput
    /// A new passphrase and its repetition differ.
    case passphraseMismatch
    /// No entry matches the id given.
    case entryNotFound
    /// More than one entry matches the id prefix given.
    case ambiguousID
    /// A value given on the command line is not acceptable.
    case invalidInput
    /// Another Sotto process changed the keys while this one ran.
    case concurrentChange
    /// A sync folder is missing, foreign, or not this journal's; or the journal does not sync.
    case syncFolder
    /// libsodium failed in a way that should not happen (out of memory, failed initialisation).
    case crypto
  }

  /// What kind of failure this is.
  public var code: Code
  /// One or two sentences for the person: what happened, and what to do.
  public var message: String
  /// A short, non-secret description of the underlying cause, for `--verbose` diagnostics.
  public var cause: String?

  /// Creates an error.
  public init(_ code: Code, _ message: String, cause: String? = nil) {
    self.code = code
    self.message = message
    self.cause = cause
  }

  public var description: String { message }
}

extension SottoError {
  static let wrongPassphrase = SottoError(
    .wrongPassphrase,
    "The passphrase does not open this journal. Nothing was read or written.")

  static func notAJournal(_ detail: String) -> SottoError {
    SottoError(
      .notAJournal, "This file is not a Sotto journal, or its header is damaged (\(detail)).")
  }
}
