/// Whether the person acted on an urge or rode it out.
public enum UrgeOutcome: String, Hashable, Sendable, Codable, CaseIterable {
  /// The urge passed without use.
  case resisted
  /// The person used.
  case acted
}

/// An urge: how strong it was, what set it off, and what happened.
public struct Urge: Hashable, Sendable, Codable {
  /// Intensity from 0 (barely there) to 10 (overwhelming).
  public var intensity: Int
  /// What set it off, in the person's words ("payday", "bored").
  public var triggers: [String]
  /// Resisted or acted on; `nil` when not said.
  public var outcome: UrgeOutcome?
  /// How long it lasted, in minutes.
  public var durationMinutes: Int?
  /// What helped ("walked it off", "urge surfing").
  public var coping: String?
  /// The intensity at the end, when it was followed (urge surfing).
  public var finalIntensity: Int?
  /// A free-text note.
  public var note: String?

  /// The allowed intensity range.
  public static let intensityRange = 0...10
  /// The longest duration accepted, in minutes (one week).
  public static let maxDurationMinutes = 7 * 24 * 60

  /// Creates an urge; call ``validate()`` before storing it.
  public init(
    intensity: Int, triggers: [String] = [], outcome: UrgeOutcome? = nil,
    durationMinutes: Int? = nil, coping: String? = nil, finalIntensity: Int? = nil,
    note: String? = nil
  ) {
    self.intensity = intensity
    self.triggers = triggers
    self.outcome = outcome
    self.durationMinutes = durationMinutes
    self.coping = coping
    self.finalIntensity = finalIntensity
    self.note = note
  }

  /// Checks every field against its allowed range.
  public func validate() throws(EntryValidationError) {
    guard Self.intensityRange.contains(intensity) else {
      throw EntryValidationError(
        field: "intensity", problem: "must be a whole number from 0 to 10")
    }
    if let finalIntensity, !Self.intensityRange.contains(finalIntensity) {
      throw EntryValidationError(
        field: "final intensity", problem: "must be a whole number from 0 to 10")
    }
    if let durationMinutes, !(0...Self.maxDurationMinutes).contains(durationMinutes) {
      throw EntryValidationError(
        field: "duration", problem: "must be from 0 to \(Self.maxDurationMinutes) minutes")
    }
    for trigger in triggers {
      try TextField.validate(trigger, field: "trigger", required: true)
    }
    try TextField.validate(coping, field: "coping")
    try TextField.validate(note, field: "note")
  }
}
