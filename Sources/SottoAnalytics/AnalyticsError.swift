/// A report or demo journal could not be built from the options given.
///
/// The message says what was wrong and what to do; it never holds journal text.
public struct AnalyticsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, as a stable code for programs and tests.
  public enum Code: String, Sendable, Hashable, Codable {
    /// A week was written in a form Sotto cannot read.
    case unreadableWeek
    /// A week number does not exist in that year.
    case weekOutOfRange
    /// A `since ... until` range ends before it starts or is too long.
    case invalidRange
    /// The number of weeks in the series is outside the allowed range.
    case invalidSeriesLength
    /// A demo journal was asked for with impossible sizes.
    case invalidDemoSize
  }

  /// The stable code.
  public var code: Code
  /// A full sentence for the person at the terminal: what happened and what to do.
  public var message: String

  /// Creates an error.
  public init(code: Code, message: String) {
    self.code = code
    self.message = message
  }

  /// The message; it never holds journal text.
  public var description: String { message }
}
