/// One occasion of use: what, how much, how, where, what it cost, and how it felt.
public struct Use: Hashable, Sendable, Codable {
  /// The substance, as the person names it, lower-cased ("alcohol", "mdma").
  public var substance: String
  /// How much, in ``unit``; `nil` when not said.
  public var amount: Double?
  /// The unit of ``amount`` ("drinks", "mg"); `nil` when not said.
  public var unit: String?
  /// Alcohol by volume, in percent (`--abv`); `nil` when not said (a drink's default applies,
  /// ``DrinkSettings``).
  public var abv: Double?
  /// Route of administration ("oral", "smoked").
  public var route: String?
  /// Setting ("bar", "home alone").
  public var setting: String?
  /// Money spent, in the person's currency.
  public var cost: Double?
  /// Mood before.
  public var moodBefore: String?
  /// Mood after.
  public var moodAfter: String?
  /// A free-text note.
  public var note: String?

  /// The largest amount or cost accepted; larger values are almost surely typing mistakes.
  public static let maxQuantity = 1_000_000.0

  /// Creates a use entry; call ``validate()`` before storing it.
  public init(
    substance: String, amount: Double? = nil, unit: String? = nil, route: String? = nil,
    setting: String? = nil, cost: Double? = nil, moodBefore: String? = nil,
    moodAfter: String? = nil, note: String? = nil, abv: Double? = nil
  ) {
    self.substance = substance
    self.amount = amount
    self.unit = unit
    self.abv = abv
    self.route = route
    self.setting = setting
    self.cost = cost
    self.moodBefore = moodBefore
    self.moodAfter = moodAfter
    self.note = note
  }

  /// Checks every field against its allowed range.
  public func validate() throws(EntryValidationError) {
    try TextField.validate(substance, field: "substance", required: true)
    if let amount {
      try Quantity.validate(amount, field: "amount")
      if unit == nil {
        throw EntryValidationError(
          field: "unit", problem: "is needed with an amount (for example: 3 drinks, 80 mg)")
      }
    }
    if let unit {
      try TextField.validate(unit, field: "unit", required: true)
      if amount == nil {
        throw EntryValidationError(field: "amount", problem: "is needed with a unit")
      }
    }
    if let cost { try Quantity.validate(cost, field: "cost") }
    if let abv {
      guard DrinkSettings.isStrength(abv) else {
        throw EntryValidationError(
          field: "abv", problem: "must be a percentage above 0 and at most 100 (for example: 13.5)")
      }
    }
    try TextField.validate(route, field: "route")
    try TextField.validate(setting, field: "setting")
    try TextField.validate(moodBefore, field: "mood before")
    try TextField.validate(moodAfter, field: "mood after")
    try TextField.validate(note, field: "note")
  }
}

/// Checks for the numbers people type: finite, not negative, not absurd.
public enum Quantity {
  /// Throws unless `value` is finite and within 0 ... ``Use/maxQuantity``.
  public static func validate(_ value: Double, field: String) throws(EntryValidationError) {
    guard value.isFinite, value >= 0 else {
      throw EntryValidationError(field: field, problem: "must be a number of 0 or more")
    }
    guard value <= Use.maxQuantity else {
      throw EntryValidationError(field: field, problem: "must be at most 1000000")
    }
  }
}

/// Checks for free text: no control characters, a sensible length.
public enum TextField {
  /// The longest text accepted in one field, in characters.
  public static let maxLength = 4_000

  /// Throws when `text` is empty (and `required`), too long, or holds control characters.
  public static func validate(
    _ text: String?, field: String, required: Bool = false
  ) throws(EntryValidationError) {
    guard let text else { return }
    if required && !text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
      throw EntryValidationError(field: field, problem: "must not be empty")
    }
    // Counting characters means finding grapheme breaks: only needed when the bytes alone
    // could be too many (a character is at least one byte). Every field of every imported or
    // restored entry comes through here.
    if text.utf8.count > maxLength && text.count > maxLength {
      throw EntryValidationError(field: field, problem: "must be at most \(maxLength) characters")
    }
    func control() -> EntryValidationError {
      EntryValidationError(field: field, problem: "must not contain control characters")
    }
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: the control characters are 0x00-0x1F and 0x7F.
      for byte in text.utf8 where (byte < 0x20 || byte == 0x7F) && byte != 0x0A && byte != 0x09 {
        throw control()
      }
      return
    }
    for scalar in text.unicodeScalars
    where scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t" {
      throw control()
    }
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  public func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
