/// A field of an entry holds a value outside what Sotto accepts.
///
/// The description names the field and the allowed values, never the text the person typed.
public struct EntryValidationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The field, as the person knows it ("intensity", "amount").
  public var field: String
  /// What is wrong and what is allowed, as the end of a sentence.
  public var problem: String

  /// Creates an error for `field`.
  public init(field: String, problem: String) {
    self.field = field
    self.problem = problem
  }

  public var description: String { "The \(field) \(problem). Nothing was written." }
}
