/// A combination the person wants to be warned about: when one of two substances is logged
/// within 24 hours of the other, `sotto use` says so.
///
/// Rules name substances, so they are journal entries (encrypted like any other), never a
/// plaintext configuration file.
public struct SafetyRule: Hashable, Sendable, Codable {
  /// The two substances, canonical (`Naming.canonical`), as the person named them.
  public var substances: [String]
  /// Why, in the person's words; shown with the warning.
  public var note: String?

  /// Creates a rule; call ``validate()`` before storing it.
  public init(substances: [String], note: String? = nil) {
    self.substances = substances
    self.note = note
  }

  /// Creates a rule about two substances.
  public init(_ first: String, _ second: String, note: String? = nil) {
    self.init(substances: [first, second], note: note)
  }

  /// Checks that the rule names exactly two different substances and that the note is sound.
  public func validate() throws(EntryValidationError) {
    guard substances.count == 2 else {
      throw EntryValidationError(field: "rule", problem: "must name exactly two substances")
    }
    for substance in substances {
      try TextField.validate(substance, field: "rule substance", required: true)
    }
    guard Naming.canonical(substances[0]) != Naming.canonical(substances[1]) else {
      throw EntryValidationError(field: "rule", problem: "must name two different substances")
    }
    try TextField.validate(note, field: "note")
  }
}
