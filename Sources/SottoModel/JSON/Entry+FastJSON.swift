// The same JSON shape as Entry+Codable.swift (Docs/EXPORT.md, "Entry JSON"), written and read
// without Foundation's coders: this is the hot path of every unlock, export and restore.

extension Entry {
  /// The entry as compact JSON with sorted keys (the record plaintext and export shape).
  public func jsonBytes(extraTime: Bool = false) -> [UInt8] {
    var writer = JSONWriter()
    write(to: &writer, extraTime: extraTime)
    return writer.bytes
  }

  /// Writes the entry as one JSON object.
  public func write(to writer: inout JSONWriter, extraTime: Bool = false) {
    writer.beginObject()
    writer.key("at")
    writer.beginObject()
    writer.key("offset")
    writer.int(Int64(at.utcOffsetSeconds))
    writer.key("unix")
    writer.int(at.unixSeconds)
    writer.endObject()
    if case .goal(let goal) = body {
      writer.key("goal")
      goal.write(to: &writer)
    }
    writer.key("id")
    writer.id(id)
    writer.key("kind")
    writer.string(kind.rawValue)
    if case .rule(let rule) = body {
      writer.key("rule")
      rule.write(to: &writer)
    }
    writer.key("source")
    writer.string(source.rawValue)
    if extraTime {
      writer.key("time")
      writer.time(at)
    }
    switch body {
    case .urge(let urge):
      writer.key("urge")
      urge.write(to: &writer)
    case .use(let use):
      writer.key("use")
      use.write(to: &writer)
    case .goal, .rule: break
    }
    writer.endObject()
  }

  /// Reads one entry from JSON bytes (any key order; unknown keys are skipped).
  public init(jsonBytes: [UInt8]) throws(JSONReader.Failure) {
    var reader = JSONReader(jsonBytes)
    self = try Entry(from: &reader)
    try reader.expectEnd()
  }

  /// Reads one entry object from `reader`.
  public init(from reader: inout JSONReader) throws(JSONReader.Failure) {
    var id: EntryID?
    var kind: EntryKind?
    var at: Timestamp?
    var source = EntrySource.direct
    var urge: Urge?
    var use: Use?
    var goal: Goal?
    var rule: SafetyRule?
    try reader.readObject { reader, key throws(JSONReader.Failure) in
      switch key {
      case "id":
        guard let parsed = try reader.readString(parsing: { EntryID(hexDigits: $0) }) else {
          throw JSONReader.Failure(offset: reader.offset, expected: "an id of 32 hex digits")
        }
        id = parsed
      case "kind":
        // Matched as bytes: a `String` and a string `switch` per record cost more.
        let kinds = { (bytes: Span<UInt8>) -> EntryKind? in
          switch JSONKey(bytes) {
          case "urge": .urge
          case "use": .use
          case "goal": .goal
          case "rule": .rule
          default: nil
          }
        }
        guard let parsed = try reader.readString(parsing: kinds) else {
          throw JSONReader.Failure(offset: reader.offset, expected: "a known kind")
        }
        kind = parsed
      case "at": at = try Timestamp(from: &reader)
      case "source":
        let sources = { (bytes: Span<UInt8>) -> EntrySource? in
          switch JSONKey(bytes) {
          case "direct": .direct
          case "quickCapture": .quickCapture
          default: nil
          }
        }
        guard let parsed = try reader.readString(parsing: sources) else {
          throw JSONReader.Failure(offset: reader.offset, expected: "a known source")
        }
        source = parsed
      case "urge": urge = try Urge(from: &reader)
      case "use": use = try Use(from: &reader)
      case "goal": goal = try Goal(from: &reader)
      case "rule": rule = try SafetyRule(from: &reader)
      default: try reader.skipValue()
      }
    }
    let missing = JSONReader.Failure(offset: reader.offset, expected: "id, kind, at and a body")
    guard let id, let kind, let at else { throw missing }
    let body: EntryBody
    switch kind {
    case .urge:
      guard let urge else { throw missing }
      body = .urge(urge)
    case .use:
      guard let use else { throw missing }
      body = .use(use)
    case .goal:
      guard let goal else { throw missing }
      body = .goal(goal)
    case .rule:
      guard let rule else { throw missing }
      body = .rule(rule)
    }
    self.init(id: id, at: at, source: source, body: body)
  }
}

extension Timestamp {
  init(from reader: inout JSONReader) throws(JSONReader.Failure) {
    var unix: Int64?
    var offset: Int64?
    try reader.readObject { reader, key throws(JSONReader.Failure) in
      switch key {
      case "unix": unix = try reader.readInt()
      case "offset": offset = try reader.readInt()
      default: try reader.skipValue()
      }
    }
    guard let unix, let offset, let small = Int32(exactly: offset) else {
      throw JSONReader.Failure(offset: reader.offset, expected: "unix and offset")
    }
    self.init(unixSeconds: unix, utcOffsetSeconds: small)
  }
}

extension JSONReader {
  mutating func readSmallInt() throws(Failure) -> Int {
    let value = try readInt()
    guard let small = Int(exactly: value), abs(small) <= Int(Int32.max) else {
      throw Failure(offset: offset, expected: "a smaller whole number")
    }
    return small
  }

  mutating func readOptionalString() throws(Failure) -> String? {
    readNullIfPresent() ? nil : try readString()
  }
}

extension Urge {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    if let coping {
      writer.key("coping")
      writer.string(coping)
    }
    if let durationMinutes {
      writer.key("durationMinutes")
      writer.int(Int64(durationMinutes))
    }
    if let finalIntensity {
      writer.key("finalIntensity")
      writer.int(Int64(finalIntensity))
    }
    writer.key("intensity")
    writer.int(Int64(intensity))
    if let note {
      writer.key("note")
      writer.string(note)
    }
    if let outcome {
      writer.key("outcome")
      writer.string(outcome.rawValue)
    }
    writer.key("triggers")
    writer.beginArray()
    for trigger in triggers { writer.string(trigger) }
    writer.endArray()
    writer.endObject()
  }

  init(from reader: inout JSONReader) throws(JSONReader.Failure) {
    var intensity: Int?
    var value = Urge(intensity: 0)
    try reader.readObject { reader, key throws(JSONReader.Failure) in
      switch key {
      case "intensity": intensity = try reader.readSmallInt()
      case "triggers":
        var triggers: [String] = []
        try reader.readArray { reader throws(JSONReader.Failure) in
          triggers.append(try reader.readString())
        }
        value.triggers = triggers
      case "outcome":
        if !reader.readNullIfPresent() {
          guard let outcome = UrgeOutcome(rawValue: try reader.readString()) else {
            throw JSONReader.Failure(offset: reader.offset, expected: "resisted or acted")
          }
          value.outcome = outcome
        }
      case "durationMinutes":
        value.durationMinutes = reader.readNullIfPresent() ? nil : try reader.readSmallInt()
      case "finalIntensity":
        value.finalIntensity = reader.readNullIfPresent() ? nil : try reader.readSmallInt()
      case "coping": value.coping = try reader.readOptionalString()
      case "note": value.note = try reader.readOptionalString()
      default: try reader.skipValue()
      }
    }
    guard let intensity else {
      throw JSONReader.Failure(offset: reader.offset, expected: "an intensity")
    }
    value.intensity = intensity
    self = value
  }
}

extension Use {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    if let abv {
      writer.key("abv")
      writer.double(abv)
    }
    if let amount {
      writer.key("amount")
      writer.double(amount)
    }
    if let cost {
      writer.key("cost")
      writer.double(cost)
    }
    // One call per field: a table of (name, value) pairs cost an array per use written.
    writer.optional("moodAfter", moodAfter)
    writer.optional("moodBefore", moodBefore)
    writer.optional("note", note)
    writer.optional("route", route)
    writer.optional("setting", setting)
    writer.key("substance")
    writer.string(substance)
    if let unit {
      writer.key("unit")
      writer.string(unit)
    }
    writer.endObject()
  }

  init(from reader: inout JSONReader) throws(JSONReader.Failure) {
    var substance: String?
    var value = Use(substance: "")
    try reader.readObject { reader, key throws(JSONReader.Failure) in
      switch key {
      case "substance": substance = try reader.readString()
      case "amount": value.amount = reader.readNullIfPresent() ? nil : try reader.readDouble()
      case "abv": value.abv = reader.readNullIfPresent() ? nil : try reader.readDouble()
      case "unit": value.unit = try reader.readOptionalString()
      case "route": value.route = try reader.readOptionalString()
      case "setting": value.setting = try reader.readOptionalString()
      case "cost": value.cost = reader.readNullIfPresent() ? nil : try reader.readDouble()
      case "moodBefore": value.moodBefore = try reader.readOptionalString()
      case "moodAfter": value.moodAfter = try reader.readOptionalString()
      case "note": value.note = try reader.readOptionalString()
      default: try reader.skipValue()
      }
    }
    guard let substance else {
      throw JSONReader.Failure(offset: reader.offset, expected: "a substance")
    }
    value.substance = substance
    self = value
  }
}

extension Goal {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("archived")
    writer.bool(archived)
    if let note {
      writer.key("note")
      writer.string(note)
    }
    writer.key("rule")
    writer.beginObject()
    switch rule {
    case .cap(let amount, let unit, let substance, let period):
      writer.key("amount")
      writer.double(amount)
      writer.key("kind")
      writer.string(rule.kind)
      writer.key("period")
      writer.string(period.rawValue)
      writer.key("substance")
      writer.string(substance)
      writer.key("unit")
      writer.string(unit)
    case .useFreeDays(let days, let period):
      writer.key("days")
      writer.int(Int64(days))
      writer.key("kind")
      writer.string(rule.kind)
      writer.key("period")
      writer.string(period.rawValue)
    case .minGap(let hours, let substance):
      writer.key("hours")
      writer.double(hours)
      writer.key("kind")
      writer.string(rule.kind)
      writer.key("substance")
      writer.string(substance)
    case .maxSpend(let amount, let period):
      writer.key("amount")
      writer.double(amount)
      writer.key("kind")
      writer.string(rule.kind)
      writer.key("period")
      writer.string(period.rawValue)
    case .resistRate(let percent):
      writer.key("kind")
      writer.string(rule.kind)
      writer.key("percent")
      writer.int(Int64(percent))
    }
    writer.endObject()
    writer.endObject()
  }

  init(from reader: inout JSONReader) throws(JSONReader.Failure) {
    var rule: GoalRule?
    var note: String?
    var archived = false
    try reader.readObject { reader, key throws(JSONReader.Failure) in
      switch key {
      case "rule": rule = try GoalRule(from: &reader)
      case "note": note = try reader.readOptionalString()
      case "archived": archived = try reader.readBool()
      default: try reader.skipValue()
      }
    }
    guard let rule else { throw JSONReader.Failure(offset: reader.offset, expected: "a rule") }
    self.init(rule: rule, note: note, archived: archived)
  }
}

extension GoalRule {
  init(from reader: inout JSONReader) throws(JSONReader.Failure) {
    var kind: String?
    var amount: Double?
    var unit: String?
    var substance: String?
    var period: GoalPeriod?
    var days: Int?
    var hours: Double?
    var percent: Int?
    try reader.readObject { reader, key throws(JSONReader.Failure) in
      switch key {
      case "kind": kind = try reader.readString()
      case "amount": amount = try reader.readDouble()
      case "unit": unit = try reader.readString()
      case "substance": substance = try reader.readString()
      case "period":
        guard let parsed = GoalPeriod(rawValue: try reader.readString()) else {
          throw JSONReader.Failure(offset: reader.offset, expected: "day or week")
        }
        period = parsed
      case "days": days = try reader.readSmallInt()
      case "hours": hours = try reader.readDouble()
      case "percent": percent = try reader.readSmallInt()
      default: try reader.skipValue()
      }
    }
    let missing = JSONReader.Failure(
      offset: reader.offset, expected: "the fields of the goal's kind")
    switch kind {
    case "cap":
      guard let amount, let unit, let substance, let period else { throw missing }
      self = .cap(amount: amount, unit: unit, substance: substance, period: period)
    case "useFreeDays":
      guard let days, let period else { throw missing }
      self = .useFreeDays(days: days, period: period)
    case "minGap":
      guard let hours, let substance else { throw missing }
      self = .minGap(hours: hours, substance: substance)
    case "maxSpend":
      guard let amount, let period else { throw missing }
      self = .maxSpend(amount: amount, period: period)
    case "resistRate":
      guard let percent else { throw missing }
      self = .resistRate(percent: percent)
    default: throw missing
    }
  }
}

extension SafetyRule {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    if let note {
      writer.key("note")
      writer.string(note)
    }
    writer.key("substances")
    writer.beginArray()
    for substance in substances { writer.string(substance) }
    writer.endArray()
    writer.endObject()
  }

  init(from reader: inout JSONReader) throws(JSONReader.Failure) {
    var substances: [String]?
    var note: String?
    try reader.readObject { reader, key throws(JSONReader.Failure) in
      switch key {
      case "substances":
        var names: [String] = []
        try reader.readArray { reader throws(JSONReader.Failure) in
          names.append(try reader.readString())
        }
        substances = names
      case "note": note = try reader.readOptionalString()
      default: try reader.skipValue()
      }
    }
    guard let substances else {
      throw JSONReader.Failure(offset: reader.offset, expected: "the rule's substances")
    }
    self.init(substances: substances, note: note)
  }
}
