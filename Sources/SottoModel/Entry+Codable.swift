// The JSON shape of an entry is part of the published format (Docs/FORMAT.md, "Entry JSON"):
// it is the plaintext of every record and the body of every export. Change it only with a
// format version bump.

extension EntryID: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let id = EntryID(hex: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "An entry id must be 32 hex digits.")
    }
    self = id
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(hex)
  }
}

extension Entry: Codable {
  enum CodingKeys: String, CodingKey {
    case id, kind, at, source, urge, use, goal, rule
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(EntryID.self, forKey: .id)
    at = try container.decode(Timestamp.self, forKey: .at)
    source = try container.decodeIfPresent(EntrySource.self, forKey: .source) ?? .direct
    switch try container.decode(EntryKind.self, forKey: .kind) {
    case .urge: body = .urge(try container.decode(Urge.self, forKey: .urge))
    case .use: body = .use(try container.decode(Use.self, forKey: .use))
    case .goal: body = .goal(try container.decode(Goal.self, forKey: .goal))
    case .rule: body = .rule(try container.decode(SafetyRule.self, forKey: .rule))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(kind, forKey: .kind)
    try container.encode(at, forKey: .at)
    try container.encode(source, forKey: .source)
    switch body {
    case .urge(let urge): try container.encode(urge, forKey: .urge)
    case .use(let use): try container.encode(use, forKey: .use)
    case .goal(let goal): try container.encode(goal, forKey: .goal)
    case .rule(let rule): try container.encode(rule, forKey: .rule)
    }
  }
}

extension Goal: Codable {
  enum CodingKeys: String, CodingKey {
    case rule, note, archived
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    rule = try container.decode(GoalRule.self, forKey: .rule)
    note = try container.decodeIfPresent(String.self, forKey: .note)
    archived = try container.decodeIfPresent(Bool.self, forKey: .archived) ?? false
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rule, forKey: .rule)
    try container.encodeIfPresent(note, forKey: .note)
    try container.encode(archived, forKey: .archived)
  }
}

extension GoalRule: Codable {
  enum CodingKeys: String, CodingKey {
    case kind, amount, unit, substance, period, days, hours, percent
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let kind = try container.decode(String.self, forKey: .kind)
    switch kind {
    case "cap":
      self = .cap(
        amount: try container.decode(Double.self, forKey: .amount),
        unit: try container.decode(String.self, forKey: .unit),
        substance: try container.decode(String.self, forKey: .substance),
        period: try container.decode(GoalPeriod.self, forKey: .period))
    case "useFreeDays":
      self = .useFreeDays(
        days: try container.decode(Int.self, forKey: .days),
        period: try container.decode(GoalPeriod.self, forKey: .period))
    case "minGap":
      self = .minGap(
        hours: try container.decode(Double.self, forKey: .hours),
        substance: try container.decode(String.self, forKey: .substance))
    case "maxSpend":
      self = .maxSpend(
        amount: try container.decode(Double.self, forKey: .amount),
        period: try container.decode(GoalPeriod.self, forKey: .period))
    case "resistRate":
      self = .resistRate(percent: try container.decode(Int.self, forKey: .percent))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: container, debugDescription: "Unknown goal kind.")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(kind, forKey: .kind)
    switch self {
    case .cap(let amount, let unit, let substance, let period):
      try container.encode(amount, forKey: .amount)
      try container.encode(unit, forKey: .unit)
      try container.encode(substance, forKey: .substance)
      try container.encode(period, forKey: .period)
    case .useFreeDays(let days, let period):
      try container.encode(days, forKey: .days)
      try container.encode(period, forKey: .period)
    case .minGap(let hours, let substance):
      try container.encode(hours, forKey: .hours)
      try container.encode(substance, forKey: .substance)
    case .maxSpend(let amount, let period):
      try container.encode(amount, forKey: .amount)
      try container.encode(period, forKey: .period)
    case .resistRate(let percent):
      try container.encode(percent, forKey: .percent)
    }
  }
}
