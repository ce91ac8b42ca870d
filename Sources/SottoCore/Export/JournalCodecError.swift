import SottoModel

/// An export or import could not be done: what went wrong, where, and what to do.
///
/// The description names the line, the entry or the field, never the text of the journal, so it is
/// safe to print, log or paste into a bug report.
public struct JournalCodecError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A stable, machine-readable kind of failure; new codes may be added.
  public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// The input is larger than ``JournalImport/maxInputBytes``.
    public static let inputTooLarge = Code(rawValue: "input-too-large")
    /// One line (or CSV record) is longer than ``JournalImport/maxLineBytes``.
    public static let lineTooLong = Code(rawValue: "line-too-long")
    /// The bytes are not valid UTF-8.
    public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
    /// The bytes are not well-formed JSON or CSV, or are cut short.
    public static let malformed = Code(rawValue: "malformed")
    /// The format could not be recognised, or the file is not of the format asked for.
    public static let unrecognisedFormat = Code(rawValue: "unrecognised-format")
    /// The file was written by a newer Sotto with a schema this one does not know.
    public static let unsupportedVersion = Code(rawValue: "unsupported-version")
    /// A value is missing, of the wrong type, or out of range.
    public static let invalidValue = Code(rawValue: "invalid-value")
    /// An entry was read but fails the journal's checks (``SottoModel/Entry/validate()``).
    public static let invalidEntry = Code(rawValue: "invalid-entry")
    /// Two entries in one file share an id.
    public static let duplicateID = Code(rawValue: "duplicate-id")
    /// An entry holds a value that cannot be written (a number that is not finite).
    public static let unencodable = Code(rawValue: "unencodable")
  }

  /// Where in the input the problem is.
  public enum Location: Hashable, Sendable, CustomStringConvertible {
    /// A line of the file, counted from 1 (for CSV, the line where the record starts).
    case line(Int)
    /// An entry of a JSON document or of the list given to a writer, counted from 1.
    case entry(Int)
    /// An ingestion of a PsychonautWiki Journal experience, both counted from 1.
    case ingestion(experience: Int, ingestion: Int)
    /// An experience of a PsychonautWiki Journal export, counted from 1.
    case experience(Int)

    public var description: String {
      switch self {
      case .line(let line): "line \(line)"
      case .entry(let index): "entry \(index)"
      case .ingestion(let experience, let ingestion):
        "experience \(experience), ingestion \(ingestion)"
      case .experience(let experience): "experience \(experience)"
      }
    }
  }

  /// The kind of failure.
  public var code: Code
  /// Where the problem is, when known.
  public var location: Location?
  /// The field or column concerned, when known ("amount", "use.amount").
  public var field: String?
  /// What happened and what to do, as one or more sentences without the location.
  public var problem: String

  /// Creates an error.
  public init(code: Code, location: Location? = nil, field: String? = nil, problem: String) {
    self.code = code
    self.location = location
    self.field = field
    self.problem = problem
  }

  /// The full message: location first, then the problem.
  public var description: String {
    guard let location else { return problem }
    let place = location.description
    return place.prefix(1).uppercased() + place.dropFirst() + ": " + problem
  }
}

extension JournalCodecError {
  static let nothingImported = "Nothing was imported."

  static func invalidEntry(
    _ error: EntryValidationError, at location: Location
  ) -> JournalCodecError {
    JournalCodecError(
      code: .invalidEntry, location: location, field: error.field,
      problem: "the \(error.field) \(error.problem). Correct it and import again. "
        + nothingImported)
  }

  static func duplicateID(at location: Location, first: Location) -> JournalCodecError {
    JournalCodecError(
      code: .duplicateID, location: location, field: "id",
      problem: "this entry has the same id as \(first). Ids must be unique within one file. "
        + nothingImported)
  }
}
