import Foundation
import SottoModel

/// The mapping between an entry and one CSV row. Column names are the paths of the fields in the
/// entry's JSON shape (`use.amount`, `goal.rule.kind`); `time` is a readable copy of `unix` and
/// `offset`, ignored on import.
enum EntryCSV {
  static let columns = [
    "id", "kind", "time", "unix", "offset", "source",
    "urge.intensity", "urge.triggers", "urge.outcome", "urge.durationMinutes", "urge.coping",
    "urge.finalIntensity", "urge.note",
    "use.substance", "use.amount", "use.unit", "use.route", "use.setting", "use.cost",
    "use.moodBefore", "use.moodAfter", "use.note", "use.abv",
    "goal.rule.kind", "goal.rule.amount", "goal.rule.unit", "goal.rule.substance",
    "goal.rule.period", "goal.rule.days", "goal.rule.hours", "goal.rule.percent", "goal.note",
    "goal.archived", "rule.substances", "rule.note",
  ]

  static let requiredColumns = ["id", "kind", "unix", "offset"]

  // MARK: Writing

  static func row(
    for entry: Entry, location: JournalCodecError.Location
  ) throws(JournalCodecError) -> [CSVCell] {
    // Cells by position: a dictionary of column names for every row cost more than the rest
    // of the export. Each kind's columns are consecutive in `columns`, in the order set here.
    var cells = [CSVCell](repeating: nil, count: columns.count)
    cells[0] = entry.id.hex
    cells[1] = entry.kind.rawValue
    cells[2] = ISO8601Time.string(entry.at)
    cells[3] = String(entry.at.unixSeconds)
    cells[4] = String(entry.at.utcOffsetSeconds)
    cells[5] = entry.source.rawValue
    func number(_ value: Double?, _ column: String) throws(JournalCodecError) -> String? {
      guard let value else { return nil }
      guard value.isFinite else {
        throw JournalCodecError(
          code: .unencodable, location: location, field: column,
          problem: "the \(column) is not a finite number and cannot be exported. Correct or "
            + "delete that entry and export again. Nothing was written.")
      }
      return format(value)
    }
    func fill(from start: Int, _ values: [String?]) {
      for (offset, value) in values.enumerated() { cells[start + offset] = value }
    }
    switch entry.body {
    case .urge(let urge):
      fill(
        from: Self.urgeStart,
        [
          String(urge.intensity), stringsJSON(urge.triggers), urge.outcome?.rawValue,
          urge.durationMinutes.map { String($0) }, urge.coping,
          urge.finalIntensity.map { String($0) }, urge.note,
        ])
    case .use(let use):
      fill(
        from: Self.useStart,
        [
          use.substance, try number(use.amount, "use.amount"), use.unit, use.route, use.setting,
          try number(use.cost, "use.cost"), use.moodBefore, use.moodAfter, use.note,
          try number(use.abv, "use.abv"),
        ])
    case .goal(let goal):
      // kind, amount, unit, substance, period, days, hours, percent, note, archived
      var rule = [String?](repeating: nil, count: 8)
      rule[0] = goal.rule.kind
      switch goal.rule {
      case .cap(let amount, let unit, let substance, let period):
        rule[1] = try number(amount, "goal.rule.amount")
        rule[2] = unit
        rule[3] = substance
        rule[4] = period.rawValue
      case .useFreeDays(let days, let period):
        rule[5] = String(days)
        rule[4] = period.rawValue
      case .minGap(let hours, let substance):
        rule[6] = try number(hours, "goal.rule.hours")
        rule[3] = substance
      case .maxSpend(let amount, let period):
        rule[1] = try number(amount, "goal.rule.amount")
        rule[4] = period.rawValue
      case .resistRate(let percent):
        rule[7] = String(percent)
      }
      fill(from: Self.goalStart, rule + [goal.note, goal.archived ? "true" : "false"])
    case .rule(let rule):
      fill(from: Self.ruleStart, [stringsJSON(rule.substances), rule.note])
    }
    return cells
  }

  private static let urgeStart = columns.firstIndex(of: "urge.intensity")!
  private static let useStart = columns.firstIndex(of: "use.substance")!
  private static let goalStart = columns.firstIndex(of: "goal.rule.kind")!
  private static let ruleStart = columns.firstIndex(of: "rule.substances")!

  /// A whole number without a fraction (`3`), anything else in Swift's shortest form that reads
  /// back to the same `Double` (`0.1`, `1e-05`).
  static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  /// A JSON array of strings (`["payday","bored"]`), as the JSON export writes strings.
  private static func stringsJSON(_ strings: [String]) -> String {
    var writer = JSONWriter()
    writer.beginArray()
    for string in strings { writer.string(string) }
    writer.endArray()
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  // MARK: Reading

  /// Maps header cells to column names; throws on an unknown, repeated or missing column.
  static func header(_ record: CSVRecord) throws(JournalCodecError) -> [String] {
    var names: [String] = []
    for (index, cell) in record.cells.enumerated() {
      guard let name = cell, columns.contains(name) else {
        throw JournalCodecError(
          code: .unrecognisedFormat, location: .line(record.line),
          problem: "column \(index + 1) of the header is not a Sotto column. The first row must "
            + "name the columns of a Sotto CSV export (see Docs/EXPORT.md). "
            + JournalCodecError.nothingImported)
      }
      guard !names.contains(name) else {
        throw JournalCodecError(
          code: .unrecognisedFormat, location: .line(record.line), field: name,
          problem: "the header names the column \(name) twice. "
            + JournalCodecError.nothingImported)
      }
      names.append(name)
    }
    for name in requiredColumns where !names.contains(name) {
      throw JournalCodecError(
        code: .unrecognisedFormat, location: .line(record.line), field: name,
        problem: "the header has no \(name) column, which every Sotto CSV needs. "
          + JournalCodecError.nothingImported)
    }
    return names
  }

  /// Reads one row into an entry (not yet validated).
  static func entry(
    from record: CSVRecord, header: [String]
  ) throws(JournalCodecError) -> Entry {
    guard record.cells.count == header.count else {
      throw JournalCodecError(
        code: .malformed, location: .line(record.line),
        problem: "this row has \(record.cells.count) cells but the header has \(header.count). "
          + "Every row needs one cell per column. " + JournalCodecError.nothingImported)
    }
    var row = Row(
      line: record.line, values: Dictionary(uniqueKeysWithValues: zip(header, record.cells)))
    let id = try row.required("id", "must be 32 hex digits") { EntryID(hex: $0) }
    let kind = try row.required("kind", "must be urge, use, goal or rule") {
      EntryKind(rawValue: $0)
    }
    let unix = try row.required("unix", "must be a whole number of seconds") { Int64($0) }
    let offset = try row.required("offset", "must be a whole number of seconds") { Int32($0) }
    let source =
      try row.optional("source", "must be direct or quickCapture") { EntrySource(rawValue: $0) }
      ?? .direct
    _ = row.take("time")
    let body: EntryBody
    switch kind {
    case .urge:
      body = .urge(
        Urge(
          intensity: try row.required("urge.intensity", wholeNumber) { Int($0) },
          triggers: try row.optional("urge.triggers", triggersProblem, parseTriggers) ?? [],
          outcome: try row.optional("urge.outcome", "must be resisted or acted") {
            UrgeOutcome(rawValue: $0)
          },
          durationMinutes: try row.optional("urge.durationMinutes", wholeNumber) { Int($0) },
          coping: row.take("urge.coping"),
          finalIntensity: try row.optional("urge.finalIntensity", wholeNumber) { Int($0) },
          note: row.take("urge.note")))
    case .use:
      body = .use(
        Use(
          substance: try row.required("use.substance", "is needed") { $0 },
          amount: try row.optional("use.amount", decimal, parseNumber),
          unit: row.take("use.unit"),
          route: row.take("use.route"),
          setting: row.take("use.setting"),
          cost: try row.optional("use.cost", decimal, parseNumber),
          moodBefore: row.take("use.moodBefore"),
          moodAfter: row.take("use.moodAfter"),
          note: row.take("use.note"),
          abv: try row.optional("use.abv", decimal, parseNumber)))
    case .goal:
      body = .goal(try goal(&row))
    case .rule:
      body = .rule(
        SafetyRule(
          substances: try row.required("rule.substances", substancesProblem, parseTriggers),
          note: row.take("rule.note")))
    }
    try row.checkNothingLeft(kind: kind)
    return Entry(
      id: id, at: Timestamp(unixSeconds: unix, utcOffsetSeconds: offset), source: source,
      body: body)
  }

  private static func goal(_ row: inout Row) throws(JournalCodecError) -> Goal {
    let kind = try row.required(
      "goal.rule.kind", "must be cap, useFreeDays, minGap, maxSpend or resistRate"
    ) { ["cap", "useFreeDays", "minGap", "maxSpend", "resistRate"].contains($0) ? $0 : nil }
    func period() throws(JournalCodecError) -> GoalPeriod {
      try row.required("goal.rule.period", "must be day or week") { GoalPeriod(rawValue: $0) }
    }
    let rule: GoalRule
    switch kind {
    case "cap":
      rule = .cap(
        amount: try row.required("goal.rule.amount", decimal, parseNumber),
        unit: try row.required("goal.rule.unit", "is needed") { $0 },
        substance: try row.required("goal.rule.substance", "is needed") { $0 },
        period: try period())
    case "useFreeDays":
      rule = .useFreeDays(
        days: try row.required("goal.rule.days", wholeNumber) { Int($0) }, period: try period())
    case "minGap":
      rule = .minGap(
        hours: try row.required("goal.rule.hours", decimal, parseNumber),
        substance: try row.required("goal.rule.substance", "is needed") { $0 })
    case "maxSpend":
      rule = .maxSpend(
        amount: try row.required("goal.rule.amount", decimal, parseNumber), period: try period())
    default:
      rule = .resistRate(percent: try row.required("goal.rule.percent", wholeNumber) { Int($0) })
    }
    return Goal(
      rule: rule, note: row.take("goal.note"),
      archived: try row.optional("goal.archived", "must be true or false") {
        $0 == "true" ? true : $0 == "false" ? false : nil
      } ?? false)
  }

  private static let wholeNumber = "must be a whole number"
  private static let decimal = "must be a finite decimal number such as 2 or 0.5"
  private static let substancesProblem =
    "must be a JSON array of two strings, for example [\"alcohol\",\"diazepam\"]"
  private static let triggersProblem =
    "must be a JSON array of strings, for example [\"payday\",\"bored\"]"

  /// Digits, an optional sign, point and exponent only: no `nan`, `inf` or hex, and finite.
  static func parseNumber(_ text: String) -> Double? {
    let allowed = Set("0123456789+-.eE".utf8)
    guard !text.isEmpty, text.utf8.allSatisfy(allowed.contains), let value = Double(text),
      value.isFinite
    else { return nil }
    return value
  }

  private static func parseTriggers(_ text: String) -> [String]? {
    try? JSONDecoder().decode([String].self, from: Data(text.utf8))
  }

  /// The cells of one row by column name; each is taken once, and what is left must be empty.
  private struct Row {
    var line: Int
    var values: [String: CSVCell]

    mutating func take(_ column: String) -> String? {
      values.removeValue(forKey: column) ?? nil
    }

    mutating func optional<T>(
      _ column: String, _ problem: String, _ parse: (String) -> T?
    ) throws(JournalCodecError) -> T? {
      guard let text = take(column) else { return nil }
      guard let value = parse(text) else { throw invalid(column, problem) }
      return value
    }

    mutating func required<T>(
      _ column: String, _ problem: String, _ parse: (String) -> T?
    ) throws(JournalCodecError) -> T {
      guard let value = try optional(column, problem, parse) else {
        throw JournalCodecError(
          code: .invalidValue, location: .line(line), field: column,
          problem: "the \(column) cell is empty but is needed for this entry. "
            + JournalCodecError.nothingImported)
      }
      return value
    }

    func invalid(_ column: String, _ problem: String) -> JournalCodecError {
      JournalCodecError(
        code: .invalidValue, location: .line(line), field: column,
        problem: "the \(column) cell \(problem). " + JournalCodecError.nothingImported)
    }

    func checkNothingLeft(kind: EntryKind) throws(JournalCodecError) {
      for column in EntryCSV.columns {
        if let value = values[column], value != nil {
          throw JournalCodecError(
            code: .invalidValue, location: .line(line), field: column,
            problem: "the \(column) cell must be empty in a row of kind \(kind.rawValue) "
              + "(or of that goal rule). " + JournalCodecError.nothingImported)
        }
      }
    }
  }
}
